import { lastLine } from '../model/lines';
import type { Check, Finding } from './check';
import { contentsPairing } from './facts/contentsPairs';
import { samePerson } from './signoff-mismatch';

export const contentsBylineMismatch: Check = {
  code: 'contents.byline-mismatch',
  severity: 'warning',
  description: "A contents entry's byline is missing or names other people than its article's.",
  heuristic: false,
  run(context) {
    const findings: Finding[] = [];
    for (const { entry, article } of contentsPairing(context).pairs) {
      const articleAuthors = article.byline?.authors ?? [];
      if (articleAuthors.length === 0) continue;
      const names = articleAuthors.map((a) => a.name).join(' and ');
      if (!entry.byline) {
        const last = lastLine(entry.paragraph);
        findings.push({ start: last.start, end: last.end, message: `Contents entry has no byline: the article is by ${names}.` });
        continue;
      }
      const entryAuthors = entry.byline.authors;
      const same =
        entryAuthors.length === articleAuthors.length && entryAuthors.every((e) => articleAuthors.some((a) => samePerson(a.name, e.name)));
      if (same) continue;
      findings.push({
        start: entry.byline.start,
        end: entry.byline.end,
        message: `Contents byline says ${entryAuthors.map((a) => a.name).join(' and ')}, the article is by ${names}.`,
        related: [{ start: article.byline!.start, end: article.byline!.end, message: "The article's byline" }],
      });
    }
    return findings;
  },
};
