// Workspace symbols (Ctrl+T): every headline of every bulletin in the workspace.
import { SymbolKind } from 'vscode-languageserver-types';
import type { SymbolInformation } from 'vscode-languageserver-types';
import { keepFirst } from '../model/arrays';
import { baseName, describeIssue } from '../model/issue';
import { isWhitespace, titleKey } from '../model/text';
import type { HeadlineLookup } from '../workspace/index';
import type { HeadlineEntry, IssueSummary } from '../workspace/summary';

const MAX_RESULTS = 256;

/**
 * True when every character of the query appears in order in the key (the usual fuzzy match of symbol pickers).
 * The query holds no whitespace, so the key's never matches: it need not be taken out first. Each character is
 * looked for with `indexOf`, which runs faster than a loop over the key's characters.
 */
function fuzzy(query: string, key: string): boolean {
  let at = 0;
  for (const c of query) {
    at = key.indexOf(c, at);
    if (at < 0) return false;
    at += c.length;
  }
  return true;
}

/** True when the query (which holds no whitespace) is in the key, whitespace in the key aside: without copying it. */
function contains(key: string, query: string): boolean {
  const first = query[0]!;
  for (let start = key.indexOf(first); start >= 0; start = key.indexOf(first, start + 1)) {
    let i = 0;
    let j = start;
    while (i < query.length && j < key.length) {
      const code = key.charCodeAt(j);
      if (code === query.charCodeAt(i)) i++;
      else if (!isWhitespace(code)) break;
      j++;
    }
    if (i === query.length) return true;
  }
  return false;
}

interface Match {
  readonly headline: HeadlineEntry;
  readonly summary: IssueSummary;
  /** 0 where the query is found as it is (spaces aside), 1 where only its letters in order. */
  readonly score: number;
}

/** Score, then name; equal ones in the order they were found. */
const before = (a: Match, b: Match): boolean =>
  a.score < b.score || (a.score === b.score && a.headline.text.localeCompare(b.headline.text) < 0);

export function workspaceSymbols(lookup: HeadlineLookup, query: string): SymbolInformation[] {
  const q = titleKey(query).replace(/\s+/g, '');
  // The first MAX_RESULTS in order, kept as they are found: an archive's every headline matches a short query,
  // and sorting them all took most of the time.
  const top: Match[] = [];
  for (const summary of lookup.all()) {
    for (const headline of summary.headlines) {
      const key = headline.key;
      if (q.length > 0 && !fuzzy(q, key)) continue;
      keepFirst(top, { headline, summary, score: q.length === 0 || contains(key, q) ? 0 : 1 }, MAX_RESULTS, before);
    }
  }
  return top.map(({ headline, summary }) => ({
    name: headline.text,
    kind: SymbolKind.Class,
    location: { uri: headline.uri, range: headline.range },
    containerName: describeIssue(summary.issue) || baseName(summary.uri),
  }));
}
