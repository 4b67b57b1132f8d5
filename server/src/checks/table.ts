// The registry as a Markdown table, for the README (kept in sync by a test).
import type { Check } from './check';

export function checksTable(checks: readonly Check[]): string {
  const rows = checks.map(
    (c) => `| \`${c.code}\` | ${c.severity} | ${c.description.replace(/\|/g, '\\|')} | ${c.heuristic ? 'yes' : 'no'} |`,
  );
  return ['| Code | Default severity | What it finds | Heuristic |', '| --- | --- | --- | --- |', ...rows].join('\n');
}
