import type { Check, Fix } from './check';
import { firstLineOf, quote } from './describe';
import { contentsPairing } from './facts/contentsPairs';

export const headlineMissing: Check = {
  code: 'headline.missing',
  severity: 'error',
  description: 'An article has no headline line above its standfirst.',
  heuristic: false,
  run(context) {
    const { doc, text, eol } = context;
    const pairs = contentsPairing(context).pairs;
    return doc.articles.flatMap((article) => {
      if (article.headline) return [];
      const paragraph = article.standfirst ?? (article.byline ? undefined : article.body[0]);
      const span = paragraph ? firstLineOf(paragraph) : article.byline;
      if (!span) return [];
      const what = article.standfirst ? `the article whose standfirst begins ${quote(text, article.standfirst, 40)}` : 'this article';
      const listed = pairs.find((p) => p.article === article)?.entry.headline;
      const fixes: Fix[] = listed
        ? [
            {
              title: `Insert the headline from the contents: “${listed.text}”`,
              edits: [{ start: span.start, end: span.start, newText: `${listed.text}${eol}${eol}` }],
              safe: false,
            },
          ]
        : [];
      const hint = listed ? ` The contents list it as “${listed.text}”.` : '';
      return [
        { ...span, message: `Headline missing: ${what} has no headline line above it.${hint}`, ...(fixes.length > 0 ? { fixes } : {}) },
      ];
    });
  },
};
