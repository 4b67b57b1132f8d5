// Spans to protocol ranges: features convert through here, never by hand.
import type { Range } from 'vscode-languageserver-types';
import type { Positions } from '../model/lineIndex';
import type { Span } from '../model/types';

export function toRange(positions: Positions, span: Span): Range {
  return { start: positions.positionAt(span.start), end: positions.positionAt(span.end) };
}

export function toSpan(positions: Positions, range: Range): Span {
  const start = positions.offsetAt(range.start);
  const end = positions.offsetAt(range.end);
  return start <= end ? { start, end } : { start: end, end: start };
}
