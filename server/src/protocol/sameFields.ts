// Field-by-field equality of the protocol's diagnostic parts, for what is kept of diagnostics already sent.
import type { DiagnosticRelatedInformation, Range } from 'vscode-languageserver-types';

export function sameRange(a: Range, b: Range): boolean {
  return (
    a.start.line === b.start.line &&
    a.start.character === b.start.character &&
    a.end.line === b.end.line &&
    a.end.character === b.end.character
  );
}

export function sameRelated(a: DiagnosticRelatedInformation, b: DiagnosticRelatedInformation): boolean {
  return a.location.uri === b.location.uri && sameRange(a.location.range, b.location.range) && a.message === b.message;
}

/** Two lists, both absent or of equal items in order. */
export function sameList<T>(a: readonly T[] | undefined, b: readonly T[] | undefined, same: (x: T, y: T) => boolean): boolean {
  if (a === undefined || b === undefined) return a === b;
  if (a.length !== b.length) return false;
  // A loop, not `every` with a closure over `b`: V8 made the closure's context on every call, early return or
  // not, 60 KB for a 1 MB issue's thousand diagnostics compared at every keystroke.
  for (let i = 0; i < a.length; i++) if (!same(a[i]!, b[i]!)) return false;
  return true;
}
