// `node scripts/bench.mjs ab REV [bytes]`: this checkout's code against revision REV's, run by turns in one
// process, a cold check and then a keystroke at a time each, so that both meet the same machine: on the VMs
// these notes were measured on, its speed swung by a third between runs a minute apart, more than most changes
// are worth. Prints the medians and how many turns each side was the faster: a cold check, a keystroke between
// words and one inside a name.
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import * as ours from './inProcess';
import * as base from './abBase';
import { generate } from './generate';

const root = path.resolve(process.argv[2] ?? '.');
const rev = process.argv[3] ?? 'HEAD';
const size = Number(process.argv[4] ?? 50_000);
const sample = readFileSync(path.join(root, 'test/fixtures/rca-2011-12-janaozen.txt'), 'utf8');
const text = size <= 50_000 ? sample : generate(sample, size).bulletin;
const [runs, warmup] = size <= 50_000 ? [1000, 1000] : size <= 2_000_000 ? [40, 20] : [5, 2];

const median = (times: number[]): number => [...times].sort((a, b) => a - b)[times.length >> 1]!;

/**
 * `work(side, i)` for each side by turns, the side going first alternating, `before(side)` untimed before each;
 * the medians, and how many turns this checkout was the faster.
 */
function byTurns(work: (side: typeof ours, i: number) => void, count: number, skip: number, before?: (side: typeof ours) => void) {
  const sides = [
    { name: rev, side: base, times: [] as number[] },
    { name: 'this checkout', side: ours, times: [] as number[] },
  ];
  for (let i = 0; i < count + skip; i++) {
    for (const { side, times } of i % 2 === 0 ? sides : [...sides].reverse()) {
      before?.(side);
      const start = performance.now();
      work(side, i);
      if (i >= skip) times.push(performance.now() - start);
    }
  }
  const [a, b] = sides;
  const faster = b!.times.filter((t, i) => t < a!.times[i]!).length;
  return `${a!.name} ${median(a!.times).toFixed(3)} ms, this checkout ${median(b!.times).toFixed(3)} ms (faster in ${faster} of ${count} turns)`;
}

console.log(`${text.length.toLocaleString('en')} characters`);
const uri = 'file:///bench/ab.bulletin';
// As the bench's cold rows: each run a document's first check, nothing remembered of the last.
console.log(
  `cold check: ${byTurns(
    (side) => side.cold(text, uri),
    runs,
    warmup,
    (side) => side.forget(),
  )}`,
);
const at = text.indexOf(' ', Math.floor(text.length / 2));
const typists = new Map([base, ours].map((side) => [side, side.typist(text, uri)] as const));
console.log(`after a keystroke: ${byTurns((side, i) => typists.get(side)!(at, i), runs * 2, warmup * 2)}`);
// Inside the first name past the middle (a capitalized word of five letters or more), in a document of its own:
// a keystroke there changes the name's counts, which the one above leaves as they were.
const name = /\b[A-Z][a-z]{4,}/g;
name.lastIndex = Math.floor(text.length / 2);
const inName = name.exec(text)!.index + 2;
const namers = new Map([base, ours].map((side) => [side, side.typist(text, 'file:///bench/ab-name.bulletin')] as const));
console.log(`after a keystroke in a name: ${byTurns((side, i) => namers.get(side)!(inName, i), runs * 2, warmup * 2)}`);
