// Runs every enabled check and gives each finding its code and severity.
import type { Check, Problem } from './check';
import type { CheckContext } from './context';
import { CHECKS } from './registry';

export interface RunOptions {
  /** Stop early when the caller no longer wants the result (a newer edit arrived). */
  readonly isCancelled?: () => boolean;
  readonly checks?: readonly Check[];
  /** Keep only each check's first findings: an editor gains nothing from a hundred thousand squiggles of one kind. */
  readonly maxPerCheck?: number;
}

export function runChecks(context: CheckContext, options: RunOptions = {}): Problem[] {
  const problems: Problem[] = [];
  for (const check of options.checks ?? CHECKS) {
    if (options.isCancelled?.()) break;
    if (context.limited && !check.quick) continue;
    const setting = context.profile.checks[check.code] ?? check.severity;
    if (setting === 'off') continue;
    const findings = check.run(context);
    const kept =
      options.maxPerCheck !== undefined && findings.length > options.maxPerCheck ? findings.slice(0, options.maxPerCheck) : findings;
    for (const finding of kept) problems.push({ ...finding, code: check.code, severity: setting });
  }
  // Stable: findings at one place keep the order of the registry.
  return problems.sort((a, b) => a.start - b.start);
}
