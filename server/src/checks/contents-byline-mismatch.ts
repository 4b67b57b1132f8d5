import { lastLine } from '../model/lines';
import { entryFromParts } from '../edits/contents';
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
      const entryAuthors = entry.byline?.authors;
      // Most entries name their article's authors: their names are not joined for a message.
      if (
        entryAuthors &&
        entryAuthors.length === articleAuthors.length &&
        entryAuthors.every((e) => articleAuthors.some((a) => samePerson(a.name, e.name)))
      )
        continue;
      const names = articleAuthors.map((a) => a.name).join(' and ');
      if (!entry.byline || !entryAuthors) {
        const last = lastLine(entry.paragraph);
        findings.push({ start: last.start, end: last.end, message: `Contents entry has no byline: the article is by ${names}.` });
        continue;
      }
      const articleByline = context.text.slice(article.byline!.start, article.byline!.end);
      const entryByline = context.text.slice(entry.byline.start, entry.byline.end).replace(/\s+/g, ' ');
      const parts = Object.assign(
        {},
        entry.headline ? { headline: entry.headline.text } : {},
        entry.standfirst ? { standfirst: entry.standfirst.text } : {},
        { byline: articleByline },
      );
      findings.push({
        start: entry.byline.start,
        end: entry.byline.end,
        message: `Contents byline says ${entryAuthors.map((a) => a.name).join(' and ')}, the article is by ${names}.`,
        related: [{ start: article.byline!.start, end: article.byline!.end, message: "The article's byline" }],
        fixes: [
          {
            title: "Copy the article's byline into the contents",
            edits: [{ start: entry.start, end: entry.end, newText: entryFromParts(parts, context.width, context.eol) }],
            safe: false,
          },
          {
            title: "Copy the contents' byline into the article",
            edits: [{ start: article.byline!.start, end: article.byline!.end, newText: entryByline }],
            safe: false,
          },
        ],
      });
    }
    return findings;
  },
};
