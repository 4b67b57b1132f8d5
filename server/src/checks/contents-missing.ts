import type { Check } from './check';

export const contentsMissing: Check = {
  code: 'contents.missing',
  severity: 'warning',
  description: 'The issue has articles but no contents list before them.',
  heuristic: false,
  run({ doc }) {
    const first = doc.articles[0];
    if (!first || (doc.contents && doc.contents.entries.length > 0)) return [];
    const at = doc.masthead ? { start: doc.masthead.start, end: doc.masthead.end } : doc.paragraphs[0] ?? first;
    const line = 'lines' in at ? at.lines[0]! : at;
    return [{ start: line.start, end: line.end, message: 'No contents list: the issue should open with one entry per article.' }];
  },
};
