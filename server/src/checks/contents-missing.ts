import { firstLine } from '../model/lines';
import type { Check } from './check';

export const contentsMissing: Check = {
  code: 'contents.missing',
  severity: 'warning',
  description: 'The issue has articles but no contents list before them.',
  heuristic: false,
  run({ doc }) {
    const first = doc.articles[0];
    if (!first || (doc.contents && doc.contents.entries.length > 0)) return [];
    const opening = doc.paragraphs[0];
    const line = doc.masthead ?? (opening ? firstLine(opening) : first);
    return [{ start: line.start, end: line.end, message: 'No contents list: the issue should open with one entry per article.' }];
  },
};
