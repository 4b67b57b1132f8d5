// Rename a headline: the headline, its contents entry and every
// cross-reference to it, in every file, as one workspace edit.
import type { Range, TextEdit, WorkspaceEdit } from 'vscode-languageserver-types';
import type { CheckContext } from '../checks/context';
import type { Positions } from '../model/lineIndex';
import { titleKey } from '../model/text';
import type { ReferenceGraph } from '../workspace/references';
import type { HeadlineEntry } from '../workspace/summary';
import { locate } from './locate';
import { toRange } from './range';
import { restyle } from './retitle';
import { articleEntryOf, headlineOf } from './target';

export class RenameError extends Error {}

export const NOT_RENAMABLE = 'Only a headline can be renamed: put the cursor on an article’s headline, or on a cross-reference to one.';

export function prepareRename(context: CheckContext, positions: Positions, offset: number): { range: Range; placeholder: string } {
  const found = locate(context, offset);
  if (found?.kind === 'headline') return { range: toRange(positions, found.article.headline!), placeholder: found.article.headline!.text };
  if (found?.kind === 'reference-title') {
    if (found.title.targets.length === 0)
      throw new RenameError(`“${found.title.text}” names no headline in the workspace, so there is nothing to rename.`);
    return { range: toRange(positions, found.title), placeholder: found.title.text };
  }
  throw new RenameError(NOT_RENAMABLE);
}

/** The new headline, written as the old one was (capitals, country prefix) when the user typed it at a reference. */
function newHeadlineText(newName: string, headline: HeadlineEntry, typedAtReference: boolean, referenceText: string): string {
  const name = newName.replace(/\s+/g, ' ').trim();
  if (!typedAtReference) return name;
  const hadCountry = headline.shortKey !== undefined && !titleKey(referenceText).includes(':');
  const country = hadCountry ? headline.text.slice(0, headline.text.indexOf(':') + 1) + ' ' : '';
  const upper = headline.text === headline.text.toUpperCase();
  return `${country}${upper ? name.toUpperCase() : name}`;
}

export function rename(context: CheckContext, graph: ReferenceGraph, offset: number, newName: string): WorkspaceEdit {
  const found = locate(context, offset);
  const headline = headlineOf(context, found);
  if (!headline || (found?.kind !== 'headline' && found?.kind !== 'reference-title')) throw new RenameError(NOT_RENAMABLE);
  if (newName.trim().length === 0 || /[\r\n]/.test(newName)) throw new RenameError('A headline is one line of text.');
  const typedAtReference = found.kind === 'reference-title';
  const next = newHeadlineText(newName, headline, typedAtReference, typedAtReference ? found.title.text : '');
  const clash = context.lookup.find(titleKey(next)).find((h) => h.uri === headline.uri && h.article !== headline.article);
  if (clash) throw new RenameError(`Another article of this issue is already headlined “${clash.text}”.`);

  const changes: Record<string, TextEdit[]> = {};
  const add = (uri: string, range: Range, newText: string): void => {
    (changes[uri] ??= []).push({ range, newText });
  };
  add(headline.uri, headline.range, next);
  const contents = articleEntryOf(context, headline)?.contentsHeadline;
  if (contents)
    add(headline.uri, contents.range, restyle(next, contents.text, headline.text, contents.range.start.character, context.width));
  for (const incoming of graph.to(headline)) {
    const ref = incoming.entry.reference;
    const oldText = ref.target.text.slice(incoming.title.start - ref.target.start, incoming.title.end - ref.target.start);
    add(incoming.uri, incoming.range, restyle(next, oldText, headline.text, incoming.range.start.character, context.width));
  }
  return { changes };
}
