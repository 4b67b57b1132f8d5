// Splits text into physical lines the way LSP counts them: `\r\n`, `\r` and `\n` all end a line.
import type { Line } from './types';

const CR = 13;
const LF = 10;

export function splitLines(text: string): Line[] {
  const lines: Line[] = [];
  // A byte order mark is not content: the first line starts after it.
  let start = text.charCodeAt(0) === 0xfeff ? 1 : 0;
  const length = text.length;
  if (text.indexOf('\r') < 0) {
    while (start <= length) {
      const lf = text.indexOf('\n', start);
      if (lf < 0) {
        if (start < length || lines.length === 0) lines.push({ start, end: length, next: length });
        break;
      }
      lines.push({ start, end: lf, next: lf + 1 });
      start = lf + 1;
    }
    return lines;
  }
  let i = start;
  while (i < length) {
    const c = text.charCodeAt(i);
    if (c === LF || c === CR) {
      const next = c === CR && text.charCodeAt(i + 1) === LF ? i + 2 : i + 1;
      lines.push({ start, end: i, next });
      start = next;
      i = next;
    } else {
      i++;
    }
  }
  if (start < length || lines.length === 0) lines.push({ start, end: length, next: length });
  return lines;
}

/** True when the line holds only spaces and tabs. */
export function isBlankLine(text: string, line: Line): boolean {
  for (let i = line.start; i < line.end; i++) {
    const c = text.charCodeAt(i);
    if (c !== 32 && c !== 9) return false;
  }
  return true;
}
