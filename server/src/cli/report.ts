// Formats check results for the command line: text for people, JSON for scripts.
import type { Problem, Severity } from '../checks/check';
import { CHECKS } from '../checks/registry';
import type { SendReport } from '../features/sendReport';
import { describeReport } from '../features/sendReport';
import type { Positions } from '../model/lineIndex';

export interface FileReport {
  readonly path: string;
  readonly problems: readonly Problem[];
  readonly positions: Positions;
  readonly summary: SendReport;
}

export interface Totals {
  readonly error: number;
  readonly warning: number;
  readonly information: number;
  readonly hint: number;
}

export function totals(reports: readonly FileReport[]): Totals {
  const counts: Record<Severity, number> = { error: 0, warning: 0, information: 0, hint: 0 };
  for (const report of reports) for (const p of report.problems) counts[p.severity]++;
  return counts;
}

function plural(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? '' : 's'}`;
}

export function formatText(reports: readonly FileReport[]): string {
  const lines: string[] = [];
  for (const report of reports) {
    for (const p of report.problems) {
      const at = report.positions.positionAt(p.start);
      lines.push(`${report.path}:${at.line + 1}:${at.character + 1}: ${p.severity} ${p.code}: ${p.message}`);
    }
  }
  if (lines.length > 0) lines.push('');
  for (const report of reports) {
    const { title, detail } = describeReport(report.summary);
    lines.push(`${report.path}: ${title} ${detail.split('\n').at(-1)}`);
  }
  const t = totals(reports);
  const parts = [plural(t.error, 'error'), plural(t.warning, 'warning')];
  if (t.information > 0) parts.push(`${t.information} information`);
  if (t.hint > 0) parts.push(plural(t.hint, 'hint'));
  lines.push(`${parts.join(', ')} in ${plural(reports.length, 'file')}.`);
  return `${lines.join('\n')}\n`;
}

export function formatJson(reports: readonly FileReport[]): string {
  const files = reports.map((report) => ({
    path: report.path,
    summary: { ...report.summary, first: undefined },
    problems: report.problems.map((p) => {
      const start = report.positions.positionAt(p.start);
      const end = report.positions.positionAt(p.end);
      return {
        code: p.code,
        severity: p.severity,
        message: p.message,
        line: start.line + 1,
        column: start.character + 1,
        endLine: end.line + 1,
        endColumn: end.character + 1,
      };
    }),
  }));
  return `${JSON.stringify({ files, totals: totals(reports) }, null, 2)}\n`;
}

const SARIF_LEVEL: Record<Severity, string> = { error: 'error', warning: 'warning', information: 'note', hint: 'note' };

/** SARIF 2.1.0, for code-scanning tools and CI annotations. */
export function formatSarif(reports: readonly FileReport[], version: string): string {
  const results = reports.flatMap((report) =>
    report.problems.map((p) => {
      const start = report.positions.positionAt(p.start);
      const end = report.positions.positionAt(p.end);
      return {
        ruleId: p.code,
        level: SARIF_LEVEL[p.severity],
        message: { text: p.message },
        locations: [
          {
            physicalLocation: {
              artifactLocation: { uri: report.path.split('\\').join('/') },
              region: { startLine: start.line + 1, startColumn: start.character + 1, endLine: end.line + 1, endColumn: end.character + 1 },
            },
          },
        ],
      };
    }),
  );
  const sarif = {
    $schema: 'https://json.schemastore.org/sarif-2.1.0.json',
    version: '2.1.0',
    runs: [
      {
        tool: {
          driver: {
            name: 'bulletin',
            version,
            rules: CHECKS.map((c) => ({
              id: c.code,
              shortDescription: { text: c.description },
              defaultConfiguration: { level: SARIF_LEVEL[c.severity] },
            })),
          },
        },
        results,
      },
    ],
  };
  return `${JSON.stringify(sarif, null, 2)}\n`;
}
