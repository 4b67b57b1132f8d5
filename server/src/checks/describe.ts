// Short quotations of document text for messages.
import { excerptOf } from '../model/text';
import type { Paragraph, Span } from '../model/types';

/** The first words of a span, collapsed and cut at a word boundary, in quotation marks. */
export function quote(text: string, span: Span, max = 48): string {
  return `“${excerptOf(text, span, max)}”`;
}

/** The span of a paragraph's first line (for pointing at a paragraph without covering it). */
export function firstLineOf(paragraph: Paragraph): Span {
  return { start: paragraph.start, end: paragraph.firstLineEnd };
}
