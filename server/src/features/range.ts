// Spans to protocol ranges: features convert through here, never by hand.
import type { Range } from 'vscode-languageserver-types';
import { positionOnLineOf } from '../model/lineIndex';
import type { Positions } from '../model/lineIndex';
import type { Span } from '../model/types';

export function toRange(positions: Positions, span: Span): Range {
  const start = positions.positionAt(span.start);
  // A span's end is most often on its start's line.
  return { start, end: positionOnLineOf(positions, start, span.end) };
}

export function toSpan(positions: Positions, range: Range): Span {
  const start = positions.offsetAt(range.start);
  const end = positions.offsetAt(range.end);
  return start <= end ? { start, end } : { start: end, end: start };
}
