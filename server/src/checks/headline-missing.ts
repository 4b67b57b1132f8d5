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
    const listed = new Map(contentsPairing(context).pairs.map((p) => [p.article, p.entry.headline] as const));
    return doc.articles.flatMap((article) => {
      if (article.headline) return [];
      const paragraph = article.standfirst ?? (article.byline ? undefined : article.body[0]);
      const span = paragraph ? firstLineOf(paragraph) : article.byline;
      if (!span) return [];
      const what = article.standfirst ? `the article whose standfirst begins ${quote(text, article.standfirst, 40)}` : 'this article';
      const entryHeadline = listed.get(article);
      const fixes: Fix[] = entryHeadline
        ? [
            {
              title: `Insert the headline from the contents: “${entryHeadline.text}”`,
              edits: [{ start: span.start, end: span.start, newText: `${entryHeadline.text}${eol}${eol}` }],
              safe: false,
            },
          ]
        : [];
      const hint = entryHeadline ? ` The contents list it as “${entryHeadline.text}”.` : '';
      return [
        {
          start: span.start,
          end: span.end,
          message: `Headline missing: ${what} has no headline line above it.${hint}`,
          ...(fixes.length > 0 ? { fixes } : {}),
        },
      ];
    });
  },
};
