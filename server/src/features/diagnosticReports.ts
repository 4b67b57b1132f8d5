// What a client that pulls diagnostics (VS Code) was last sent for each document. Most keystrokes change
// no diagnostic: the report is then "unchanged", and neither side serializes, sends or converts the same
// diagnostics again (about 260 KB of JSON per keystroke on a 1 MB issue).
import type { DocumentDiagnosticReport } from 'vscode-languageserver';
import type { Diagnostic, DiagnosticRelatedInformation, Range } from 'vscode-languageserver-types';

interface Sent {
  readonly resultId: string;
  readonly items: readonly Diagnostic[];
}

export class DiagnosticReports {
  private readonly sent = new Map<string, Sent>();

  /**
   * The report for `items`, found under `resultId`: "unchanged" when the client holds, under
   * `previousResultId`, the last items sent for the document and they equal these.
   */
  report(uri: string, resultId: string, previousResultId: string | undefined, items: Diagnostic[]): DocumentDiagnosticReport {
    const last = this.sent.get(uri);
    if (last && previousResultId === last.resultId && sameDiagnostics(last.items, items))
      return { kind: 'unchanged', resultId: last.resultId };
    this.sent.set(uri, { resultId, items });
    return { kind: 'full', resultId, items };
  }

  forget(uri: string): void {
    this.sent.delete(uri);
  }
}

/** Equal as the client would show them: every field our diagnostics carry, in order. */
export function sameDiagnostics(a: readonly Diagnostic[], b: readonly Diagnostic[]): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (!sameDiagnostic(a[i]!, b[i]!)) return false;
  return true;
}

function sameDiagnostic(a: Diagnostic, b: Diagnostic): boolean {
  return (
    sameRange(a.range, b.range) &&
    a.severity === b.severity &&
    a.code === b.code &&
    a.source === b.source &&
    a.message === b.message &&
    a.codeDescription?.href === b.codeDescription?.href &&
    sameList(a.tags, b.tags, (x, y) => x === y) &&
    sameList(a.relatedInformation, b.relatedInformation, sameRelated) &&
    a.data === b.data
  );
}

function sameRelated(a: DiagnosticRelatedInformation, b: DiagnosticRelatedInformation): boolean {
  return a.location.uri === b.location.uri && sameRange(a.location.range, b.location.range) && a.message === b.message;
}

function sameRange(a: Range, b: Range): boolean {
  return (
    a.start.line === b.start.line &&
    a.start.character === b.start.character &&
    a.end.line === b.end.line &&
    a.end.character === b.end.character
  );
}

function sameList<T>(a: readonly T[] | undefined, b: readonly T[] | undefined, same: (x: T, y: T) => boolean): boolean {
  if (a === undefined || b === undefined) return a === b;
  return a.length === b.length && a.every((x, i) => same(x, b[i]!));
}
