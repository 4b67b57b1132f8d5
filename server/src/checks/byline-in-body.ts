import type { Check } from './check';

export const bylineInBody: Check = {
  code: 'byline.in-body',
  severity: 'warning',
  description: 'A byline-shaped line stands inside an article body (pasted twice, or a lost article boundary).',
  heuristic: true,
  run({ doc }) {
    return doc.articles.flatMap((article) =>
      article.strayBylines.map((byline) => ({
        start: byline.start,
        end: byline.end,
        message: article.byline
          ? 'Byline inside the article body: this article already has its byline above; is this line left over, or does a new article start here?'
          : 'Byline inside the article body, below where the head ends.',
      })),
    );
  },
};
