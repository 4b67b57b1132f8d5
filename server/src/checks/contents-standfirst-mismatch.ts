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

/** What a mismatch's finding says and offers: no offsets, only what the texts its key joins make. */
interface Wording {
  readonly message: string;
  /** The contents entry rewritten with the article's standfirst. */
  readonly entry: string;
  /** The article's standfirst rewritten with the entry's. */
  readonly standfirst: string;
}

const NAME = 'contents.standfirst-mismatch';

export const contentsStandfirstMismatch: Check = {
  code: NAME,
  severity: 'warning',
  description: "A contents entry's standfirst differs from its article's.",
  heuristic: false,
  run(context) {
    const findings: Finding[] = [];
    const { text, width, eol } = context;
    for (const { entry, article } of contentsPairing(context).pairs) {
      if (!entry.standfirst || !article.standfirst) continue;
      if (titleKeyOf(entry.standfirst) === titleKeyAt(text, article.standfirst)) continue;
      const entryText = entry.standfirst.text;
      const articleText = text.slice(article.standfirst.start, article.standfirst.end);
      const headline = entry.headline?.text;
      const byline = entry.byline ? text.slice(entry.byline.start, entry.byline.end) : undefined;
      const indent = article.standfirst.start - (text.lastIndexOf('\n', article.standfirst.start - 1) + 1);
      // Width and line break need no place in the key: what is remembered is dropped when either changes.
      const key = [entryText, articleText, headline ?? '\u0001', byline ?? '\u0001', indent].join('\u0000');
      // Rewrapping both standfirsts for each mismatch was most of a keystroke's work here: kept by what it is made of.
      const wording = context.remembered<Wording>(NAME, key, () => {
        const parts = Object.assign({}, headline !== undefined ? { headline } : {}, {
          standfirst: articleText,
          ...(byline !== undefined ? { byline } : {}),
        });
        return {
          message: `Contents standfirst differs from the article's: ${difference(entryText, articleText)}.`,
          entry: entryFromParts(parts, width, eol),
          standfirst: wrap(entryText, width, eol, indent),
        };
      });
      findings.push({
        start: entry.standfirst.start,
        end: entry.standfirst.end,
        message: wording.message,
        related: [{ start: article.standfirst.start, end: article.standfirst.end, message: "The article's standfirst" }],
        fixes: [
          {
            title: "Copy the article's standfirst into the contents",
            edits: [{ start: entry.start, end: entry.end, newText: wording.entry }],
            safe: false,
          },
          {
            title: "Copy the contents' standfirst into the article",
            edits: [{ start: article.standfirst.start, end: article.standfirst.end, newText: wording.standfirst }],
            safe: false,
          },
        ],
      });
    }
    return findings;
  },
};
