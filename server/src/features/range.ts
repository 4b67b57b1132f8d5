// Spans to protocol ranges: features convert through here, never by hand.
import type { Range } from 'vscode-languageserver-types';
import { positionAfter, positionOnLineOf } from '../model/lineIndex';
import type { LinePosition, Positions } from '../model/lineIndex';
import type { Span } from '../model/types';

/** `after`: the start of a span before this one, for spans converted in order. */
export function toRange(positions: Positions, span: Span, after?: LinePosition): Range {
  const start = after ? positionAfter(positions, after, span.start) : positions.positionAt(span.start);
  // A span's end is most often on its start's line.
  return { start, end: positionOnLineOf(positions, start, span.end) };
}

export function toSpan(positions: Positions, range: Range): Span {
  const start = positions.offsetAt(range.start);
  const end = positions.offsetAt(range.end);
  return start <= end ? { start, end } : { start: end, end: start };
}
