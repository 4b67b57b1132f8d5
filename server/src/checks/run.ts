// Runs every enabled check and gives each finding its code and severity.
import type { Check, Problem } from './check';
import type { CheckContext } from './context';
import { CHECKS } from './registry';

export interface RunOptions {
  /** Stop early when the caller no longer wants the result (a newer edit arrived). */
  readonly isCancelled?: () => boolean;
  readonly checks?: readonly Check[];
}

export function runChecks(context: CheckContext, options: RunOptions = {}): Problem[] {
  const problems: Problem[] = [];
  for (const check of options.checks ?? CHECKS) {
    if (options.isCancelled?.()) break;
    if (context.limited && !check.quick) continue;
    const setting = context.profile.checks[check.code] ?? check.severity;
    if (setting === 'off') continue;
    for (const finding of check.run(context)) problems.push({ ...finding, code: check.code, severity: setting });
  }
  // Stable: findings at one place keep the order of the registry.
  return problems.sort((a, b) => a.start - b.start);
}
