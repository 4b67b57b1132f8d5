import { append } from '../model/arrays';
import { detached } from '../model/detach';
import { wrap } from '../edits/wrap';
import { linesOf } from '../model/lines';
import { shifted } from '../model/shift';
import { characterStart, collapseWhitespace } from '../model/text';
import type { Paragraph } from '../model/types';
import type { Check, Finding } from './check';
import { paragraphFindings, proseOf } from './facts/prose';

const URL = /(?:https?:\/\/|www\.|mailto:)\S+/;
/** What a paragraph of an edited article is found to hold, kept by whether it may be rewrapped. */
const REWRAPPABLE = 'style.line-length: rewrappable';
const NOT_REWRAPPABLE = 'style.line-length';
const NONE: ReadonlySet<number> = new Set();

export const styleLineLength: Check = {
  code: 'style.line-length',
  severity: 'warning',
  description:
    "A line longer than the email width (the profile's, else the width the issue itself keeps to); dividers and lines with a URL are exempt.",
  heuristic: false,
  run(context) {
    const { text, doc, width, eol } = context;
    const findings: Finding[] = [];
    const skip = new Set<number>();
    for (const element of doc.footer?.elements ?? []) if (element.type === 'paragraph') skip.add(element.paragraph.start);
    if (doc.masthead) skip.add(doc.masthead.start);
    // Paragraphs are told apart by where they start: the model may hand out equal copies of one.
    const contents = new Set(doc.contents?.entries.map((e) => e.paragraph.start) ?? []);
    const { paragraphs } = doc;
    let next = 0;
    // The paragraphs before `end` not yet read, outside the articles: the findings stay in document order.
    const outsideBefore = (end: number): void => {
      for (; next < paragraphs.length && paragraphs[next]!.start < end; next++) {
        const paragraph = paragraphs[next]!;
        if (!skip.has(paragraph.start)) append(findings, outsideLongLines(text, paragraph, contents.has(paragraph.start), width, eol));
      }
    };
    for (const article of doc.articles) {
      outsideBefore(article.start);
      const first = next;
      while (next < paragraphs.length && paragraphs[next]!.start < article.end) next++;
      const end = next;
      append(
        findings,
        context.perArticle('style.line-length', article, () => {
          const prose = new Set(proseOf(text, article).map((p) => p.start));
          const own = paragraphs.slice(first, end);
          if (context.firstVersion) return longLines(text, own, prose, width, eol);
          // The article an edit changed: its other paragraphs' lines are not measured again.
          const found: Finding[] = [];
          for (const paragraph of own) {
            const rewrappable = prose.has(paragraph.start);
            append(
              found,
              paragraphFindings(context, rewrappable ? REWRAPPABLE : NOT_REWRAPPABLE, paragraph, (t, p) =>
                longLines(t, [p], rewrappable ? prose : NONE, width, eol),
              ),
            );
          }
          return found;
        }),
      );
    }
    outsideBefore(Infinity);
    return findings;
  },
};

/**
 * What a paragraph outside the articles (the contents list, above all) was found to hold, by paragraph, and where
 * it stood then: the parse keeps the same paragraph object while its text is unchanged (moving it in place after
 * an edit above it, as the footer's after every keystroke in an article).
 */
const outsideFound = new WeakMap<Paragraph, { key: string; start: number; findings: readonly Finding[] }>();

function outsideLongLines(text: string, paragraph: Paragraph, rewrappable: boolean, width: number, eol: string): readonly Finding[] {
  const key = `${rewrappable}:${width}:${eol}`;
  const known = outsideFound.get(paragraph);
  if (known?.key === key) return shifted(known.findings, paragraph.start - known.start);
  const findings = longLines(text, [paragraph], new Set(rewrappable ? [paragraph.start] : []), width, eol);
  // Kept while the paragraph is, so holding none of this version's text.
  outsideFound.set(paragraph, { key, start: paragraph.start, findings: detached(findings) });
  return findings;
}

/** A finding for each line longer than the width; the first of a rewrappable paragraph offers to rewrap it. */
function longLines(
  text: string,
  paragraphs: readonly Paragraph[],
  rewrappable: ReadonlySet<number>,
  width: number,
  eol: string,
): Finding[] {
  const findings: Finding[] = [];
  for (const paragraph of paragraphs) {
    let reported = false;
    for (const line of linesOf(text, paragraph)) {
      const length = line.end - line.start;
      if (length <= width) continue;
      const content = text.slice(line.start, line.end);
      if (URL.test(content)) continue;
      const fix = !reported && rewrappable.has(paragraph.start) ? rewrapFix(text, paragraph, width, eol) : undefined;
      findings.push({
        // From the character that crosses the width: an emoji there is not cut in half.
        start: characterStart(text, line.start + width),
        end: line.end,
        message: `Line of ${length} characters, longer than the email width of ${width}.`,
        ...(fix ? { fixes: [fix] } : {}),
      });
      reported = true;
    }
  }
  return findings;
}

function rewrapFix(
  text: string,
  paragraph: Paragraph,
  width: number,
  eol: string,
): Finding['fixes'] extends readonly (infer F)[] | undefined ? F : never {
  const wrapped = wrap(collapseWhitespace(text.slice(paragraph.start, paragraph.end)), width, eol);
  return {
    title: `Rewrap the paragraph at ${width} columns`,
    edits: [{ start: paragraph.start, end: paragraph.end, newText: wrapped }],
    safe: true,
  };
}
