import { shortTitleKeyOf, titleKeyOf } from '../model/text';
import type { Check, Finding } from './check';
import { firstLineOf } from './describe';
import { contentsPairing } from './facts/contentsPairs';

export const contentsHeadlineMismatch: Check = {
  code: 'contents.headline-mismatch',
  severity: 'warning',
  description: "A contents entry's headline is missing or differs from its article's.",
  heuristic: false,
  run(context) {
    const findings: Finding[] = [];
    for (const { entry, article } of contentsPairing(context).pairs) {
      const headline = article.headline;
      if (entry.headline && headline) {
        const key = titleKeyOf(entry.headline);
        if (key === titleKeyOf(headline) || key === shortTitleKeyOf(headline)) continue;
        findings.push({
          start: entry.headline.start,
          end: entry.headline.end,
          message: `Contents headline “${entry.headline.text}” differs from the article's “${headline.text}”.`,
          related: [{ start: headline.start, end: headline.end, message: "The article's headline" }],
          fixes: [
            {
              title: "Use the article's headline",
              edits: [{ start: entry.headline.start, end: entry.headline.end, newText: headline.text }],
              safe: false,
            },
          ],
        });
      } else if (!entry.headline) {
        findings.push(
          Object.assign(firstLineOf(entry.paragraph), {
            message: headline
              ? `Contents entry has no headline: the article's is “${headline.text}”.`
              : 'Contents entry has no headline (its article has none either).',
            ...(headline
              ? {
                  fixes: [
                    {
                      title: "Insert the article's headline",
                      edits: [{ start: entry.start, end: entry.start, newText: `${headline.text}  ` }],
                      safe: false,
                    },
                  ],
                }
              : {}),
          }),
        );
      }
    }
    return findings;
  },
};
