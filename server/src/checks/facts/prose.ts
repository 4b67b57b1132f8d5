// The paragraphs house style reads as prose: standfirsts and article bodies.
// Headlines, labels, bylines, notices, URLs and the footer are not prose.
import { isCapitals } from '../../model/text';
import type { Paragraph } from '../../model/types';
import type { CheckContext } from '../context';

export interface ProseParagraph {
  readonly paragraph: Paragraph;
  readonly article: number;
}

export function proseParagraphs(context: CheckContext): readonly ProseParagraph[] {
  return context.memo('prose', () => {
    const { doc, text } = context;
    const out: ProseParagraph[] = [];
    doc.articles.forEach((article, index) => {
      const byline = new Set(article.strayBylines.map((b) => b.start));
      for (const paragraph of article.standfirst ? [article.standfirst, ...article.body] : article.body) {
        if (byline.has(paragraph.start)) continue;
        const first = text.slice(paragraph.start, paragraph.firstLineEnd).trim();
        if (paragraph.lineCount === 1 && isCapitals(first)) continue;
        out.push({ paragraph, article: index });
      }
    });
    return out;
  });
}
