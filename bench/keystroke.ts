// Profiles the work one keystroke costs in the middle of a generated bulletin (median CPU ms): stage by stage, as
// the server goes from a change to the diagnostics it sends, and check by check.
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { CHECKS } from '../server/src/checks/registry';
import { toDiagnostics } from '../server/src/features/diagnostics';
import { DEFAULT_PROFILE } from '../server/src/profile/profile';
import { syncedDocuments } from '../server/src/protocol/documents';
import { MessageBytes } from '../server/src/protocol/messageBytes';
import { Analyses } from '../server/src/workspace/analysis';
import { EditLog } from '../server/src/workspace/editLog';
import { WorkspaceIndex } from '../server/src/workspace/index';
import type { NotificationMessage } from 'vscode-languageserver';
import { generate } from './generate';

const root = path.resolve(process.argv[2] ?? '.');
const size = Number(process.argv[3] ?? 1_000_000);
const sample = readFileSync(path.join(root, 'test/fixtures/rca-2011-12-janaozen.txt'), 'utf8');
const text = size <= 50_000 ? sample : generate(sample, size).bulletin;
const index = new WorkspaceIndex();
// Edits go through the server's document sync, which logs where they are for the parse.
const edits = new EditLog();
const sync = syncedDocuments(edits);
const analyses = new Analyses(index, () => DEFAULT_PROFILE, undefined, edits);
let doc = sync.create('file:///x.bulletin', 'bulletin', 1, text);
analyses.problems(analyses.get(doc));
const encoder = new MessageBytes();
const stages = new Map<string, number[]>();
const checks = new Map<string, number[]>();
// CPU time, not wall time: other work on the machine does not count (page faults, in the kernel, do).
const cpu = (): number => {
  const { user, system } = process.cpuUsage();
  return (user + system) / 1000;
};
const t = <T>(into: Map<string, number[]>, name: string, f: () => T): T => {
  const s = cpu();
  const r = f();
  const list = into.get(name) ?? [];
  list.push(cpu() - s);
  into.set(name, list);
  return r;
};
let at = text.indexOf('\n\n', text.length >> 1) - 10;
// Even keystrokes go through the stages as the server does; odd ones run each check on its own.
for (let i = 0; i < 120; i++) {
  const pos = doc.positionAt(at);
  t(stages, 'apply the edit', () => {
    doc = sync.update(doc, [{ range: { start: pos, end: pos }, text: 'x' }], doc.version + 1);
    // V8 joins the edited text into one string when it is first read.
    return doc.getText().charCodeAt(0);
  });
  at += 1;
  const analysis = t(stages, 'parse and summary', () => analyses.get(doc));
  if (i % 2 === 0) {
    const problems = t(stages, 'checks', () => analyses.problems(analysis) ?? []);
    const diagnostics = t(stages, 'to diagnostics', () => toDiagnostics(problems, doc, doc.uri));
    // As the server's stdio writer encodes them.
    const message: NotificationMessage = {
      jsonrpc: '2.0',
      method: 'textDocument/publishDiagnostics',
      params: { uri: doc.uri, version: doc.version, diagnostics },
    };
    void t(stages, 'JSON and bytes', () => encoder.encode(message, { charset: 'utf-8' }));
  } else {
    const context = t(checks, 'context', () => analyses.context(analysis));
    for (const check of CHECKS) t(checks, check.code, () => check.run(context));
  }
}
const median = (xs: number[]): number => [...xs].sort((a, b) => a - b)[xs.length >> 1]!;
const line = (times: Map<string, number[]>, most: number): string =>
  [...times]
    .map(([k, v]) => [k, median(v.slice(5))] as const)
    .sort((a, b) => b[1] - a[1])
    .slice(0, most)
    .map(([k, v]) => `${k}=${v.toFixed(2)}`)
    .join('  ');
console.log(`stages: ${line(stages, 10)}`);
console.log(`checks: ${line(checks, 16)}`);
const final = analyses.problems(analyses.get(doc)) ?? [];
console.log(
  `${final.length} findings, ${(JSON.stringify(toDiagnostics(final, doc, doc.uri)).length / 1024).toFixed(0)} KB of diagnostics as JSON`,
);
