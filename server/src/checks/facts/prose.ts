// The paragraphs house style reads as prose: standfirsts and article bodies.
// Headlines, labels, bylines, notices, URLs and the footer are not prose.
import { append } from '../../model/arrays';
import { detach, detached } from '../../model/detach';
import { shifted } from '../../model/shift';
import { isCapitals } from '../../model/text';
import type { Article, Paragraph } from '../../model/types';
import type { Finding } from '../check';
import type { CheckContext } from '../context';

export interface ProseParagraph {
  readonly paragraph: Paragraph;
  readonly article: number;
}

const proseByArticle = new WeakMap<Article, readonly Paragraph[]>();

/** The prose paragraphs of one article: read once per article, which unchanged articles keep across edits. */
export function proseOf(text: string, article: Article): readonly Paragraph[] {
  let prose = proseByArticle.get(article);
  if (!prose) proseByArticle.set(article, (prose = readProse(text, article)));
  return prose;
}

function readProse(text: string, article: Article): Paragraph[] {
  const byline = new Set(article.strayBylines.map((b) => b.start));
  const out: Paragraph[] = [];
  for (const paragraph of article.standfirst ? [article.standfirst, ...article.body] : article.body) {
    if (byline.has(paragraph.start)) continue;
    const first = text.slice(paragraph.start, paragraph.firstLineEnd).trim();
    if (paragraph.lineCount === 1 && isCapitals(first)) continue;
    out.push(paragraph);
  }
  return out;
}

export function proseParagraphs(context: CheckContext): readonly ProseParagraph[] {
  return context.memo('prose', () => {
    const out: ProseParagraph[] = [];
    context.doc.articles.forEach((article, index) => {
      for (const paragraph of proseOf(context.text, article)) out.push({ paragraph, article: index });
    });
    return out;
  });
}

/** The findings of a check that reads each article's prose alone, reusing those of unchanged articles. */
export function perArticleProse<T>(context: CheckContext, name: string, find: (text: string, prose: readonly Paragraph[]) => T[]): T[] {
  const out: T[] = [];
  for (const article of context.doc.articles) {
    append(
      out,
      context.perArticle(name, article, () => find(context.text, proseOf(context.text, article))),
    );
  }
  return out;
}

/** A paragraph's findings, from its start, under its text (a copy, holding no version's text). */
interface ParagraphFindings {
  readonly text: string;
  readonly findings: readonly Finding[];
}

/** Longer paragraphs are read again: what is kept stays a copy of a few paragraphs, not of a long text. */
const LONGEST_KEPT = 2000;

/**
 * The findings of a check that reads each prose paragraph alone. Unchanged articles' are reused, as by
 * `perArticleProse`; in the edited article, each paragraph whose text the last version checked is not read
 * again. A keystroke in a long article rechecked all its paragraphs before, for one changed.
 */
export function perParagraphProse(context: CheckContext, name: string, find: (text: string, paragraph: Paragraph) => Finding[]): Finding[] {
  const { text } = context;
  let before: ReadonlyMap<string, ParagraphFindings> = new Map();
  let now: Map<string, ParagraphFindings> | undefined;
  /** Set for a document's first version: every paragraph is read then, and none is kept (a copy of them all). */
  let first = false;
  const remembered = (): Map<string, ParagraphFindings> =>
    (now ??= context.acrossVersions<Map<string, ParagraphFindings>>(`${name} by paragraph`, (previous) => {
      first = previous === undefined;
      before = previous ?? new Map();
      return new Map();
    }));
  const out: Finding[] = [];
  for (const article of context.doc.articles) {
    const found = context.perArticle(name, article, () => {
      const kept = remembered();
      const findings: Finding[] = [];
      for (const paragraph of proseOf(text, article)) {
        if (first || paragraph.end - paragraph.start > LONGEST_KEPT) {
          append(findings, find(text, paragraph));
          continue;
        }
        const key = text.slice(paragraph.start, paragraph.end);
        let known = before.get(key) ?? kept.get(key);
        if (!known) known = { text: detach(key), findings: detached(shifted(find(text, paragraph), -paragraph.start)) };
        kept.set(known.text, known);
        append(findings, shifted(known.findings, paragraph.start));
      }
      return findings;
    });
    append(out, found);
  }
  return out;
}
