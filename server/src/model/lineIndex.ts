// Offsets ↔ line/character (UTF-16 code units), with `\r\n`, `\r` and `\n`
// ending lines as LSP says. This is the only place that computes columns; it
// agrees with `TextDocument` from vscode-languageserver-textdocument, which the
// server uses for open documents (a property test holds the two together).

export interface LinePosition {
  readonly line: number;
  readonly character: number;
}

/** Converts between offsets and positions. */
export interface Positions {
  positionAt(offset: number): LinePosition;
  offsetAt(position: LinePosition): number;
}

/**
 * The one position the searches below hand `offsetAt`, which reads it and keeps nothing: a new one for each of
 * the few line starts every diagnostic's range looks up was a quarter of what converting a 1 MB issue's thousand
 * diagnostics allocated, about 250 KB per keystroke, for the garbage collector to sweep.
 */
const probe = { line: 0, character: 0 };

function offsetOf(positions: Positions, line: number, character: number): number {
  probe.line = line;
  probe.character = character;
  return positions.offsetAt(probe);
}

/**
 * `positionAt(offset)`, when `near` is a position on the line where the offset may be: a line's start and end are
 * found without the search `positionAt` makes. An offset in a line break, or on another line, is left to it.
 */
export function positionOnLineOf(positions: Positions, near: LinePosition, offset: number): LinePosition {
  const { line } = near;
  const lineStart = offsetOf(positions, line, 0);
  // Up to the next line's start, which offsetAt clamps to the end of this line's text.
  const lineEnd = offsetOf(positions, line, offsetOf(positions, line + 1, 0) - lineStart);
  if (offset >= lineStart && offset <= lineEnd) return { line, character: offset - lineStart };
  return positions.positionAt(offset);
}

/** Lines a forward search looks ahead before it leaves the offset to `positionAt`. */
const LOOK_AHEAD = 64;

/**
 * `positionAt(offset)`, when `from` is the position of an earlier offset not far before: for offsets in order (a
 * document's diagnostics), the line is found in steps that double from `from`'s, and then halve, rather than by
 * a search of every line.
 */
export function positionAfter(positions: Positions, from: LinePosition, offset: number): LinePosition {
  // An offset before `from`'s line is left to positionAt by positionOnLineOf, at the end.
  let low = from.line;
  // Past the last line offsetAt gives the text's length, which is after the offset unless the offset is at the
  // end or beyond: then no line starts after it, and the search gives up.
  let high = low + 1;
  while (offsetOf(positions, high, 0) <= offset) {
    if (high - from.line > LOOK_AHEAD) return positions.positionAt(offset);
    low = high;
    high = from.line + 2 * (high - from.line);
  }
  // Now line `low` starts at or before the offset and line `high` after it: halve the gap.
  while (high - low > 1) {
    const mid = (low + high) >> 1;
    if (offsetOf(positions, mid, 0) <= offset) low = mid;
    else high = mid;
  }
  return positionOnLineOf(positions, { line: low, character: 0 }, offset);
}

export class LineIndex implements Positions {
  private readonly starts: number[];

  constructor(private readonly text: string) {
    const starts = [0];
    if (!text.includes('\r')) {
      // Only LF: the built-in search runs far faster than a loop over every character.
      for (let i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', i + 1)) starts.push(i + 1);
      this.starts = starts;
      return;
    }
    for (let i = 0; i < text.length; i++) {
      const c = text.charCodeAt(i);
      if (c === 13) {
        if (text.charCodeAt(i + 1) === 10) i++;
        starts.push(i + 1);
      } else if (c === 10) {
        starts.push(i + 1);
      }
    }
    this.starts = starts;
  }

  get lineCount(): number {
    return this.starts.length;
  }

  positionAt(offset: number): LinePosition {
    const clamped = Math.max(0, Math.min(offset, this.text.length));
    let low = 0;
    let high = this.starts.length - 1;
    while (low < high) {
      const mid = (low + high + 1) >> 1;
      if (this.starts[mid]! <= clamped) low = mid;
      else high = mid - 1;
    }
    const lineStart = this.starts[low]!;
    return { line: low, character: this.beforeLineBreak(clamped, lineStart) - lineStart };
  }

  offsetAt(position: LinePosition): number {
    if (position.line < 0) return 0;
    if (position.line >= this.starts.length) return this.text.length;
    const start = this.starts[position.line]!;
    if (position.character <= 0) return start;
    const nextStart = position.line + 1 < this.starts.length ? this.starts[position.line + 1]! : this.text.length;
    return this.beforeLineBreak(Math.min(start + position.character, nextStart), start);
  }

  /** Moves an offset that points into a line break back to the end of the line's text. */
  private beforeLineBreak(offset: number, lineStart: number): number {
    while (offset > lineStart) {
      const c = this.text.charCodeAt(offset - 1);
      if (c !== 10 && c !== 13) break;
      offset--;
    }
    return offset;
  }
}
