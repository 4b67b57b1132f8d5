// The order diagnostics are sent in. VS Code underlines only the first 500 diagnostics of a file, in the order
// they were given (its marker decorations take the first 500 it holds; the Problems panel sorts them itself),
// so a long issue's squiggles, sent in document order, stopped halfway: typing further down showed none. Those
// nearest to where the user is (where they last typed, or the lines the editor shows) go first; the order means
// nothing to other editors.
import type { Diagnostic } from 'vscode-languageserver-types';

/** How many diagnostics of a file VS Code underlines in the editor. */
export const EDITOR_UNDERLINES = 500;

/**
 * The diagnostics (in document order) with the `limit` nearest to `line` first, in document order, then the rest
 * in document order. The same array when there are no more than `limit`, or no line to be near: then the order
 * does not matter. The nearest are a run of the diagnostics around the line, so that typing in one place keeps
 * the same run, and a client that pulls is told its diagnostics are unchanged.
 */
export function nearestFirst(diagnostics: Diagnostic[], line: number | undefined, limit = EDITOR_UNDERLINES): Diagnostic[] {
  const count = diagnostics.length;
  if (line === undefined || count <= limit) return diagnostics;
  const lineOf = (i: number): number => diagnostics[i]!.range.start.line;
  // The first diagnostic at or after the line.
  let low = 0;
  let high = count;
  while (low < high) {
    const mid = (low + high) >> 1;
    if (lineOf(mid) < line) low = mid + 1;
    else high = mid;
  }
  // Grown one at a time on the nearer side: [from, to) ends as the `limit` nearest.
  let from = low;
  let to = low;
  while (to - from < limit) {
    if (to < count && (from === 0 || lineOf(to) - line <= line - lineOf(from - 1))) to++;
    else from--;
  }
  if (from === 0) return diagnostics;
  return [...diagnostics.slice(from, to), ...diagnostics.slice(0, from), ...diagnostics.slice(to)];
}
