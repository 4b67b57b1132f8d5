import type { Check } from './check';
import { firstLineOf } from './describe';

export const bylineMissing: Check = {
  code: 'byline.missing',
  severity: 'error',
  description: 'An article has no `By Name` line after its standfirst.',
  heuristic: false,
  run({ doc }) {
    return doc.articles.flatMap((article) => {
      if (article.byline) return [];
      const where =
        article.headline ?? (article.standfirst ? firstLineOf(article.standfirst) : article.body[0] && firstLineOf(article.body[0]));
      if (!where) return [];
      const after = article.standfirst ? 'after the standfirst' : 'after the headline';
      return [{ start: where.start, end: where.end, message: `Byline missing: no “By Name” line ${after}.` }];
    });
  },
};
