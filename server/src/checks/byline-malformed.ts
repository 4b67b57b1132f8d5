import type { Byline, BylineProblem } from '../model/types';
import type { Check, Finding, TextEdit } from './check';

const MESSAGES: Record<BylineProblem, string> = {
  'keyword-case': 'a byline starts with “By”, capital B, lower-case y',
  colon: 'no colon after “By”',
  'trailing-full-stop': 'no full stop at the end of a byline',
  'no-name': '“By” names no one',
};

/** The edits that turn the byline into `By Name`: only the keyword and the end change. */
export function bylineRepairs(text: string, byline: Byline): TextEdit[] {
  const edits: TextEdit[] = [];
  if (byline.problems.includes('keyword-case') || byline.problems.includes('colon')) {
    const after = text.charAt(byline.keyword.end);
    edits.push({ start: byline.keyword.start, end: byline.keyword.end, newText: /\s/.test(after) ? 'By' : 'By ' });
  }
  if (byline.problems.includes('trailing-full-stop') && text.charAt(byline.end - 1) === '.') {
    edits.push({ start: byline.end - 1, end: byline.end, newText: '' });
  }
  return edits;
}

export function bylineFindings(text: string, byline: Byline, prefix: string): Finding[] {
  const problems = byline.problems.filter((p) => p !== 'no-name' || byline.authors.length === 0);
  if (problems.length === 0) return [];
  const edits = bylineRepairs(text, byline);
  return [
    {
      start: byline.start,
      end: byline.end,
      message: `${prefix}: ${problems.map((p) => MESSAGES[p]).join('; ')}.`,
      ...(edits.length > 0 ? { fixes: [{ title: 'Write the byline as “By Name”', edits, safe: true }] } : {}),
    },
  ];
}

export const bylineMalformed: Check = {
  code: 'byline.malformed',
  severity: 'warning',
  description: 'A byline is not exactly `By Name in Place`: `by`, `By:`, or a trailing full stop.',
  heuristic: false,
  run({ doc, text }) {
    return doc.articles.flatMap((article) => (article.byline ? bylineFindings(text, article.byline, 'Malformed byline') : []));
  },
};
