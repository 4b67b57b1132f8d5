// What a client that pulls diagnostics (VS Code) was last sent for each document. Most keystrokes change
// no diagnostic: the report is then "unchanged", and neither side serializes, sends or converts the same
// diagnostics again (about 260 KB of JSON per keystroke on a 1 MB issue).
import type { DocumentDiagnosticReport } from 'vscode-languageserver';
import type { Diagnostic } from 'vscode-languageserver-types';
import { sameList, sameRelated } from '../protocol/sameFields';

/** Per diagnostic: its range's four numbers and its severity (0 for none). */
const NUMBERS = 5;
/** Per diagnostic: its code, source and message. */
const VALUES = 3;

/**
 * Diagnostics as sent, kept flat until the next report: a few arrays instead of the thousands of small objects
 * of a large issue's diagnostics, which the garbage collector would copy on every scavenge meanwhile.
 */
class Sent {
  private readonly numbers: Uint32Array;
  private readonly values: unknown[];
  /** The diagnostics with any other field (related places, tags, a code description, data), by index. */
  private readonly others = new Map<number, Diagnostic>();

  constructor(
    readonly resultId: string,
    items: readonly Diagnostic[],
  ) {
    this.numbers = new Uint32Array(items.length * NUMBERS);
    this.values = new Array<unknown>(items.length * VALUES);
    items.forEach((d, i) => {
      const n = i * NUMBERS;
      this.numbers[n] = d.range.start.line;
      this.numbers[n + 1] = d.range.start.character;
      this.numbers[n + 2] = d.range.end.line;
      this.numbers[n + 3] = d.range.end.character;
      this.numbers[n + 4] = d.severity ?? 0;
      this.values[i * VALUES] = d.code;
      this.values[i * VALUES + 1] = d.source;
      this.values[i * VALUES + 2] = d.message;
      if (hasOthers(d)) this.others.set(i, d);
    });
  }

  /** True when `items` are the diagnostics sent, field by field (numbers that do not fit never compare equal). */
  equals(items: readonly Diagnostic[]): boolean {
    if (items.length * VALUES !== this.values.length) return false;
    for (let i = 0; i < items.length; i++) {
      const d = items[i]!;
      const n = i * NUMBERS;
      const v = i * VALUES;
      const numbers = this.numbers;
      if (
        numbers[n] !== d.range.start.line ||
        numbers[n + 1] !== d.range.start.character ||
        numbers[n + 2] !== d.range.end.line ||
        numbers[n + 3] !== d.range.end.character ||
        numbers[n + 4] !== (d.severity ?? 0) ||
        this.values[v] !== d.code ||
        this.values[v + 1] !== d.source ||
        this.values[v + 2] !== d.message
      )
        return false;
      const other = this.others.get(i);
      if (other ? !sameOthers(other, d) : hasOthers(d)) return false;
    }
    return true;
  }
}

export class DiagnosticReports {
  private readonly sent = new Map<string, Sent>();

  /**
   * The report for `items`, found under `resultId`: "unchanged" when the client holds, under
   * `previousResultId`, the last items sent for the document and they equal these.
   */
  report(uri: string, resultId: string, previousResultId: string | undefined, items: Diagnostic[]): DocumentDiagnosticReport {
    const last = this.sent.get(uri);
    if (last && previousResultId === last.resultId && last.equals(items)) return { kind: 'unchanged', resultId: last.resultId };
    this.sent.set(uri, new Sent(resultId, items));
    return { kind: 'full', resultId, items };
  }

  forget(uri: string): void {
    this.sent.delete(uri);
  }
}

/** Equal as the client would show them: every field a diagnostic may carry. */
export function sameDiagnostics(a: readonly Diagnostic[], b: readonly Diagnostic[]): boolean {
  return new Sent('', a).equals(b);
}

function hasOthers(d: Diagnostic): boolean {
  return d.relatedInformation !== undefined || d.tags !== undefined || d.codeDescription !== undefined || d.data !== undefined;
}

function sameOthers(a: Diagnostic, b: Diagnostic): boolean {
  return (
    a.codeDescription?.href === b.codeDescription?.href &&
    sameList(a.tags, b.tags, (x, y) => x === y) &&
    sameList(a.relatedInformation, b.relatedInformation, sameRelated) &&
    a.data === b.data
  );
}
