// Links: URLs (http, https, mailto only) and resolved cross-references.
import type { DocumentLink } from 'vscode-languageserver-types';
import type { CheckContext } from '../checks/context';
import type { Positions } from '../model/lineIndex';
import { toRange } from './range';

const URL = /\b(?:https?:\/\/|mailto:)[^\s<>()"“”‘’]+/g;
const TRAILING = ".,;:!?'’";

/** Where the URL ends without the sentence's punctuation after it (a loop: `/[.,]+$/` is quadratic on a run of dots). */
function withoutTrailingPunctuation(url: string): number {
  let end = url.length;
  while (end > 0 && TRAILING.includes(url.charAt(end - 1))) end--;
  return end;
}

export function documentLinks(context: CheckContext, positions: Positions): DocumentLink[] {
  const links: DocumentLink[] = [];
  const { text } = context;
  URL.lastIndex = 0;
  for (let m = URL.exec(text); m; m = URL.exec(text)) {
    const url = m[0].slice(0, withoutTrailingPunctuation(m[0]));
    links.push({ range: toRange(positions, { start: m.index, end: m.index + url.length }), target: url });
  }
  for (const resolution of context.resolutions()) {
    for (const title of resolution.titles) {
      const target = title.targets[0];
      if (!target) continue;
      links.push({
        range: toRange(positions, title),
        target: `${target.uri}#L${target.range.start.line + 1},${target.range.start.character + 1}`,
        tooltip: `Go to “${target.text}”`,
      });
    }
  }
  return links;
}
