import type { Check } from './check';
import { firstLineOf, quote } from './describe';

export const headlineMissing: Check = {
  code: 'headline.missing',
  severity: 'error',
  description: 'An article has no headline line above its standfirst.',
  heuristic: false,
  run({ doc, text }) {
    return doc.articles.flatMap((article) => {
      if (article.headline) return [];
      const where = article.standfirst ?? article.byline ?? article.body[0];
      if (!where) return [];
      const span = 'lines' in where ? firstLineOf(where) : where;
      const what = article.standfirst ? `the article whose standfirst begins ${quote(text, article.standfirst, 40)}` : 'this article';
      return [{ ...span, message: `Headline missing: ${what} has no headline line above it.` }];
    });
  },
};
