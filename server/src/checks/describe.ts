// Short quotations of document text for messages.
import { collapseWhitespace, sliceCharacters } from '../model/text';
import type { Paragraph, Span } from '../model/types';

/** The first words of a span, collapsed and cut at a word boundary. */
export function quote(text: string, span: Span, max = 48): string {
  const flat = collapseWhitespace(sliceCharacters(text, span.start, Math.min(span.end, span.start + max * 4)));
  if (flat.length <= max) return `“${flat}”`;
  const cut = flat.lastIndexOf(' ', max);
  return `“${sliceCharacters(flat, 0, cut > max / 2 ? cut : max)}…”`;
}

/** The span of a paragraph's first line (for pointing at a paragraph without covering it). */
export function firstLineOf(paragraph: Paragraph): Span {
  return { start: paragraph.start, end: paragraph.firstLineEnd };
}
