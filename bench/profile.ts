// Profiles one run of the full pipeline on a generated bulletin: `node --cpu-prof`.
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { createCheckContext } from '../server/src/checks/context';
import { CHECKS } from '../server/src/checks/registry';
import { LineIndex } from '../server/src/model/lineIndex';
import { parseBulletin } from '../server/src/model/parse';
import { DEFAULT_PROFILE } from '../server/src/profile/profile';
import { WorkspaceIndex } from '../server/src/workspace/index';
import { summarize } from '../server/src/workspace/summary';
import { generate } from './generate';

const root = path.resolve(process.argv[2] ?? '.');
const size = Number(process.argv[3] ?? 1_000_000);
const sample = readFileSync(path.join(root, 'test/fixtures/rca-2011-12-janaozen.txt'), 'utf8');
const text = size <= 50_000 ? sample : generate(sample, size).bulletin;
const times = new Map<string, number>();
const t = <T>(name: string, f: () => T): T => {
  const s = performance.now();
  const r = f();
  times.set(name, (times.get(name) ?? 0) + performance.now() - s);
  return r;
};
for (let i = 0; i < 3; i++) {
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
    .map(([k, v]) => `${k}=${(v / 3).toFixed(1)}`)
    .join('  '),
);
