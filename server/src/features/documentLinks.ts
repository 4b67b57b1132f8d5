// Links: URLs (http, https, mailto only) and resolved cross-references.
import type { DocumentLink } from 'vscode-languageserver-types';
import type { CheckContext } from '../checks/context';
import { scanByArticle } from '../checks/facts/regions';
import type { Positions } from '../model/lineIndex';
import type { Span } from '../model/types';
import { toRange } from './range';

const URL = /\b(?:https?:\/\/|mailto:)[^\s<>()"“”‘’]+/g;
const TRAILING = ".,;:!?'’";

/** Where the URL ends without the sentence's punctuation after it (a loop: `/[.,]+$/` is quadratic on a run of dots). */
function withoutTrailingPunctuation(url: string): number {
  let end = url.length;
  while (end > 0 && TRAILING.includes(url.charAt(end - 1))) end--;
  return end;
}

interface Url extends Span {
  readonly target: string;
}

/** The URLs of a run of lines; no URL runs on past its line. */
function urlsIn(part: string): Url[] {
  const urls: Url[] = [];
  URL.lastIndex = 0;
  for (let m = URL.exec(part); m; m = URL.exec(part)) {
    const target = m[0].slice(0, withoutTrailingPunctuation(m[0]));
    urls.push({ start: m.index, end: m.index + target.length, target });
  }
  return urls;
}

export function documentLinks(context: CheckContext, positions: Positions): DocumentLink[] {
  const links: DocumentLink[] = [];
  // Article by article: after a keystroke, only the edited article is searched again (on 1 MB, searching the
  // whole text took most of a millisecond).
  for (const url of scanByArticle(context, 'documentLinks.urls', urlsIn, Infinity)) {
    links.push({ range: toRange(positions, url), target: url.target });
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
