// Runs every enabled check and gives each finding its code and severity.
import type { Check, Finding, Problem, Severity } from './check';
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
  let cancelled = false;
  for (const check of options.checks ?? CHECKS) {
    if ((cancelled = options.isCancelled?.() ?? false)) break;
    if (context.limited && !check.quick) continue;
    const setting = context.profile.checks[check.code] ?? check.severity;
    if (setting === 'off') continue;
    for (const finding of check.run(context)) problems.push(asProblem(finding, check.code, setting));
    yield;
  }
  // The round ends only once every check has run: after some (`options.checks`, or a cancellation), what the
  // others keep stays for the next round.
  if (!cancelled && !options.checks) context.endRound();
  // Stable: findings at one place keep the order of the registry.
  return problems.sort((a, b) => a.start - b.start);
}

/**
 * The finding with its code and severity, its fields named one by one: every problem then has one of a few
 * shapes, whichever check found it. Spreading it (`{ ...finding, code, severity }`) added each property after
 * the spread through V8's runtime, twenty times slower; `Object.assign` took four times as long as this.
 */
function asProblem(finding: Finding, code: string, severity: Severity): Problem {
  const problem: { -readonly [K in keyof Problem]: Problem[K] } = {
    start: finding.start,
    end: finding.end,
    message: finding.message,
    code,
    severity,
  };
  if (finding.about !== undefined) problem.about = finding.about;
  if (finding.related !== undefined) problem.related = finding.related;
  if (finding.fixes !== undefined) problem.fixes = finding.fixes;
  return problem;
}

export function runChecks(context: CheckContext, options: RunOptions = {}): Problem[] {
  const steps = checkInSteps(context, options);
  for (;;) {
    const step = steps.next();
    if (step.done) return step.value;
  }
}
