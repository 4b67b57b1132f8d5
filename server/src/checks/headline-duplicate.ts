import { titleKeyOf } from '../model/text';
import type { Headline } from '../model/types';
import type { Check, Finding } from './check';

export const headlineDuplicate: Check = {
  code: 'headline.duplicate',
  severity: 'error',
  description: 'Two articles of the issue have the same headline.',
  heuristic: false,
  run({ doc }) {
    const seen = new Map<string, Headline>();
    const findings: Finding[] = [];
    for (const article of doc.articles) {
      const headline = article.headline;
      if (!headline) continue;
      const key = titleKeyOf(headline);
      const first = seen.get(key);
      if (!first) {
        seen.set(key, headline);
        continue;
      }
      findings.push({
        start: headline.start,
        end: headline.end,
        message: `Headline “${headline.text}” is used twice in this issue.`,
        related: [{ start: first.start, end: first.end, message: 'First used here' }],
      });
    }
    return findings;
  },
};
