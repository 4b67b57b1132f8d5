// `npm run bench`: measures the language service and writes bench/results.json.
// All figures come from one run on this machine; nothing here asserts a time.
import { execFileSync, spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import Module from 'node:module';
import { cpus, totalmem } from 'node:os';
import * as path from 'node:path';
import { performance } from 'node:perf_hooks';
import MarkdownIt from 'markdown-it';
import { createMessageConnection, StreamMessageReader, StreamMessageWriter } from 'vscode-jsonrpc/node';
import type { MessageConnection } from 'vscode-jsonrpc/node';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { createLanguageService, DiagnosticLevel, githubSlugifier } from 'vscode-markdown-languageservice';
import type { ITextDocument, IWorkspace } from 'vscode-markdown-languageservice';
import { URI } from 'vscode-uri';
import { SERVER_NODE_FLAGS } from '../client/src/serverFlags';
import { CHECKS } from '../server/src/checks/registry';
import { generate } from './generate';
import { cold, forget, typist } from './inProcess';

const ROOT = path.resolve(process.argv[2] ?? '.');
const WORK = path.join(ROOT, 'bench', 'work');
const SERVER = path.join(ROOT, 'dist', 'server.js');
const sample = readFileSync(path.join(ROOT, 'test/fixtures/rca-2011-12-janaozen.txt'), 'utf8');

interface Stats {
  readonly median: number;
  readonly p95: number;
  readonly runs: number;
}

/** Keystrokes over the protocol: how many reports were "unchanged" (pulled), and the server's CPU time per keystroke. */
type Keystrokes = Stats & { readonly unchanged?: number; readonly serverCpuMs?: number };

function stats(times: number[]): Stats {
  const sorted = [...times].sort((a, b) => a - b);
  const at = (q: number): number => sorted[Math.min(sorted.length - 1, Math.ceil(q * sorted.length) - 1)]!;
  return { median: round(at(0.5)), p95: round(at(0.95)), runs: times.length };
}

const round = (n: number, digits = 2): number => Math.round(n * 10 ** digits) / 10 ** digits;
/** /proc counts CPU time in these per second (Linux's USER_HZ, 100 wherever Node runs). */
const CLOCK_TICKS = 100;
/** The pause before each keystroke of the paused row: a key every 100 ms is 120 words a minute, a fast typist. */
const TYPING_PAUSE_MS = 100;

/** 97th, 9,973rd. */
function ordinal(n: number): string {
  const tens = n % 100;
  const suffix = tens >= 11 && tens <= 13 ? 'th' : (['th', 'st', 'nd', 'rd'][n % 10] ?? 'th');
  return `${n.toLocaleString('en')}${suffix}`;
}

/** Their time over ours, in words. */
const ratio = (speedup: number): string => (speedup >= 1 ? `${speedup}× faster` : `${round(1 / speedup, 1)}× slower`);

/** `fn` timed `runs` times after `warmup` untimed runs; `before` runs untimed before each. */
async function time(runs: number, warmup: number, fn: (i: number) => unknown, before?: () => void): Promise<Stats> {
  const times: number[] = [];
  for (let i = 0; i < runs + warmup; i++) {
    before?.();
    const start = performance.now();
    await fn(i);
    if (i >= warmup) times.push(performance.now() - start);
  }
  return stats(times);
}

/** `fn` timed back to back until `done` settles; throws if it has not after `limitMs`. */
async function timeUntil(done: Promise<void>, fn: () => Promise<unknown>, limitMs: number): Promise<Stats> {
  let settled = false;
  void done.then(() => (settled = true));
  const times: number[] = [];
  const start = performance.now();
  while (!settled) {
    if (performance.now() - start > limitMs) throw new Error(`still waiting after ${limitMs} ms`);
    const at = performance.now();
    await fn();
    times.push(performance.now() - at);
  }
  return stats(times);
}

/** The checks of cross-references: what the Markdown service's link diagnostics do for Markdown. */
const CROSS_REFERENCE_CHECKS = CHECKS.filter((check) => check.code.startsWith('xref.'));

/**
 * Ours after a keystroke, as the server does it: the document's previous version analysed, then one character
 * typed or deleted in the middle (through the server's document sync, which logs where), then diagnostics,
 * symbols and folding of the new version.
 */
function oursAfterKeystroke(text: string, uri: string): (i: number) => void {
  const type = typist(text, uri);
  const at = quietPlace(text);
  return (i) => type(at, i);
}

/**
 * Typing all over a bulletin, in process as `oursAfterKeystroke` does: at every `step`th character a letter (or
 * `typed`) typed and deleted again, `reps` times (the first four untimed), in one document kept open throughout.
 * Each place's median, and over the places their median, 90th percentile and the slowest, with where it is.
 */
function typingAcross(text: string, step: number, reps: number, warmup: number, typed = 'x') {
  const type = typist(text, 'file:///bench/typed.bulletin', typed);
  for (let i = 0; i < warmup; i++) type(quietPlace(text), i);
  const places: { at: number; ms: number }[] = [];
  for (let at = 1; at < text.length; at += step) {
    const times: number[] = [];
    for (let i = 0; i < reps; i++) {
      const start = performance.now();
      type(at, i);
      if (i >= 4) times.push(performance.now() - start);
    }
    places.push({ at, ms: stats(times).median });
  }
  const sorted = places.map((p) => p.ms).sort((a, b) => a - b);
  const slowest = places.reduce((a, b) => (b.ms > a.ms ? b : a));
  const lineStart = text.lastIndexOf('\n', slowest.at - 1) + 1;
  const words = (from: number, to: number): string => text.slice(from, to).replace(/\s+/g, ' ');
  return {
    typed: typed === 'x' ? 'a letter' : 'a line break',
    step,
    places: places.length,
    median: sorted[sorted.length >> 1]!,
    p90: sorted[Math.floor(sorted.length * 0.9)]!,
    slowest: {
      ms: slowest.ms,
      line: text.slice(0, slowest.at).split('\n').length,
      column: slowest.at - lineStart + 1,
      around: `${words(slowest.at - 20, slowest.at)}|${words(slowest.at, slowest.at + 12)}`,
    },
  };
}

function typingAcrossFigures(oneMegabyte = generate(sample, 1_000_000).bulletin) {
  return {
    sample: typingAcross(sample, 97, 24, 2000),
    oneMegabyte: typingAcross(oneMegabyte, 9973, 12, 400),
    // A line break moves every line after it: what is kept by line is moved too.
    sampleLineBreaks: typingAcross(sample, 197, 24, 2000, '\n'),
    oneMegabyteLineBreaks: typingAcross(oneMegabyte, 19997, 12, 400, '\n'),
  };
}

/** Theirs after a keystroke: the same edit to the Markdown, then symbols, folding and link diagnostics again. */
function theirsAfterKeystroke(service: ReturnType<typeof markdownService>, markdown: string): (i: number) => Promise<void> {
  const middle = markdown.indexOf(' ', Math.floor(markdown.length / 2));
  let version = 1000;
  return (i) => service.run(i % 2 === 0 ? `${markdown.slice(0, middle)}x${markdown.slice(middle)}` : markdown, version++);
}

/** Theirs: VS Code's Markdown service on the same content, symbols, folding and link diagnostics. */
function markdownService(): { run: (text: string, version: number) => Promise<void> } {
  const md = new MarkdownIt({ html: true });
  const docs = new Map<string, ITextDocument>();
  const none = { dispose: () => undefined };
  const workspace: IWorkspace = {
    workspaceFolders: [URI.file('/bench')],
    onDidChangeMarkdownDocument: () => none,
    onDidCreateMarkdownDocument: () => none,
    onDidDeleteMarkdownDocument: () => none,
    getAllMarkdownDocuments: () => Promise.resolve(docs.values()),
    hasMarkdownDocument: (uri) => docs.has(uri.toString()),
    openMarkdownDocument: (uri) => Promise.resolve(docs.get(uri.toString())),
    stat: (uri) => Promise.resolve(docs.has(uri.toString()) ? { isDirectory: false } : undefined),
    readDirectory: () => Promise.resolve([]),
  };
  const service = createLanguageService({
    workspace,
    parser: { slugifier: githubSlugifier, tokenize: (doc) => Promise.resolve(md.parse(doc.getText(), {})) },
    logger: { level: 0, log: () => undefined },
  });
  const token = { isCancellationRequested: false, onCancellationRequested: () => none };
  const options = {
    validateFragmentLinks: DiagnosticLevel.warning,
    validateFileLinks: DiagnosticLevel.warning,
    validateReferences: DiagnosticLevel.warning,
    validateMarkdownFileLinkFragments: DiagnosticLevel.warning,
    validateUnusedLinkDefinitions: DiagnosticLevel.hint,
    validateDuplicateLinkDefinitions: DiagnosticLevel.warning,
    ignoreLinks: [],
  };
  return {
    run: async (text, version) => {
      const doc = TextDocument.create('file:///bench/doc.md', 'markdown', version, text);
      docs.set(doc.uri, doc);
      await service.getDocumentSymbols(doc, {}, token);
      await service.getFoldingRanges(doc, token);
      await service.computeDiagnostics(doc, options, token);
    },
  };
}

/** The sample as Markdown: its standfirsts as headings, its references as fragment links. */
function sampleMarkdown(text: string): string {
  return text
    .replace(/\n\n\n+([A-Z][^\n]+\n[^\n]*\n?\n\nBy )/g, '\n\n\n# $1')
    .replace(
      /\(See ([^()]+?)([.,])\)/g,
      (_, title: string, stop: string) => `(See [${title}](#${githubSlugifier.fromHeading(title).value})${stop})`,
    );
}

class Client {
  readonly connection: MessageConnection;
  readonly child;
  private handlers: ((method: string, params: unknown) => void)[] = [];

  constructor() {
    // As the extension starts it; BENCH_SERVER_FLAGS (even empty) replaces its Node flags, to compare others.
    const flags = process.env.BENCH_SERVER_FLAGS?.split(' ').filter(Boolean) ?? SERVER_NODE_FLAGS;
    this.child = spawn(process.execPath, [...flags, SERVER, '--stdio'], {
      stdio: 'pipe',
    });
    this.connection = createMessageConnection(new StreamMessageReader(this.child.stdout), new StreamMessageWriter(this.child.stdin));
    this.connection.onNotification((method, params) => {
      for (const h of this.handlers) h(method, params);
    });
    // vscode-jsonrpc hands $/progress to progress handlers only, never to the catch-all above.
    this.connection.onUnhandledProgress((params) => {
      for (const h of this.handlers) h('$/progress', params);
    });
    // Requests from the server (a refresh, say) are answered as an editor that has nothing to say: null.
    this.connection.onRequest((method, params) => {
      for (const h of this.handlers) h(method, params);
      return null;
    });
    this.connection.listen();
  }

  on(handler: (method: string, params: unknown) => void): () => void {
    this.handlers.push(handler);
    return () => (this.handlers = this.handlers.filter((h) => h !== handler));
  }

  next(predicate: (method: string, params: unknown) => boolean): Promise<void> {
    return new Promise((resolve) => {
      const off = this.on((method, params) => {
        if (predicate(method, params)) {
          off();
          resolve();
        }
      });
    });
  }

  /** As an editor: VS Code pulls diagnostics (`pull`), Neovim takes them as published. */
  async initialize(folder?: string, pull = false): Promise<void> {
    const uri = folder ? URI.file(folder).toString() : null;
    await this.connection.sendRequest('initialize', {
      processId: process.pid,
      rootUri: uri,
      capabilities: {
        window: { workDoneProgress: true },
        workspace: { workspaceFolders: true, codeLens: { refreshSupport: true } },
        ...(pull ? { textDocument: { diagnostic: { dynamicRegistration: false } } } : {}),
      },
      workspaceFolders: uri ? [{ uri, name: 'bench' }] : null,
    });
    await this.connection.sendNotification('initialized', {});
  }

  /**
   * CPU time the server has used, all its threads (the garbage collector's too), in ms; undefined where /proc
   * does not tell. Less swayed than wall time by what else the machine runs: to compare code, not machines.
   */
  cpuMs(): number | undefined {
    try {
      // utime and stime, the 14th and 15th fields, counted after the command name (which may hold spaces).
      const fields = readFileSync(`/proc/${this.child.pid}/stat`, 'utf8').split(') ')[1]!.split(' ');
      return ((Number(fields[11]) + Number(fields[12])) * 1000) / CLOCK_TICKS;
    } catch {
      return undefined;
    }
  }

  rss(): number {
    const status = readFileSync(`/proc/${this.child.pid}/status`, 'utf8');
    return Number(/VmRSS:\s+(\d+)/.exec(status)?.[1] ?? 0) / 1024;
  }

  async stop(): Promise<void> {
    await this.connection.sendRequest('shutdown').catch(() => undefined);
    const exited = new Promise((resolve) => this.child.once('exit', resolve));
    await this.connection.sendNotification('exit').catch(() => undefined);
    await Promise.race([exited, new Promise((resolve) => setTimeout(resolve, 5000))]);
    this.connection.dispose();
    this.child.kill();
  }
}

/**
 * Keystrokes in the middle of a bulletin, over the protocol to a spawned server, each timed from didChange to the
 * diagnostics of its version. By default they are published (as to Neovim) and the keystroke is near the end of a
 * paragraph. A client that pulls (as VS Code) sends a diagnostic request after each change, naming the result it
 * holds; how many reports were "unchanged" is counted. `at` picks the keystroke's place instead. With `pause`, each
 * timed keystroke is typed that many milliseconds after the last one's diagnostics, as a person types: back to back,
 * as by default, is the best case on this VM, which runs the same code a third slower after idling.
 */
async function keystrokes(text: string, options: { pull?: boolean; at?: number; pause?: number } = {}): Promise<Keystrokes> {
  const pull = options.pull === true;
  const client = new Client();
  await client.initialize(undefined, pull);
  const uri = 'file:///bench/keystroke.bulletin';
  const published = (version: number) =>
    client.next((m, p) => m === 'textDocument/publishDiagnostics' && (p as { version?: number }).version === version);
  type Report = { kind: 'full' | 'unchanged'; resultId?: string };
  const pulled = (previousResultId?: string) =>
    client.connection.sendRequest<Report>('textDocument/diagnostic', { textDocument: { uri }, previousResultId });
  const opened = pull ? undefined : published(1);
  await client.connection.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId: 'bulletin', version: 1, text } });
  let held: string | undefined;
  if (pull) held = (await pulled()).resultId;
  else await opened;
  const doc = TextDocument.create(uri, 'bulletin', 1, text);
  const middle = doc.positionAt(options.at ?? text.indexOf('\n\n', Math.floor(text.length / 2)) - 10);
  const times: number[] = [];
  let unchanged = 0;
  let cpuBefore: number | undefined;
  // Warmed up as the other figures are: a server that has been open a while has compiled its hot code. After 100
  // keystrokes a 1 MB issue's still took a tenth longer (p95 a fifth) than after 400 or 1,000.
  const warmup = 500;
  const runs = 200;
  for (let version = 2; version < 2 + warmup + runs; version++) {
    const insert = version % 2 === 0;
    const range = insert ? { start: middle, end: middle } : { start: middle, end: { line: middle.line, character: middle.character + 1 } };
    const ready = pull ? undefined : published(version);
    if (version === 2 + warmup) cpuBefore = client.cpuMs();
    if (options.pause && version >= 2 + warmup) await new Promise((resolve) => setTimeout(resolve, options.pause));
    const start = performance.now();
    await client.connection.sendNotification('textDocument/didChange', {
      textDocument: { uri, version },
      contentChanges: [{ range, text: insert ? 'x' : '' }],
    });
    let report: Report | undefined;
    if (pull) held = (report = await pulled(held)).resultId;
    else await ready;
    if (version >= 2 + warmup) {
      times.push(performance.now() - start);
      if (report?.kind === 'unchanged') unchanged++;
    }
  }
  const cpuAfter = client.cpuMs();
  await client.stop();
  // With pauses, what the server does while idle counts too: nothing of ours, V8's helpers perhaps.
  const serverCpuMs = cpuBefore === undefined || cpuAfter === undefined ? undefined : round((cpuAfter - cpuBefore) / runs, 2);
  return { ...stats(times), ...(pull ? { unchanged } : {}), ...(serverCpuMs === undefined ? {} : { serverCpuMs }) };
}

/** Letters in a burst of typing, and the milliseconds between them: a word typed fast. */
const BURST_KEYS = 12;
const BURST_GAP_MS = 15;

/**
 * Bursts of typing in a long issue, over the protocol, diagnostics published: `BURST_KEYS` letters sent
 * `BURST_GAP_MS` apart in the middle of a body paragraph, each check given up as the next letter comes, timed
 * from the last letter to its diagnostics; then the burst taken back in one edit. Beside it, a single letter at
 * the same place, typed once the last diagnostics came, and taken back. Eight of each, after two untimed.
 */
async function bursts(text: string) {
  const client = new Client();
  await client.initialize(undefined, false);
  const uri = 'file:///bench/burst.bulletin';
  const published = (version: number) =>
    client.next((m, p) => m === 'textDocument/publishDiagnostics' && (p as { version?: number }).version === version);
  const opened = published(1);
  await client.connection.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId: 'bulletin', version: 1, text } });
  await opened;
  const middle = TextDocument.create(uri, 'bulletin', 1, text).positionAt(text.indexOf('\n\n', Math.floor(text.length / 2)) - 10);
  const at = (character: number) => ({ line: middle.line, character });
  let version = 1;
  /** Sends one change; resolves once its diagnostics are published, with the milliseconds that took. */
  const change = (from: number, to: number, typed: string) => {
    version++;
    const ready = published(version);
    const start = performance.now();
    void client.connection.sendNotification('textDocument/didChange', {
      textDocument: { uri, version },
      contentChanges: [{ range: { start: at(from), end: at(to) }, text: typed }],
    });
    return ready.then(() => performance.now() - start);
  };
  const single: number[] = [];
  const burst: number[] = [];
  for (let turn = 0; turn < 10; turn++) {
    const alone = await change(middle.character, middle.character, 'x');
    await change(middle.character, middle.character + 1, '');
    let last: Promise<number> | undefined;
    for (let k = 0; k < BURST_KEYS; k++) {
      if (k > 0) await new Promise((resolve) => setTimeout(resolve, BURST_GAP_MS));
      last = change(middle.character + k, middle.character + k, 'y');
    }
    const after = await last!;
    await change(middle.character, middle.character + BURST_KEYS, '');
    if (turn >= 2) {
      single.push(alone);
      burst.push(after);
    }
  }
  await client.stop();
  return { megabytes: round(text.length / 1e6, 1), keys: BURST_KEYS, gapMs: BURST_GAP_MS, burst: stats(burst), single: stats(single) };
}

/**
 * Where the in-process keystroke figures type, and the pulled keystroke that changes no finding: the first space
 * after the middle of the issue, in a body line with no finding (in the sample and the generated bulletins).
 */
function quietPlace(text: string): number {
  return text.indexOf(' ', Math.floor(text.length / 2));
}

function archive(count: number): { dir: string; bytes: number } {
  const dir = path.join(WORK, `archive-${count}`);
  const marker = path.join(dir, '.complete');
  if (!existsSync(marker)) {
    mkdirSync(dir, { recursive: true });
    const start = new Date(Date.UTC(2001, 0, 1));
    for (let i = 0; i < count; i++) {
      const date = new Date(start.getTime() + i * 7 * 86400000);
      const month = date.toLocaleString('en', { month: 'long', timeZone: 'UTC' });
      const { bulletin } = generate(sample, 44000, {
        offset: i * 7,
        issue: { number: 1000 + i, date: `${month} ${date.getUTCDate()}, ${date.getUTCFullYear()}` },
      });
      writeFileSync(path.join(dir, `rca-${1000 + i}.bulletin`), bulletin);
    }
    writeFileSync(marker, '');
  }
  const bytes = readdirSync(dir).reduce((n, f) => n + statSync(path.join(dir, f)).size, 0);
  return { dir, bytes };
}

/** A `$/progress` notification of the kind given (begin, report or end), as `Client.next` looks for it. */
const progress =
  (kind: string) =>
  (method: string, params: unknown): boolean =>
    method === '$/progress' && (params as { value?: { kind?: string } }).value?.kind === kind;

/**
 * An issue of the archive opened while a freshly started server indexes the archive (300 ms after its progress
 * began): its didOpen to its first published diagnostics, and a document symbols request sent right after the
 * didOpen; then keystrokes in it, one every 50 ms, each timed to its diagnostics, until the index is done.
 */
async function openedWhileIndexing(count: number) {
  const { dir } = archive(count);
  const client = new Client();
  const began = client.next(progress('begin'));
  let indexed = false;
  const done = client.next(progress('end')).then(() => (indexed = true));
  await client.initialize(dir);
  await began;
  await new Promise((resolve) => setTimeout(resolve, 300));
  const uri = URI.file(path.join(dir, `rca-${1000 + count - 1}.bulletin`)).toString();
  const text = readFileSync(URI.parse(uri).fsPath, 'utf8');
  const published = (version: number) =>
    client.next(
      (m, p) =>
        m === 'textDocument/publishDiagnostics' &&
        (p as { uri: string; version?: number }).uri === uri &&
        (p as { version?: number }).version === version,
    );
  const opened = published(1);
  const start = performance.now();
  await client.connection.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId: 'bulletin', version: 1, text } });
  const symbols = client.connection
    .sendRequest('textDocument/documentSymbol', { textDocument: { uri } })
    .then(() => performance.now() - start);
  await opened;
  const diagnosticsMs = performance.now() - start;
  const symbolsMs = await symbols;
  const answeredBeforeIndexed = !indexed;
  const lines = text.split('\n');
  const middle = { line: lines.findIndex((l, i) => i > lines.length / 2 && l.length > 40), character: 20 };
  const typed: number[] = [];
  for (let version = 2; !indexed; version++) {
    await new Promise((resolve) => setTimeout(resolve, 50));
    const insert = version % 2 === 0;
    const range = insert ? { start: middle, end: middle } : { start: middle, end: { line: middle.line, character: middle.character + 1 } };
    const ready = published(version);
    const at = performance.now();
    await client.connection.sendNotification('textDocument/didChange', {
      textDocument: { uri, version },
      contentChanges: [{ range, text: insert ? 'x' : '' }],
    });
    await ready;
    if (!indexed) typed.push(performance.now() - at);
  }
  await done;
  await client.stop();
  return { diagnosticsMs: round(diagnosticsMs), symbolsMs: round(symbolsMs), answeredBeforeIndexed, keystrokes: stats(typed) };
}

async function workspace(count: number) {
  const { dir, bytes } = archive(count);
  const client = new Client();
  const done = client.next(progress('end'));
  const start = performance.now();
  await client.initialize(dir);
  await done;
  const indexedAt = performance.now() - start;
  const rss = client.rss();
  // The archive's references are then resolved in the background; the server asks for the code lenses again
  // once they are.
  const resolved = client.next((m) => m === 'workspace/codeLens/refresh');
  const last = URI.file(path.join(dir, `rca-${1000 + count - 1}.bulletin`)).toString();
  const lastText = readFileSync(URI.parse(last).fsPath, 'utf8');
  const opened = client.next((m) => m === 'textDocument/publishDiagnostics');
  await client.connection.sendNotification('textDocument/didOpen', {
    textDocument: { uri: last, languageId: 'bulletin', version: 1, text: lastText },
  });
  await opened;
  const lines = lastText.split('\n');
  const refLine = lines.findIndex((l) => l.includes('(See '));
  const refAt = { line: refLine, character: lines[refLine]!.indexOf('(See ') + 6 };
  const resolveReference = () => client.connection.sendRequest('textDocument/definition', { textDocument: { uri: last }, position: refAt });
  // A request made meanwhile waits for the slice of that work under way. The first at once, then back to back.
  const openedAt = performance.now();
  const whileResolving = await timeUntil(resolved, resolveReference, 10000);
  const resolvedMs = performance.now() - openedAt;
  const definition = await time(20, 3, resolveReference);
  const headlineLine = lines.findIndex((l, i) => i > 20 && /^[A-Z]+: [A-Z ]+ \d+$/.test(l));
  const findReferences = () =>
    client.connection.sendRequest('textDocument/references', {
      textDocument: { uri: last },
      position: { line: headlineLine, character: 2 },
      context: { includeDeclaration: true },
    });
  const referencesCold = await time(1, 0, findReferences);
  const referencesWarm = await time(20, 1, findReferences);
  // A character typed at a place of the open issue and deleted again, by turns, each time followed by the request.
  let version = 1;
  const typingAt = (line: number, character: number, typed: string) => async () => {
    version++;
    const at = { line, character };
    const range = version % 2 === 0 ? { start: at, end: at } : { start: at, end: { line, character: character + 1 } };
    await client.connection.sendNotification('textDocument/didChange', {
      textDocument: { uri: last, version },
      contentChanges: [{ range, text: version % 2 === 0 ? typed : '' }],
    });
    return findReferences();
  };
  // On the line of the issue's first reference: only that issue's references are resolved again.
  const referencesAfterEdit = await time(20, 2, typingAt(refLine, 0, 'x'));
  // At the end of another headline of the issue: what resolves to that issue's headlines is resolved again, not
  // the whole archive.
  const typedLine = lines.findIndex((l, i) => i > headlineLine && /^[A-Z]+: [A-Z ]+ \d+$/.test(l));
  const referencesAfterHeadlineEdit = await time(20, 2, typingAt(typedLine, lines[typedLine]!.length, 'S'));
  // Until 2026-12-07 the query was 'oil town 77', which no headline of the archive matches.
  const symbols = await time(20, 2, () => client.connection.sendRequest('workspace/symbol', { query: 'power report 35' }));
  // Every headline of the archive matches: the first 256 of 14,000 are given.
  const symbolsBroad = await time(20, 2, () => client.connection.sendRequest('workspace/symbol', { query: 'report' }));
  await client.stop();
  return {
    issues: count,
    megabytes: round(bytes / 1e6, 1),
    indexSeconds: round(indexedAt / 1000),
    rssMegabytes: round(rss, 0),
    resolveReferenceMs: definition,
    whileResolving: { resolveReferenceMs: whileResolving, resolvedAfterMs: round(resolvedMs) },
    findReferencesColdMs: referencesCold.median,
    findReferencesMs: referencesWarm,
    findReferencesAfterEditMs: referencesAfterEdit,
    findReferencesAfterHeadlineEditMs: referencesAfterHeadlineEdit,
    workspaceSymbolsMs: symbols,
    workspaceSymbolsBroadMs: symbolsBroad,
  };
}

/**
 * A document opened in a freshly started server, from its didOpen to its published diagnostics, once per server
 * spawned: the first analysis runs code V8 has not compiled yet, which the other figures leave out by warming up.
 */
async function firstOpen(text: string, spawns = 5): Promise<Stats> {
  const times: number[] = [];
  for (let i = 0; i < spawns; i++) {
    const client = new Client();
    await client.initialize();
    const uri = 'file:///bench/opened.bulletin';
    const published = client.next((m, p) => m === 'textDocument/publishDiagnostics' && (p as { uri?: string }).uri === uri);
    const start = performance.now();
    await client.connection.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId: 'bulletin', version: 1, text } });
    await published;
    times.push(performance.now() - start);
    await client.stop();
  }
  return stats(times);
}

async function activation() {
  const startup: number[] = [];
  for (let i = 0; i < 7; i++) {
    const start = performance.now();
    const client = new Client();
    await client.connection.sendRequest('initialize', { processId: process.pid, rootUri: null, capabilities: {}, workspaceFolders: null });
    startup.push(performance.now() - start);
    await client.stop();
  }
  // The extension's own code: loading the client bundle (VS Code's API stubbed).
  const load = Module as unknown as { _load: (request: string, ...rest: unknown[]) => unknown };
  const original = load._load;
  // Every name of the stub is a plain function: callable, and a base the client's classes can extend.
  const stub = new Proxy({}, { get: () => function stubbed(): void {} });
  load._load = (request: string, ...rest: unknown[]) => (request === 'vscode' ? stub : original(request, ...rest));
  const start = performance.now();
  Module.createRequire(__filename)(path.join(ROOT, 'dist', 'client.js'));
  const clientLoad = performance.now() - start;
  load._load = original;
  return { serverStartupMs: stats(startup), clientBundleLoadMs: round(clientLoad), inVsCode: inVsCode() };
}

/**
 * The extension in a real VS Code (bench/editor.ts, in a process of its own): activate() to the language server
 * ready, as the extension logs it, and VS Code starting to activate it to the sample's first squiggles. Without
 * the end-to-end tools, which tools are missing.
 */
interface TypedInVsCode {
  readonly text: Stats;
  readonly squiggle: Stats;
}

function inVsCode():
  | {
      activateToReadyMs: Stats;
      activationToSquigglesMs: Stats;
      typing: { sample: TypedInVsCode; oneMegabyte: TypedInVsCode };
    }
  | { missing: string[] } {
  const out = execFileSync(process.execPath, [path.join(WORK, 'editor.mjs')], { encoding: 'utf8', timeout: 600000 });
  type Typed = { text: number[]; squiggle: number[] };
  const figures = JSON.parse(out.trim().split('\n').pop()!) as
    | { activateToReadyMs: number[]; activationToSquigglesMs: number[]; typing: { sample: Typed; oneMegabyte: Typed } }
    | { missing: string[] };
  if ('missing' in figures) return figures;
  const typed = (t: Typed): TypedInVsCode => ({ text: stats(t.text), squiggle: stats(t.squiggle) });
  return {
    activateToReadyMs: stats(figures.activateToReadyMs),
    activationToSquigglesMs: stats(figures.activationToSquigglesMs),
    typing: { sample: typed(figures.typing.sample), oneMegabyte: typed(figures.typing.oneMegabyte) },
  };
}

/** Wall time and peak RSS of one `bulletin check` run, in a process of its own (its report thrown away). */
function checkFromCommandLine(args: readonly string[]): { seconds: number; rssMegabytes: number } {
  // Preloaded into the command: on exit it writes the process's peak RSS (in KB) where the bench reads it.
  const hook = path.join(WORK, 'peak-rss.cjs');
  const out = path.join(WORK, 'peak-rss.txt');
  writeFileSync(
    hook,
    `process.on('exit', () => require('fs').writeFileSync(${JSON.stringify(out)}, String(process.resourceUsage().maxRSS)));\n`,
  );
  rmSync(out, { force: true });
  const start = performance.now();
  const run = spawnSync(process.execPath, ['--require', hook, path.join(ROOT, 'dist', 'cli.js'), 'check', ...args], {
    stdio: ['ignore', 'ignore', 'pipe'],
    encoding: 'utf8',
  });
  const seconds = (performance.now() - start) / 1000;
  // 0 or 1: the report's verdict; anything else is a failure, not a figure.
  if (run.status !== 0 && run.status !== 1) throw new Error(`bulletin check ${args.join(' ')} failed (${run.status}): ${run.stderr}`);
  return { seconds: round(seconds, 2), rssMegabytes: round(Number(readFileSync(out, 'utf8')) / 1024, 0) };
}

/**
 * `bulletin check` on the archive: one issue (every other issue of its folder indexed for its cross-references)
 * and the whole folder; the median of three runs by time, and the largest RSS.
 */
function commandLine(count: number) {
  const { dir } = archive(count);
  const three = (args: readonly string[]) => {
    const runs = [0, 1, 2].map(() => checkFromCommandLine(args));
    const seconds = runs.map((r) => r.seconds).sort((a, b) => a - b)[1]!;
    return { seconds, rssMegabytes: Math.max(...runs.map((r) => r.rssMegabytes)) };
  };
  return { issues: count, oneIssue: three([path.join(dir, 'rca-1000.bulletin')]), wholeFolder: three([dir]) };
}

function bundles() {
  const size = (file: string): number | undefined => (existsSync(file) ? round(statSync(file).size / 1024, 1) : undefined);
  return {
    clientKB: size(path.join(ROOT, 'dist/client.js')),
    serverKB: size(path.join(ROOT, 'dist/server.js')),
    cliKB: size(path.join(ROOT, 'dist/cli.js')),
    vsixKB: size(path.join(ROOT, 'bulletin.vsix')),
  };
}

/** Ours against the Markdown service on each size: cold, doing its job alone, and after a keystroke. */
async function sizeFigures(oneMegabyte: { bulletin: string; markdown: string }) {
  const service = markdownService();
  const cases = [
    // Warm-up runs first, as many on both sides, so that both are measured compiled, as in an editor that has been
    // open a while: after 200 keystrokes on the sample ours still took half as long again as after 2,000, and on
    // 1 MB twice as long after 10 as after 100. The larger sizes run code the smaller ones have compiled.
    { name: '44 KB (the sample)', bulletin: sample, markdown: sampleMarkdown(sample), runs: 40, warmup: 1000 },
    { name: '1 MB (generated)', ...oneMegabyte, runs: 15, warmup: 20 },
    { name: '10 MB (generated)', ...generate(sample, 10_000_000), runs: 5, warmup: 2 },
  ];
  const sizes = [];
  let version = 1;
  for (const c of cases) {
    // Each cold run as a document's first check: what the last run remembered of the same headlines and names forgotten.
    const mine = await time(c.runs, c.warmup, () => cold(c.bulletin, 'file:///bench/doc.bulletin'), forget);
    const theirs = await time(c.runs, c.warmup, () => service.run(c.markdown, version++));
    const mineSameJob = await time(c.runs, c.warmup, () => cold(c.bulletin, 'file:///bench/doc.bulletin', CROSS_REFERENCE_CHECKS), forget);
    const mineAfterEdit = await time(c.runs * 2, c.warmup * 2, oursAfterKeystroke(c.bulletin, 'file:///bench/edited.bulletin'));
    const theirsAfterEdit = await time(c.runs * 2, c.warmup * 2, theirsAfterKeystroke(service, c.markdown));
    const mb = c.bulletin.length / 1e6;
    sizes.push({
      name: c.name,
      bytes: c.bulletin.length,
      ours: { ...mine, mbPerSecond: round(mb / (mine.median / 1000), 1) },
      markdown: { ...theirs, bytes: c.markdown.length, mbPerSecond: round(c.markdown.length / 1e6 / (theirs.median / 1000), 1) },
      speedup: round(theirs.median / mine.median, 1),
      sameJob: { ours: mineSameJob, speedup: round(theirs.median / mineSameJob.median, 1) },
      afterKeystroke: { ours: mineAfterEdit, markdown: theirsAfterEdit, speedup: round(theirsAfterEdit.median / mineAfterEdit.median, 1) },
    });
    process.stderr.write(`measured ${c.name}\n`);
  }
  return sizes;
}

async function main(): Promise<void> {
  mkdirSync(WORK, { recursive: true });
  // While working on one figure: BENCH_ONLY=keystroke, open, burst, sizes, archive, busy, typing, cli or editor prints
  // it and writes nothing.
  const only = process.env.BENCH_ONLY;
  if (only === 'keystroke') {
    const text = generate(sample, 1_000_000).bulletin;
    return console.log({
      published: await keystrokes(text),
      paused: await keystrokes(text, { pause: TYPING_PAUSE_MS }),
      pulled: await keystrokes(text, { pull: true }),
      pulledQuiet: await keystrokes(text, { pull: true, at: quietPlace(text) }),
    });
  }
  if (only === 'open')
    return console.log({ sample: await firstOpen(sample), oneMegabyte: await firstOpen(generate(sample, 1_000_000).bulletin) });
  if (only === 'burst') return console.log(await bursts(generate(sample, 4_000_000).bulletin));
  if (only === 'sizes') return console.dir(await sizeFigures(generate(sample, 1_000_000)), { depth: null });
  if (only === 'archive') return console.log(await workspace(2000));
  if (only === 'editor') return console.log(inVsCode());
  if (only === 'busy') return console.log(await openedWhileIndexing(2000));
  if (only === 'typing') return console.log(typingAcrossFigures());
  if (only === 'cli') return console.log(commandLine(2000));
  const oneMegabyte = generate(sample, 1_000_000);
  // Keystrokes over the protocol first: measured later, they counted the collections of this process's own heap,
  // grown by the measurements in process below (10 MB texts, the Markdown service's documents), not a client's.
  const keystroke = await keystrokes(oneMegabyte.bulletin);
  const keystrokePaused = await keystrokes(oneMegabyte.bulletin, { pause: TYPING_PAUSE_MS });
  const keystrokeSample = await keystrokes(sample);
  const keystrokePulled = await keystrokes(oneMegabyte.bulletin, { pull: true });
  const keystrokePulledQuiet = await keystrokes(oneMegabyte.bulletin, { pull: true, at: quietPlace(oneMegabyte.bulletin) });
  const opened = { sample: await firstOpen(sample), oneMegabyte: await firstOpen(oneMegabyte.bulletin) };
  const burst = await bursts(generate(sample, 4_000_000).bulletin);
  process.stderr.write('measured keystrokes\n');
  const sizes = await sizeFigures(oneMegabyte);
  const typing = typingAcrossFigures(oneMegabyte.bulletin);
  process.stderr.write('measured typing across\n');
  const archiveFigures = await workspace(2000);
  const whileIndexing = await openedWhileIndexing(2000);
  const cli = commandLine(2000);
  process.stderr.write('measured the archive\n');
  const results = {
    date: new Date().toISOString(),
    machine: { cpus: cpus().length, cpu: cpus()[0]?.model, memoryGB: round(totalmem() / 2 ** 30, 0), node: process.version },
    sizes,
    keystroke1MB: keystroke,
    keystroke1MBPaused: keystrokePaused,
    keystrokeSample,
    keystroke1MBPulled: keystrokePulled,
    keystroke1MBPulledQuiet: keystrokePulledQuiet,
    firstOpen: opened,
    burst,
    typingAcross: typing,
    workspace: archiveFigures,
    whileIndexing,
    commandLine: cli,
    activation: await activation(),
    bundles: bundles(),
  };
  writeFileSync(path.join(ROOT, 'bench', 'results.json'), `${JSON.stringify(results, null, 2)}\n`);
  console.log(table(results));
}

function keystrokeFigures(k: Keystrokes): string {
  const cpu = k.serverCpuMs === undefined ? '' : `; server CPU ${k.serverCpuMs} ms per keystroke`;
  return `${k.median} ms (p95 ${k.p95})${cpu}`;
}

function table(r: {
  sizes: {
    name: string;
    ours: Stats & { mbPerSecond: number };
    markdown: Stats & { mbPerSecond: number };
    speedup: number;
    sameJob: { ours: Stats; speedup: number };
    afterKeystroke: { ours: Stats; markdown: Stats; speedup: number };
  }[];
  keystroke1MB: Keystrokes;
  keystroke1MBPaused: Keystrokes;
  keystrokeSample: Keystrokes;
  keystroke1MBPulled: Keystrokes;
  keystroke1MBPulledQuiet: Keystrokes;
  firstOpen: { sample: Stats; oneMegabyte: Stats };
  burst: Awaited<ReturnType<typeof bursts>>;
  typingAcross: ReturnType<typeof typingAcrossFigures>;
  workspace: Awaited<ReturnType<typeof workspace>>;
  whileIndexing: Awaited<ReturnType<typeof openedWhileIndexing>>;
  commandLine: ReturnType<typeof commandLine>;
  activation: Awaited<ReturnType<typeof activation>>;
  bundles: ReturnType<typeof bundles>;
}): string {
  const rows = [
    '| Measure | Bulletin | Markdown service | Bulletin is |',
    '| --- | --- | --- | --- |',
    ...r.sizes.map(
      (s) =>
        `| ${s.name}: parse, all diagnostics, symbols, folding | ${s.ours.median} ms (p95 ${s.ours.p95}), ${s.ours.mbPerSecond} MB/s | ${s.markdown.median} ms (p95 ${s.markdown.p95}), ${s.markdown.mbPerSecond} MB/s | ${ratio(s.speedup)} |`,
    ),
    ...r.sizes.map(
      (s) =>
        `| ${s.name}: the Markdown service's job alone: parse, cross-reference diagnostics, symbols, folding | ${s.sameJob.ours.median} ms (p95 ${s.sameJob.ours.p95}) | ${s.markdown.median} ms (p95 ${s.markdown.p95}) | ${ratio(s.sameJob.speedup)} |`,
    ),
    ...r.sizes.map(
      (s) =>
        `| ${s.name}: after a keystroke, diagnostics, symbols, folding again | ${s.afterKeystroke.ours.median} ms (p95 ${s.afterKeystroke.ours.p95}) | ${s.afterKeystroke.markdown.median} ms (p95 ${s.afterKeystroke.markdown.p95}) | ${ratio(s.afterKeystroke.speedup)} |`,
    ),
    `| Keystroke in the 44 KB sample → diagnostics (spawned server) | ${keystrokeFigures(r.keystrokeSample)} | | |`,
    `| Keystroke in a 1 MB issue → diagnostics (spawned server) | ${keystrokeFigures(r.keystroke1MB)} | | |`,
    `| The same, each keystroke ${TYPING_PAUSE_MS} ms after the last one's diagnostics, as a fast typist types | ${keystrokeFigures(r.keystroke1MBPaused)} | | |`,
    `| Keystroke in a 1 MB issue → diagnostics pulled as VS Code does, at the same place (${r.keystroke1MBPulled.unchanged} of ${r.keystroke1MBPulled.runs} "unchanged") | ${keystrokeFigures(r.keystroke1MBPulled)} | | |`,
    `| Keystroke in a 1 MB issue → diagnostics pulled, in a line with no finding (${r.keystroke1MBPulledQuiet.unchanged} of ${r.keystroke1MBPulledQuiet.runs} "unchanged") | ${keystrokeFigures(r.keystroke1MBPulledQuiet)} | | |`,
    `| The 44 KB sample opened in a freshly started server → diagnostics (${r.firstOpen.sample.runs} servers) | ${r.firstOpen.sample.median} ms (p95 ${r.firstOpen.sample.p95}) | | |`,
    `| A 1 MB issue opened in a freshly started server → diagnostics (${r.firstOpen.oneMegabyte.runs} servers) | ${r.firstOpen.oneMegabyte.median} ms (p95 ${r.firstOpen.oneMegabyte.p95}) | | |`,
    `| A burst of typing in a ${r.burst.megabytes} MB issue: ${r.burst.keys} letters ${r.burst.gapMs} ms apart → the last one's diagnostics, from it (${r.burst.burst.runs} bursts); a single letter there | ${r.burst.burst.median} ms (p95 ${r.burst.burst.p95}); a single letter ${r.burst.single.median} ms (p95 ${r.burst.single.p95}) | | |`,
    ...(
      [
        ['the 44 KB sample', r.typingAcross.sample],
        ['a 1 MB issue', r.typingAcross.oneMegabyte],
        ['the 44 KB sample', r.typingAcross.sampleLineBreaks],
        ['a 1 MB issue', r.typingAcross.oneMegabyteLineBreaks],
      ] as const
    ).map(
      ([name, t]) =>
        `| Typing across ${name}: ${t.typed} at every ${ordinal(t.step)} character (${t.places} places), diagnostics, symbols, folding again | places' median ${t.median} ms, 90th percentile ${t.p90} ms, slowest ${t.slowest.ms} ms (line ${t.slowest.line}, “${t.slowest.around}”) | | |`,
    ),
    `| ${r.workspace.issues} issues (${r.workspace.megabytes} MB) on disk: cold index | ${r.workspace.indexSeconds} s, ${r.workspace.rssMegabytes} MB RSS | | |`,
    `| Resolve a cross-reference (definition) | ${r.workspace.resolveReferenceMs.median} ms (p95 ${r.workspace.resolveReferenceMs.p95}) | | |`,
    `| The same, in an issue opened as the index is done, while the archive's references are resolved in the background (done ${r.workspace.whileResolving.resolvedAfterMs} ms after the issue's diagnostics; ${r.workspace.whileResolving.resolveReferenceMs.runs} requests) | ${r.workspace.whileResolving.resolveReferenceMs.runs === 0 ? 'done first' : `${r.workspace.whileResolving.resolveReferenceMs.median} ms (p95 ${r.workspace.whileResolving.resolveReferenceMs.p95})`} | | |`,
    `| Find all references (first / then / after a keystroke in the issue) | ${r.workspace.findReferencesColdMs} ms / ${r.workspace.findReferencesMs.median} ms / ${r.workspace.findReferencesAfterEditMs.median} ms (p95 ${r.workspace.findReferencesAfterEditMs.p95}) | | |`,
    `| Find all references after a keystroke in a headline of the issue | ${r.workspace.findReferencesAfterHeadlineEditMs.median} ms (p95 ${r.workspace.findReferencesAfterHeadlineEditMs.p95}) | | |`,
    `| An issue opened while a fresh server indexes the ${r.workspace.issues} issues → diagnostics / document symbols (${r.whileIndexing.answeredBeforeIndexed ? 'both before the index was done' : 'the index was done first'}) | ${r.whileIndexing.diagnosticsMs} ms / ${r.whileIndexing.symbolsMs} ms | | |`,
    `| The same issue typed in meanwhile, a key every 50 ms until the index is done → diagnostics (${r.whileIndexing.keystrokes.runs} keystrokes) | ${r.whileIndexing.keystrokes.runs === 0 ? 'the index was done first' : `${r.whileIndexing.keystrokes.median} ms (p95 ${r.whileIndexing.keystrokes.p95})`} | | |`,
    `| Workspace symbols with a query (\`power report 35\`) | ${r.workspace.workspaceSymbolsMs.median} ms (p95 ${r.workspace.workspaceSymbolsMs.p95}) | | |`,
    `| Workspace symbols with a query every headline matches (\`report\`, the first 256 given) | ${r.workspace.workspaceSymbolsBroadMs.median} ms (p95 ${r.workspace.workspaceSymbolsBroadMs.p95}) | | |`,
    `| Command line: \`bulletin check\` one issue of the ${r.commandLine.issues}, every other indexed for its cross-references (median of 3) | ${r.commandLine.oneIssue.seconds} s, ${r.commandLine.oneIssue.rssMegabytes} MB RSS | | |`,
    `| Command line: \`bulletin check\` the whole folder of ${r.commandLine.issues} issues (median of 3) | ${r.commandLine.wholeFolder.seconds} s, ${r.commandLine.wholeFolder.rssMegabytes} MB RSS | | |`,
    `| Server start → initialize answered | ${r.activation.serverStartupMs.median} ms (p95 ${r.activation.serverStartupMs.p95}) | | |`,
    `| Client bundle load | ${r.activation.clientBundleLoadMs} ms | | |`,
    ...('missing' in r.activation.inVsCode
      ? [`| In VS Code: not measured, missing ${r.activation.inVsCode.missing.join(', ')} | | | |`]
      : [
          `| In VS Code (code-server), the sample opened as the workbench shows: the extension's activate() → language server ready, as it logs it (${r.activation.inVsCode.activateToReadyMs.runs} starts) | ${r.activation.inVsCode.activateToReadyMs.median} ms (p95 ${r.activation.inVsCode.activateToReadyMs.p95}) | | |`,
          `| The same: VS Code starts activating the extension → the sample's first squiggles | ${r.activation.inVsCode.activationToSquigglesMs.median} ms (p95 ${r.activation.inVsCode.activationToSquigglesMs.p95}) | | |`,
          `| In VS Code, a keystroke in the 44 KB sample that makes or mends a doubled word → its squiggle drawn, from the key's keydown in the page (${r.activation.inVsCode.typing.sample.squiggle.runs} keystrokes); the letter itself drawn after | ${r.activation.inVsCode.typing.sample.squiggle.median} ms (p95 ${r.activation.inVsCode.typing.sample.squiggle.p95}); the letter ${r.activation.inVsCode.typing.sample.text.median} ms (p95 ${r.activation.inVsCode.typing.sample.text.p95}) | | |`,
          `| The same in a 1 MB issue, past its middle (${r.activation.inVsCode.typing.oneMegabyte.squiggle.runs} keystrokes) | ${r.activation.inVsCode.typing.oneMegabyte.squiggle.median} ms (p95 ${r.activation.inVsCode.typing.oneMegabyte.squiggle.p95}); the letter ${r.activation.inVsCode.typing.oneMegabyte.text.median} ms (p95 ${r.activation.inVsCode.typing.oneMegabyte.text.p95}) | | |`,
        ]),
    `| Bundles | client ${r.bundles.clientKB} KB, server ${r.bundles.serverKB} KB, CLI ${r.bundles.cliKB} KB, .vsix ${r.bundles.vsixKB} KB | | |`,
  ];
  return rows.join('\n');
}

void main().then(
  () => process.exit(0),
  (error: unknown) => {
    console.error(error);
    process.exit(1);
  },
);
