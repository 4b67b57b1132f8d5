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

/** What was read in a paragraph, under its text (a copy, holding no version's text). */
interface ReadParagraph<T> {
  readonly text: string;
  readonly value: T;
}

/** Longer paragraphs are read again: what is kept stays a copy of a few paragraphs, not of a long text. */
const LONGEST_KEPT = 2000;

/**
 * A paragraph's text, as a key: one string per paragraph and version, whose hash V8 then computes once for
 * every reader that looks the paragraph up.
 */
function keyOf(context: CheckContext, paragraph: Paragraph): string {
  const keys = context.memo('paragraph keys', () => new Map<Paragraph, string>());
  let key = keys.get(paragraph);
  if (key === undefined) keys.set(paragraph, (key = context.text.slice(paragraph.start, paragraph.end)));
  return key;
}

/** Reads prose paragraphs, each once while its text stays as it is. */
export interface ParagraphReader<T> {
  /**
   * True for a document's first version (and when what the checks assume changed): every paragraph is read
   * then, and nothing kept, which would be a copy of them all. The caller may then read whole articles at once.
   */
  readonly first: boolean;
  /** What `read` gives for the paragraph: kept from the last version when it had the same text. */
  read(paragraph: Paragraph): T;
}

/**
 * A reader of the prose paragraphs of the articles a version checks again (after a keystroke, the edited one),
 * which keeps what `read` found in each for the next version, under a copy of the paragraph's text. `read` must
 * give what holds no slice of the text and no offset but from the paragraph's start. The reader is made when
 * first asked for, so that a version that checks no article again keeps what the last one kept.
 */
export function paragraphReader<T>(
  context: CheckContext,
  name: string,
  read: (text: string, paragraph: Paragraph) => T,
): () => ParagraphReader<T> {
  let reader: ParagraphReader<T> | undefined;
  return () => {
    if (reader) return reader;
    const { text } = context;
    let before: ReadonlyMap<string, ReadParagraph<T>> = new Map();
    let first = false;
    const now = context.acrossVersions<Map<string, ReadParagraph<T>>>(`${name} by paragraph`, (previous) => {
      first = previous === undefined;
      before = previous ?? new Map();
      return new Map();
    });
    reader = {
      first,
      read(paragraph) {
        if (first || paragraph.end - paragraph.start > LONGEST_KEPT) return read(text, paragraph);
        const key = keyOf(context, paragraph);
        const known = before.get(key) ?? now.get(key) ?? { text: detach(key), value: read(text, paragraph) };
        now.set(known.text, known);
        return known.value;
      },
    };
    return reader;
  };
}

/**
 * The findings of a check that reads each prose paragraph alone. Unchanged articles' are reused, as by
 * `perArticleProse`; in the edited article, each paragraph whose text the last version checked is not read
 * again. A keystroke in a long article rechecked all its paragraphs before, for one changed.
 */
export function perParagraphProse(context: CheckContext, name: string, find: (text: string, paragraph: Paragraph) => Finding[]): Finding[] {
  const { text } = context;
  const reader = paragraphReader(context, name, (t, paragraph) => detached(shifted(find(t, paragraph), -paragraph.start)));
  const out: Finding[] = [];
  for (const article of context.doc.articles) {
    const found = context.perArticle(name, article, () => {
      const paragraphs = reader();
      const findings: Finding[] = [];
      for (const paragraph of proseOf(text, article)) {
        if (paragraphs.first) append(findings, find(text, paragraph));
        else append(findings, shifted(paragraphs.read(paragraph), paragraph.start));
      }
      return findings;
    });
    append(out, found);
  }
  return out;
}
