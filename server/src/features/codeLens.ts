// A lens over each headline: how many cross-references and contents entries name it. The lenses are listed
// without their counts, which the editor asks for (`codeLens/resolve`) only for those it shows: a 1 MB issue's
// 147 lenses came to 67 KB with every count's places (83 in the archive), asked for after each pause in typing.
import type { CodeLens } from 'vscode-languageserver-types';
import type { CheckContext } from '../checks/context';
import type { ReferenceGraph } from '../workspace/references';
import type { HeadlineEntry } from '../workspace/summary';
import { referencesTo } from './references';

export const SHOW_REFERENCES_COMMAND = 'bulletin.showReferences';

/** The command of a lens whose headline is gone: it counts nothing, and runs nothing. */
export const NO_REFERENCES = { title: '0 references', command: '' } as const;

/** What a lens carries until it is resolved: its issue and its headline's key. */
export interface CodeLensData {
  readonly uri: string;
  readonly key: string;
}

export type UnresolvedCodeLens = Omit<CodeLens, 'data' | 'command'> & { readonly data: CodeLensData };

export function codeLenses(context: CheckContext): UnresolvedCodeLens[] {
  const summary = context.lookup.summary(context.uri);
  if (!summary) return [];
  return summary.headlines.map((headline) => ({ range: headline.range, data: { uri: context.uri, key: headline.key } }));
}

/**
 * The lens with its count and the command that lists the places. Its headline is found again by key, the one
 * nearest the lens's line: the issue may have been edited since the lenses were listed. Where none is left, the
 * lens counts nothing (the editor lists the lenses again after an edit).
 */
export function resolveCodeLens(context: CheckContext, graph: ReferenceGraph, lens: UnresolvedCodeLens): CodeLens {
  const line = lens.range.start.line;
  let headline: HeadlineEntry | undefined;
  for (const h of context.lookup.summary(context.uri)?.headlines ?? []) {
    if (h.key !== lens.data.key) continue;
    if (!headline || Math.abs(h.range.start.line - line) < Math.abs(headline.range.start.line - line)) headline = h;
  }
  if (!headline) return { range: lens.range, command: NO_REFERENCES };
  const locations = referencesTo(context, graph, headline, false);
  const n = locations.length;
  return {
    range: lens.range,
    command: {
      title: n === 1 ? '1 reference' : `${n} references`,
      command: n > 0 ? SHOW_REFERENCES_COMMAND : '',
      arguments: [headline.uri, headline.range.start, locations],
    },
  };
}
