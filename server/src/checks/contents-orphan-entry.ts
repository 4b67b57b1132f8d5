import type { Check } from './check';
import { firstLineOf } from './describe';
import { contentsPairing } from './facts/contentsPairs';

export const contentsOrphanEntry: Check = {
  code: 'contents.orphan-entry',
  severity: 'warning',
  description: 'A contents entry matches no article of the issue.',
  heuristic: true,
  run(context) {
    if (context.doc.articles.length === 0) return [];
    return contentsPairing(context).unpairedEntries.map(({ entry }) =>
      Object.assign(firstLineOf(entry.paragraph), {
        message: entry.headline
          ? `Contents entry “${entry.headline.text}” matches no article of this issue.`
          : 'This contents entry matches no article of this issue (no article has its standfirst or byline).',
      }),
    );
  },
};
