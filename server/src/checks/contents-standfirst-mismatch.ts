import { detached } from '../model/detach';
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
    // Rewrapping both standfirsts for each mismatch was most of a keystroke's work here: the wording of each
    // pair is kept from the last version, by what it is made from, and only new pairs are worded.
    let before: ReadonlyMap<string, Wording> = new Map();
    const now = context.acrossVersions<Map<string, Wording>>(NAME, (previous) => {
      before = previous ?? new Map();
      return new Map();
    });
    for (const { entry, article } of contentsPairing(context).pairs) {
      if (!entry.standfirst || !article.standfirst) continue;
      if (titleKeyOf(entry.standfirst) === titleKeyAt(text, article.standfirst)) continue;
      const entryText = entry.standfirst.text;
      const articleText = text.slice(article.standfirst.start, article.standfirst.end);
      const headline = entry.headline?.text;
      const byline = entry.byline ? text.slice(entry.byline.start, entry.byline.end) : undefined;
      const indent = article.standfirst.start - (text.lastIndexOf('\n', article.standfirst.start - 1) + 1);
      const key = [entryText, articleText, headline ?? '\u0001', byline ?? '\u0001', indent, width, eol].join('\u0000');
      let wording = before.get(key) ?? now.get(key);
      if (!wording) {
        const parts = Object.assign({}, headline !== undefined ? { headline } : {}, {
          standfirst: articleText,
          ...(byline !== undefined ? { byline } : {}),
        });
        // Kept for later versions, so holding none of this version's text.
        wording = detached({
          message: `Contents standfirst differs from the article's: ${difference(entryText, articleText)}.`,
          entry: entryFromParts(parts, width, eol),
          standfirst: wrap(entryText, width, eol, indent),
        });
      }
      now.set(key, wording);
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
