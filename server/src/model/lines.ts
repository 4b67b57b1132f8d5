// Lines as LSP counts them: `\r\n`, `\r` and `\n` all end a line.
import type { Paragraph, Span } from './types';

const LINE_BREAK = /[\r\n]/g;

/** Offset where the line containing `offset` ends (before its line break). */
export function lineEnd(text: string, offset: number): number {
  // The pattern finds the break faster than a loop over the line's characters.
  LINE_BREAK.lastIndex = offset;
  return LINE_BREAK.test(text) ? LINE_BREAK.lastIndex - 1 : text.length;
}

/** Offset after the line break that starts at `offset` (itself when there is none). */
export function afterLineBreak(text: string, offset: number): number {
  const c = text.charCodeAt(offset);
  if (c === 13) return text.charCodeAt(offset + 1) === 10 ? offset + 2 : offset + 1;
  return c === 10 ? offset + 1 : offset;
}

export function firstLine(paragraph: Paragraph): Span {
  return { start: paragraph.start, end: paragraph.firstLineEnd };
}

export function lastLine(paragraph: Paragraph): Span {
  return { start: paragraph.lastLineStart, end: paragraph.end };
}

/** The lines of a span, each without its line break. */
export function linesOf(text: string, span: Span): Span[] {
  const out: Span[] = [];
  let start = span.start;
  while (start <= span.end) {
    const end = Math.min(lineEnd(text, start), span.end);
    out.push({ start, end });
    if (end >= span.end) break;
    start = afterLineBreak(text, end);
  }
  return out;
}

/** The paragraph from its `index`-th line on (0-based). */
export function paragraphFromLine(text: string, paragraph: Paragraph, index: number): Paragraph {
  const lines = linesOf(text, paragraph).slice(index);
  return {
    start: lines[0]!.start,
    end: paragraph.end,
    lineCount: lines.length,
    firstLineEnd: lines[0]!.end,
    lastLineStart: paragraph.lastLineStart,
    blanksBefore: 0,
  };
}

/** One paragraph made of several consecutive ones (a standfirst over two paragraphs). */
export function joinParagraphs(paragraphs: readonly Paragraph[]): Paragraph {
  const first = paragraphs[0]!;
  const last = paragraphs[paragraphs.length - 1]!;
  return {
    start: first.start,
    end: last.end,
    lineCount: paragraphs.reduce((n, p) => n + p.lineCount, 0),
    firstLineEnd: first.firstLineEnd,
    lastLineStart: last.lastLineStart,
    blanksBefore: first.blanksBefore,
  };
}

/** A single-line paragraph made of one line of another. */
export function lineParagraph(line: Span, blanksBefore = 0): Paragraph {
  return { start: line.start, end: line.end, lineCount: 1, firstLineEnd: line.end, lastLineStart: line.start, blanksBefore };
}
