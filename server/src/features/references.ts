// Find all references: every cross-reference to a headline, workspace-wide,
// and its contents entry.
import type { Location } from 'vscode-languageserver-types';
import type { CheckContext } from '../checks/context';
import type { ReferenceGraph } from '../workspace/references';
import type { HeadlineEntry } from '../workspace/summary';
import { locate } from './locate';
import { articleEntryOf, headlineOf } from './target';

export function referencesTo(
  context: CheckContext,
  graph: ReferenceGraph,
  headline: HeadlineEntry,
  includeDeclaration: boolean,
): Location[] {
  const out: Location[] = [];
  if (includeDeclaration) out.push({ uri: headline.uri, range: headline.range });
  const contents = articleEntryOf(context, headline)?.contentsHeadline;
  if (contents) out.push({ uri: headline.uri, range: contents.range });
  for (const incoming of graph.to(headline)) out.push({ uri: incoming.uri, range: incoming.range });
  return out;
}

export function references(context: CheckContext, graph: ReferenceGraph, offset: number, includeDeclaration: boolean): Location[] {
  const headline = headlineOf(context, locate(context, offset));
  return headline ? referencesTo(context, graph, headline, includeDeclaration) : [];
}
