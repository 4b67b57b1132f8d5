// Workspace symbols (Ctrl+T): every headline of every bulletin in the workspace.
import { SymbolKind } from 'vscode-languageserver-types';
import type { SymbolInformation } from 'vscode-languageserver-types';
import { baseName, describeIssue } from '../model/issue';
import { titleKey } from '../model/text';
import type { HeadlineLookup } from '../workspace/index';

const MAX_RESULTS = 256;

/** True when every character of the query appears in order in the key (the usual fuzzy match of symbol pickers). */
function fuzzy(query: string, key: string): boolean {
  let i = 0;
  for (let j = 0; j < key.length && i < query.length; j++) if (key.charCodeAt(j) === query.charCodeAt(i)) i++;
  return i === query.length;
}

export function workspaceSymbols(lookup: HeadlineLookup, query: string): SymbolInformation[] {
  const q = titleKey(query).replace(/\s+/g, '');
  const out: { symbol: SymbolInformation; score: number }[] = [];
  for (const summary of lookup.all()) {
    const container = describeIssue(summary.issue) || baseName(summary.uri);
    for (const headline of summary.headlines) {
      const key = headline.key;
      if (q.length > 0 && !fuzzy(q, key.replace(/\s+/g, ''))) continue;
      const contiguous = key.replace(/\s+/g, '').includes(q);
      out.push({
        symbol: {
          name: headline.text,
          kind: SymbolKind.Class,
          location: { uri: headline.uri, range: headline.range },
          containerName: container,
        },
        score: contiguous ? 0 : 1,
      });
    }
  }
  return out
    .sort((a, b) => a.score - b.score || a.symbol.name.localeCompare(b.symbol.name))
    .slice(0, MAX_RESULTS)
    .map((o) => o.symbol);
}
