// The paragraphs house style reads as prose: standfirsts and article bodies.
// Headlines, labels, bylines, notices, URLs and the footer are not prose.
import { append } from '../../model/arrays';
import { isCapitals } from '../../model/text';
import type { Article, Paragraph } from '../../model/types';
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
