import type { Check } from './check';
import { firstLineOf, quote } from './describe';
import { contentsPairing } from './facts/contentsPairs';

export const contentsMissingEntry: Check = {
  code: 'contents.missing-entry',
  severity: 'warning',
  description: 'An article has no entry in the contents list.',
  heuristic: true,
  run(context) {
    if (!context.doc.contents || context.doc.contents.entries.length === 0) return [];
    return contentsPairing(context).unpairedArticles.flatMap(({ article }) => {
      const where = article.headline ?? (article.standfirst ? firstLineOf(article.standfirst) : article.byline);
      if (!where) return [];
      const name = article.headline
        ? `“${article.headline.text}”`
        : article.standfirst
          ? `the article beginning ${quote(context.text, article.standfirst, 40)}`
          : 'This article';
      return [{ start: where.start, end: where.end, message: `No contents entry for ${name}.` }];
    });
  },
};
