// "Is it ready to send?": the problems by kind, and the size and
// reading time. Plain data, for the editor's Check Before Send and the CLI.
import type { Problem, Severity } from '../checks/check';
import type { CheckContext } from '../checks/context';
import { checkByCode } from '../checks/registry';
import { countWords } from '../model/words';

export interface SendReport {
  readonly errors: number;
  readonly warnings: number;
  readonly information: number;
  readonly hints: number;
  readonly byCode: readonly { readonly code: string; readonly severity: Severity; readonly count: number; readonly description: string }[];
  readonly articles: number;
  readonly untitled: number;
  readonly words: number;
  readonly readingMinutes: number;
  /** The first error, else the first warning. */
  readonly first?: Problem;
}

const WORDS_PER_MINUTE = 200;

export function sendReport(context: CheckContext, problems: readonly Problem[]): SendReport {
  const { doc, text } = context;
  let words = 0;
  for (const article of doc.articles) words += countWords(text, article.start, article.end);
  const counts: Record<Severity, number> = { error: 0, warning: 0, information: 0, hint: 0 };
  const byCode = new Map<string, { code: string; severity: Severity; count: number; description: string }>();
  for (const p of problems) {
    counts[p.severity]++;
    const entry = byCode.get(p.code) ?? {
      code: p.code,
      severity: p.severity,
      count: 0,
      description: checkByCode(p.code)?.description ?? '',
    };
    entry.count++;
    byCode.set(p.code, entry);
  }
  const order: Severity[] = ['error', 'warning', 'information', 'hint'];
  const first = problems.find((p) => p.severity === 'error') ?? problems.find((p) => p.severity === 'warning');
  return {
    errors: counts.error,
    warnings: counts.warning,
    information: counts.information,
    hints: counts.hint,
    byCode: [...byCode.values()].sort(
      (a, b) => order.indexOf(a.severity) - order.indexOf(b.severity) || b.count - a.count || a.code.localeCompare(b.code),
    ),
    articles: doc.articles.length,
    untitled: doc.articles.filter((a) => !a.headline).length,
    words,
    readingMinutes: Math.max(words > 0 ? 1 : 0, Math.round(words / WORDS_PER_MINUTE)),
    ...(first ? { first } : {}),
  };
}

const plural = (n: number, word: string): string => `${n.toLocaleString('en')} ${word}${n === 1 ? '' : 's'}`;

/** The report in words: a title (ready or not) and the kinds of problems, the size and the reading time. */
export function describeReport(report: SendReport): { title: string; detail: string } {
  const ready = report.errors === 0 && report.warnings === 0;
  const title = ready
    ? 'Ready to send: no errors or warnings.'
    : `Not ready to send: ${plural(report.errors, 'error')}, ${plural(report.warnings, 'warning')}.`;
  const kinds = report.byCode
    .filter((k) => k.severity === 'error' || k.severity === 'warning')
    .map((k) => `${k.count} × ${k.code} (${k.severity})`);
  const untitled = report.untitled > 0 ? ` (${report.untitled} without headline)` : '';
  const size = `${plural(report.articles, 'article')}${untitled}, ${plural(report.words, 'word')}, about ${plural(report.readingMinutes, 'minute')} to read.`;
  return { title, detail: [...kinds, ...(kinds.length > 0 ? [''] : []), size].join('\n') };
}
