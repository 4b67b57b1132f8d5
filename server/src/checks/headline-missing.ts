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
      const paragraph = article.standfirst ?? (article.byline ? undefined : article.body[0]);
      const span = paragraph ? firstLineOf(paragraph) : article.byline;
      if (!span) return [];
      const what = article.standfirst ? `the article whose standfirst begins ${quote(text, article.standfirst, 40)}` : 'this article';
      return [{ ...span, message: `Headline missing: ${what} has no headline line above it.` }];
    });
  },
};
