// The paragraphs house style reads as prose: standfirsts and article bodies.
// Headlines, labels, bylines, notices, URLs and the footer are not prose.
import { append } from '../../model/arrays';
import { parsedParagraph } from '../../model/paragraphs';
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

/** Longer paragraphs are read again: what is kept stays a copy of a few paragraphs, not of a long text. */
const LONGEST_KEPT = 2000;

/**
 * A paragraph's text, as a key: one string per paragraph and version, whose hash V8 then computes once for
 * every check that looks the paragraph up.
 */
function keyOf(context: CheckContext, paragraph: Paragraph): string {
  const keys = context.memo('paragraph keys', () => new Map<Paragraph, string>());
  let key = keys.get(paragraph);
  if (key === undefined) keys.set(paragraph, (key = context.text.slice(paragraph.start, paragraph.end)));
  return key;
}

/**
 * What `read` finds in a paragraph of the article a keystroke changed, kept under `name` by the document's own
 * paragraph object, which the parse keeps only while the paragraph's text is unchanged (else, by the paragraph's
 * text): the paragraphs the keystroke left as they were are not read again, nor their text hashed to look them
 * up. `read` must give what holds no offset but from the paragraph's start. Not for a document's first version
 * (`firstVersion`), where every paragraph is read once: read whole articles then.
 */
export function readParagraph<T>(
  context: CheckContext,
  name: string,
  paragraph: Paragraph,
  read: (text: string, paragraph: Paragraph) => T,
): T {
  const parsed = parsedParagraph(context.doc, paragraph);
  if (parsed) return context.ofParagraph(name, parsed, () => read(context.text, paragraph));
  if (paragraph.end - paragraph.start > LONGEST_KEPT) return read(context.text, paragraph);
  return context.remembered(name, keyOf(context, paragraph), () => read(context.text, paragraph));
}

/**
 * What `find` finds in a paragraph of the article a keystroke changed, kept as `readParagraph` keeps what it reads
 * (from the paragraph's start, so that it holds where the paragraph has moved to).
 */
export function paragraphFindings(
  context: CheckContext,
  name: string,
  paragraph: Paragraph,
  find: (text: string, paragraph: Paragraph) => Finding[],
): readonly Finding[] {
  const fromStart = readParagraph(context, name, paragraph, (t, p) => shifted(find(t, p), -p.start));
  return fromStart.length > 0 ? shifted(fromStart, paragraph.start) : fromStart;
}

/**
 * The findings of a check that reads each prose paragraph alone, or with no more of the next than `keptAs` names
 * (what the paragraph's results are kept under, by what they depend on in the next paragraph). Unchanged
 * articles' are reused; in the edited article, each paragraph the last version checked
 * is not read again. A keystroke in a long article rechecked all its paragraphs before, for one changed.
 */
export function perParagraphProse(
  context: CheckContext,
  name: string,
  find: (text: string, paragraph: Paragraph, next: Paragraph | undefined) => Finding[],
  keptAs: (text: string, next: Paragraph | undefined) => string = () => name,
): Finding[] {
  const { text } = context;
  const out: Finding[] = [];
  for (const article of context.doc.articles) {
    const found = context.perArticle(name, article, () => {
      const findings: Finding[] = [];
      const prose = proseOf(text, article);
      for (let i = 0; i < prose.length; i++) {
        const paragraph = prose[i]!;
        const next = prose[i + 1];
        if (context.firstVersion) append(findings, find(text, paragraph, next));
        else
          append(
            findings,
            paragraphFindings(context, keptAs(text, next), paragraph, (t, p) => find(t, p, next)),
          );
      }
      return findings;
    });
    append(out, found);
  }
  return out;
}
