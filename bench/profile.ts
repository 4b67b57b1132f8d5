// Where the time of a full check goes, stage by stage and check by check: the mean of `runs` runs after as
// many to warm up. `node scripts/bench.mjs profile [bytes] [runs]`; run it under `node --cpu-prof` for more.
// By default as warm as the bench's cold figures: after three runs a 1 MB issue's parse still took three times
// as long as after twenty, and the notes once quoted those figures.
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { createCheckContext } from '../server/src/checks/context';
import { CHECKS } from '../server/src/checks/registry';
import { forgetRememberedStrings } from '../server/src/model/detach';
import { LineIndex } from '../server/src/model/lineIndex';
import { parseBulletin } from '../server/src/model/parse';
import { DEFAULT_PROFILE } from '../server/src/profile/profile';
import { WorkspaceIndex } from '../server/src/workspace/index';
import { summarize } from '../server/src/workspace/summary';
import { generate } from './generate';

const root = path.resolve(process.argv[2] ?? '.');
const size = Number(process.argv[3] ?? 1_000_000);
const runs = Number(process.argv[4] ?? (size <= 50_000 ? 1000 : size <= 2_000_000 ? 20 : 3));
const sample = readFileSync(path.join(root, 'test/fixtures/rca-2011-12-janaozen.txt'), 'utf8');
const text = size <= 50_000 ? sample : generate(sample, size).bulletin;
const times = new Map<string, number>();
const t = <T>(name: string, f: () => T): T => {
  const s = performance.now();
  const r = f();
  times.set(name, (times.get(name) ?? 0) + performance.now() - s);
  return r;
};
for (let i = 0; i < 2 * runs; i++) {
  if (i === runs) times.clear();
  // As a document's first check: nothing remembered of the last run's headlines and names.
  forgetRememberedStrings();
  const doc = t('parse', () => parseBulletin(text));
  const positions = t('lineIndex', () => new LineIndex(text));
  const index = new WorkspaceIndex();
  t('summary', () => index.set(summarize(doc, 'file:///x', positions)));
  const context = createCheckContext(doc, 'file:///x', index, DEFAULT_PROFILE);
  for (const check of CHECKS) t(check.code, () => check.run(context));
}
console.log(
  [...times]
    .sort((a, b) => b[1] - a[1])
    .slice(0, 14)
    .map(([k, v]) => `${k}=${(v / runs).toFixed(2)}`)
    .join('  '),
);
