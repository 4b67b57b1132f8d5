import type { Check, Finding } from './check';
import { firstLineOf } from './describe';
import { contentsPairing } from './facts/contentsPairs';

/** Indices (into `values`) of one longest increasing subsequence. */
function longestIncreasing(values: readonly number[]): Set<number> {
  const tails: number[] = [];
  const previous = new Array<number>(values.length).fill(-1);
  values.forEach((v, i) => {
    let low = 0;
    let high = tails.length;
    while (low < high) {
      const mid = (low + high) >> 1;
      if (values[tails[mid]!]! < v) low = mid + 1;
      else high = mid;
    }
    if (low > 0) previous[i] = tails[low - 1]!;
    tails[low] = i;
  });
  const keep = new Set<number>();
  for (let i = tails[tails.length - 1] ?? -1; i >= 0; i = previous[i]!) keep.add(i);
  return keep;
}

export const contentsOrder: Check = {
  code: 'contents.order',
  severity: 'warning',
  description: "The contents entries are not in the articles' order.",
  heuristic: false,
  run(context) {
    const { pairs } = contentsPairing(context);
    const inOrder = longestIncreasing(pairs.map((p) => p.articleIndex));
    const findings: Finding[] = [];
    pairs.forEach((pair, i) => {
      if (inOrder.has(i)) return;
      const position = pairs.filter((p) => p.articleIndex < pair.articleIndex).length + 1;
      findings.push(
        Object.assign(firstLineOf(pair.entry.paragraph), {
          message: `Contents out of order: this entry's article is article ${pair.articleIndex + 1} of the issue; the entry should be number ${position} in the list.`,
          related: [{ start: pair.article.start, end: pair.article.headline?.end ?? pair.article.start, message: 'The article' }],
        }),
      );
    });
    return findings;
  },
};
