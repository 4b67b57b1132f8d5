// Runs every enabled check and gives each finding its code and severity.
import type { Check, Problem } from './check';
import type { CheckContext } from './context';
import { CHECKS } from './registry';

export interface RunOptions {
  /** Stop early when the caller no longer wants the result (a newer edit arrived). */
  readonly isCancelled?: () => boolean;
  readonly checks?: readonly Check[];
}

/**
 * The checks run one at a time: the generator yields after each, so that a caller may let other work run in
 * between. It returns what was found, in document order (only what the checks before a cancellation found).
 */
export function* checkInSteps(context: CheckContext, options: RunOptions = {}): Generator<void, Problem[], void> {
  const problems: Problem[] = [];
  for (const check of options.checks ?? CHECKS) {
    if (options.isCancelled?.()) break;
    if (context.limited && !check.quick) continue;
    const setting = context.profile.checks[check.code] ?? check.severity;
    if (setting === 'off') continue;
    // Not `{ ...finding, code, severity }`: V8 adds each property named after a spread through the runtime,
    // twenty times slower than this, for every finding on every keystroke.
    for (const finding of check.run(context)) problems.push(Object.assign({}, finding, { code: check.code, severity: setting }));
    yield;
  }
  // Stable: findings at one place keep the order of the registry.
  return problems.sort((a, b) => a.start - b.start);
}

export function runChecks(context: CheckContext, options: RunOptions = {}): Problem[] {
  const steps = checkInSteps(context, options);
  for (;;) {
    const step = steps.next();
    if (step.done) return step.value;
  }
}
