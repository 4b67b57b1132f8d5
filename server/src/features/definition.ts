// Go to definition: a cross-reference title → the headline it names (in this
// issue or an earlier one); a contents entry → its article.
import type { LocationLink } from 'vscode-languageserver-types';
import type { CheckContext } from '../checks/context';
import type { Positions } from '../model/lineIndex';
import { firstLine } from '../model/lines';
import type { Article } from '../model/types';
import { locate } from './locate';
import { toRange } from './range';

/** Where an article is named: its headline, else its standfirst's first line, else its byline. */
export function articleNameSpan(article: Article): { start: number; end: number } {
  return article.headline ?? (article.standfirst ? firstLine(article.standfirst) : (article.byline ?? article));
}

export function definition(context: CheckContext, positions: Positions, offset: number): LocationLink[] {
  const found = locate(context, offset);
  if (found?.kind === 'reference-title') {
    return found.title.targets.map((target) => ({
      originSelectionRange: toRange(positions, found.title),
      targetUri: target.uri,
      targetRange: target.range,
      targetSelectionRange: target.range,
    }));
  }
  if (found?.kind === 'contents-entry' && found.article) {
    const name = toRange(positions, articleNameSpan(found.article));
    return [
      {
        originSelectionRange: toRange(positions, found.entry.headline ?? found.entry),
        targetUri: context.uri,
        targetRange: toRange(positions, found.article),
        targetSelectionRange: name,
      },
    ];
  }
  return [];
}
