import { formatDate } from '../model/dates';
import type { IssueDate } from '../model/types';
import type { Check, Finding } from './check';

const SHORT_MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/** The date written as citations write it: `24-Apr-09`. */
export function citationDate(date: IssueDate): string {
  const day = date.day ?? 1;
  return `${day}-${SHORT_MONTHS[date.month - 1]}-${String(date.year % 100).padStart(2, '0')}`;
}

export const xrefCitationDate: Check = {
  code: 'xref.citation-date',
  severity: 'warning',
  description: 'A cross-reference cites the right issue number with the wrong date.',
  heuristic: false,
  run(context) {
    const findings: Finding[] = [];
    for (const resolution of context.resolutions()) {
      const citation = resolution.reference.citation;
      if (!citation?.date) continue;
      const title = resolution.titles.find((t) => t.problem === 'citation-date');
      const actual = title?.citedIssue?.issue.date;
      if (!title || !actual) continue;
      const dateText = /[^,]+$/.exec(citation.text)?.[0]?.trim() ?? '';
      const dateAt = context.text.lastIndexOf(dateText, citation.end);
      findings.push({
        start: dateAt >= citation.start ? dateAt : citation.start,
        end: dateAt >= citation.start ? dateAt + dateText.length : citation.end,
        message: `${citation.publication} No. ${citation.number} is dated ${formatDate(actual)}, not ${formatDate(citation.date)}.`,
        ...(dateAt >= citation.start && actual.day !== undefined
          ? {
              fixes: [
                {
                  title: `Change the date to ${citationDate(actual)}`,
                  edits: [{ start: dateAt, end: dateAt + dateText.length, newText: citationDate(actual) }],
                  safe: true,
                },
              ],
            }
          : {}),
      });
    }
    return findings;
  },
};
