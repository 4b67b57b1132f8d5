// Problems found by the checks → protocol diagnostics.
import { DiagnosticSeverity } from 'vscode-languageserver-types';
import type { Diagnostic, DiagnosticRelatedInformation, Range } from 'vscode-languageserver-types';
import type { Problem, Severity } from '../checks/check';
import type { Positions } from '../model/lineIndex';
import type { ProfileProblem } from '../profile/load';
import { toRange } from './range';

const SEVERITY: Record<Severity, DiagnosticSeverity> = {
  error: DiagnosticSeverity.Error,
  warning: DiagnosticSeverity.Warning,
  information: DiagnosticSeverity.Information,
  hint: DiagnosticSeverity.Hint,
};

export const DIAGNOSTIC_SOURCE = 'bulletin';

/**
 * Diagnostics of one check an editor is shown at most: nobody reads a hundred thousand squiggles of one kind,
 * and all of them would be sent on every keystroke. Check Before Send and the command line count them all.
 */
export const MAX_DIAGNOSTICS_PER_CHECK = 1000;

/** The first problems of each check, in document order. */
function shown(problems: readonly Problem[]): readonly Problem[] {
  const counts = new Map<string, number>();
  return problems.filter((p) => {
    const count = (counts.get(p.code) ?? 0) + 1;
    counts.set(p.code, count);
    return count <= MAX_DIAGNOSTICS_PER_CHECK;
  });
}

export function toDiagnostics(problems: readonly Problem[], positions: Positions, uri: string): Diagnostic[] {
  // The problems come in document order: each is looked for from the one before.
  let last: Range | undefined;
  return shown(problems).map((problem) => {
    last = toRange(positions, problem, last?.start);
    const diagnostic: Diagnostic = {
      range: last,
      severity: SEVERITY[problem.severity],
      code: problem.code,
      source: DIAGNOSTIC_SOURCE,
      message: problem.message,
    };
    if (problem.related && problem.related.length > 0)
      diagnostic.relatedInformation = problem.related.map((r): DiagnosticRelatedInformation => ({
        location: { uri: r.uri ?? uri, range: r.range ?? toRange(positions, r) },
        message: r.message,
      }));
    return diagnostic;
  });
}

/** Problems of a bulletin.json, as diagnostics on that file. */
export function profileDiagnostics(problems: readonly ProfileProblem[], positions: Positions): Diagnostic[] {
  return problems.map((p) => ({
    range: toRange(positions, p),
    severity: SEVERITY[p.severity],
    code: 'profile.invalid',
    source: DIAGNOSTIC_SOURCE,
    message: p.message,
  }));
}
