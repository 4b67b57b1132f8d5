// Formats check results for the command line: text for people, JSON and SARIF for scripts.
import type { Problem, Severity } from '../checks/check';
import { CHECKS } from '../checks/registry';
import type { SendReport } from '../features/sendReport';
import { describeReport } from '../features/sendReport';
import type { Positions } from '../model/lineIndex';
import { StreamedList } from './streamedJson';

/** A problem where the command line shows it: lines and columns from 1. */
export interface LocatedProblem {
  readonly code: string;
  readonly severity: Severity;
  readonly message: string;
  readonly line: number;
  readonly column: number;
  readonly endLine: number;
  readonly endColumn: number;
}

/**
 * One file's results as the command line reports them: no more than its output needs, so that checking an
 * archive of thousands of issues keeps neither their text nor their models.
 */
export interface FileReport {
  readonly path: string;
  readonly problems: readonly LocatedProblem[];
  readonly summary: Omit<SendReport, 'first'>;
}

export function fileReport(path: string, problems: readonly Problem[], positions: Positions, summary: SendReport): FileReport {
  const located = problems.map((p): LocatedProblem => {
    const start = positions.positionAt(p.start);
    const end = positions.positionAt(p.end);
    return {
      code: p.code,
      severity: p.severity,
      message: p.message,
      line: start.line + 1,
      column: start.character + 1,
      endLine: end.line + 1,
      endColumn: end.character + 1,
    };
  });
  // All of the summary but its first problem, which the reports do not print.
  const { errors, warnings, information, hints, byCode, articles, untitled, words, readingMinutes } = summary;
  return {
    path,
    problems: located,
    summary: { errors, warnings, information, hints, byCode, articles, untitled, words, readingMinutes },
  };
}

export interface Totals {
  error: number;
  warning: number;
  information: number;
  hint: number;
}

export const noProblems = (): Totals => ({ error: 0, warning: 0, information: 0, hint: 0 });

/** Adds the report's problems to `totals`. */
export function count(totals: Totals, report: FileReport): void {
  for (const p of report.problems) totals[p.severity]++;
}

function plural(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? '' : 's'}`;
}

/** A report written as the files are checked. */
export interface Report {
  add(report: FileReport): void;
  end(totals: Totals): void;
}

/**
 * The text report, written as the files are checked: a line for each problem, each file's as soon as it is
 * checked; then a line for each file saying whether it is ready to send; then the totals.
 */
export class TextReport implements Report {
  private readonly summaries: string[] = [];
  private problems = false;

  constructor(private readonly write: (text: string) => void) {}

  add(report: FileReport): void {
    let lines = '';
    for (const p of report.problems) lines += `${report.path}:${p.line}:${p.column}: ${p.severity} ${p.code}: ${p.message}\n`;
    if (lines) {
      this.write(lines);
      this.problems = true;
    }
    const { title, detail } = describeReport(report.summary);
    this.summaries.push(`${report.path}: ${title} ${detail.split('\n').at(-1)}\n`);
  }

  end(t: Totals): void {
    const parts = [plural(t.error, 'error'), plural(t.warning, 'warning')];
    if (t.information > 0) parts.push(`${t.information} information`);
    if (t.hint > 0) parts.push(plural(t.hint, 'hint'));
    const files = this.summaries.length;
    this.write(`${this.problems ? '\n' : ''}${this.summaries.join('')}${parts.join(', ')} in ${plural(files, 'file')}.\n`);
  }
}

/** JSON for scripts: each file's path, send summary and problems, then the totals. */
export class JsonReport implements Report {
  private readonly files: StreamedList;

  constructor(write: (text: string) => void) {
    this.files = new StreamedList({ files: StreamedList.LIST }, write);
  }

  add({ path, summary, problems }: FileReport): void {
    this.files.add({ path, summary, problems });
  }

  end(totals: Totals): void {
    this.files.end({ files: StreamedList.LIST, totals });
  }
}

const SARIF_LEVEL: Record<Severity, string> = { error: 'error', warning: 'warning', information: 'note', hint: 'note' };

/** SARIF 2.1.0, for code-scanning tools and CI annotations: one result per problem, the checks as rules. */
export class SarifReport implements Report {
  private readonly results: StreamedList;
  private readonly document: unknown;

  constructor(write: (text: string) => void, version: string) {
    this.document = {
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
          results: StreamedList.LIST,
        },
      ],
    };
    this.results = new StreamedList(this.document, write);
  }

  add(report: FileReport): void {
    const uri = report.path.split('\\').join('/');
    for (const p of report.problems)
      this.results.add({
        ruleId: p.code,
        level: SARIF_LEVEL[p.severity],
        message: { text: p.message },
        locations: [
          {
            physicalLocation: {
              artifactLocation: { uri },
              region: { startLine: p.line, startColumn: p.column, endLine: p.endLine, endColumn: p.endColumn },
            },
          },
        ],
      });
  }

  end(): void {
    this.results.end(this.document);
  }
}
