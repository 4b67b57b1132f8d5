// The user's `bulletin.*` settings, as the client's workspace/configuration gives them.
import { CHECKS } from '../checks/registry';
import type { Reflow } from '../features/formatting';
import type { CheckSetting } from '../profile/profile';
import { DEFAULT_FULL_CHECK_LIMIT } from '../workspace/analysis';

export interface Settings {
  readonly checks: Readonly<Record<string, CheckSetting>>;
  readonly reflow: Reflow;
  /** Characters above which a document gets only the quick checks. */
  readonly fullCheckLimit: number;
}

const SEVERITY_SETTINGS: readonly string[] = ['error', 'warning', 'information', 'hint', 'off'];

/** The settings, keeping only well-formed values; the defaults for anything else. */
export function readSettings(raw: unknown): Settings {
  const checks: Record<string, CheckSetting> = {};
  let reflow: Reflow = 'overlong';
  let fullCheckLimit = DEFAULT_FULL_CHECK_LIMIT;
  if (typeof raw !== 'object' || raw === null) return { checks, reflow, fullCheckLimit };
  const { checks: rawChecks, format, fullChecks } = raw as { checks?: unknown; format?: unknown; fullChecks?: unknown };
  const maxMegabytes =
    typeof fullChecks === 'object' && fullChecks !== null ? (fullChecks as { maxMegabytes?: unknown }).maxMegabytes : undefined;
  if (typeof maxMegabytes === 'number' && Number.isFinite(maxMegabytes) && maxMegabytes > 0) fullCheckLimit = maxMegabytes * 1e6;
  if (typeof rawChecks === 'object' && rawChecks !== null) {
    for (const [code, value] of Object.entries(rawChecks)) {
      if (CHECKS.some((c) => c.code === code) && typeof value === 'string' && SEVERITY_SETTINGS.includes(value)) {
        checks[code] = value as CheckSetting;
      }
    }
  }
  if (typeof format === 'object' && format !== null && (format as { reflow?: unknown }).reflow === 'all') reflow = 'all';
  return { checks, reflow, fullCheckLimit };
}

/**
 * True when the settings are the same. VS Code tells the server that the configuration changed when its client
 * starts, and when any `bulletin.*` setting changes, the extension's own (`bulletin.statusBar`) too: each time,
 * every open issue was checked again and the client asked to pull its diagnostics again (in a 1 MB issue, a
 * full report of a thousand).
 */
export function sameSettings(a: Settings, b: Settings): boolean {
  if (a.reflow !== b.reflow || a.fullCheckLimit !== b.fullCheckLimit) return false;
  const codes = Object.keys(a.checks);
  return codes.length === Object.keys(b.checks).length && codes.every((code) => a.checks[code] === b.checks[code]);
}
