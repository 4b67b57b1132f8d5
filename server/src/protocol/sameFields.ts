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
  return a.length === b.length && a.every((x, i) => same(x, b[i]!));
}
