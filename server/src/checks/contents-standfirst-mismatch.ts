import { collapseWhitespace, sliceCharacters, titleKey, titleKeyAt, titleKeyOf } from '../model/text';
import { entryFromParts } from '../edits/contents';
import { wrap } from '../edits/wrap';
import type { Check, Finding } from './check';
import { quote } from './describe';
import { contentsPairing } from './facts/contentsPairs';

/** How the entry's words differ from the article's, in an editor's terms. */
function difference(entry: string, article: string): string {
  const e = titleKey(entry);
  const a = titleKey(article);
  if (a.endsWith(e)) {
    const flat = collapseWhitespace(article);
    const missing = sliceCharacters(flat, 0, flat.length - collapseWhitespace(entry).length).trim();
    return `it lacks the beginning “${missing}”`;
  }
  if (a.startsWith(e)) return "it stops before the article's standfirst ends";
  if (e.endsWith(a) || e.startsWith(a)) return "it has words the article's standfirst does not";
  return `the article says ${quote(article, { start: 0, end: article.length }, 60)}`;
}

export const contentsStandfirstMismatch: Check = {
  code: 'contents.standfirst-mismatch',
  severity: 'warning',
  description: "A contents entry's standfirst differs from its article's.",
  heuristic: false,
  run(context) {
    const findings: Finding[] = [];
    const { text } = context;
    for (const { entry, article } of contentsPairing(context).pairs) {
      if (!entry.standfirst || !article.standfirst) continue;
      if (titleKeyOf(entry.standfirst) === titleKeyAt(text, article.standfirst)) continue;
      const entryText = entry.standfirst.text;
      const articleText = text.slice(article.standfirst.start, article.standfirst.end);
      const parts = Object.assign({}, entry.headline ? { headline: entry.headline.text } : {}, {
        standfirst: articleText,
        ...(entry.byline ? { byline: text.slice(entry.byline.start, entry.byline.end) } : {}),
      });
      const indent = article.standfirst.start - (text.lastIndexOf('\n', article.standfirst.start - 1) + 1);
      findings.push({
        start: entry.standfirst.start,
        end: entry.standfirst.end,
        message: `Contents standfirst differs from the article's: ${difference(entryText, articleText)}.`,
        related: [{ start: article.standfirst.start, end: article.standfirst.end, message: "The article's standfirst" }],
        fixes: [
          {
            title: "Copy the article's standfirst into the contents",
            edits: [{ start: entry.start, end: entry.end, newText: entryFromParts(parts, context.width, context.eol) }],
            safe: false,
          },
          {
            title: "Copy the contents' standfirst into the article",
            edits: [
              {
                start: article.standfirst.start,
                end: article.standfirst.end,
                newText: wrap(entryText, context.width, context.eol, indent),
              },
            ],
            safe: false,
          },
        ],
      });
    }
    return findings;
  },
};
