// Profiles the work one keystroke costs in the middle of a generated bulletin, stage by stage (median CPU ms).
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { CHECKS } from '../server/src/checks/registry';
import { DEFAULT_PROFILE } from '../server/src/profile/profile';
import { Analyses } from '../server/src/workspace/analysis';
import { WorkspaceIndex } from '../server/src/workspace/index';
import { generate } from './generate';

const root = path.resolve(process.argv[2] ?? '.');
const size = Number(process.argv[3] ?? 1_000_000);
const sample = readFileSync(path.join(root, 'test/fixtures/rca-2011-12-janaozen.txt'), 'utf8');
const text = size <= 50_000 ? sample : generate(sample, size).bulletin;
const index = new WorkspaceIndex();
const analyses = new Analyses(index, () => DEFAULT_PROFILE);
let doc = TextDocument.create('file:///x.bulletin', 'bulletin', 1, text);
analyses.problems(analyses.get(doc));
const times = new Map<string, number[]>();
// CPU time, not wall time: other work on the machine does not count.
const cpu = (): number => {
  const { user, system } = process.cpuUsage();
  return (user + system) / 1000;
};
const t = <T>(name: string, f: () => T): T => {
  const s = cpu();
  const r = f();
  const list = times.get(name) ?? [];
  list.push(cpu() - s);
  times.set(name, list);
  return r;
};
let at = text.indexOf('\n\n', text.length >> 1) - 10;
for (let i = 0; i < 60; i++) {
  const pos = doc.positionAt(at);
  doc = TextDocument.update(doc, [{ range: { start: pos, end: pos }, text: 'x' }], doc.version + 1);
  at += 1;
  const analysis = t('get', () => analyses.get(doc));
  const context = t('context', () => analyses.context(analysis));
  for (const check of CHECKS) t(check.code, () => check.run(context));
  t('problems', () => analyses.problems(analysis));
}
const median = (xs: number[]): number => [...xs].sort((a, b) => a - b)[xs.length >> 1]!;
console.log(
  [...times]
    .map(([k, v]) => [k, median(v.slice(10))] as const)
    .sort((a, b) => b[1] - a[1])
    .slice(0, 16)
    .map(([k, v]) => `${k}=${v.toFixed(2)}`)
    .join('  '),
);
const final = analyses.problems(analyses.get(doc)) ?? [];
console.log(`${final.length} findings, ${(JSON.stringify(final).length / 1024).toFixed(0)} KB as JSON`);
