// Protocol abuse against the spawned server: requests for documents it does
// not hold, positions and params no client should send, broken document
// changes, a flood of edits, cancellation of every request, and shutdown or
// exit at any moment. Each request must get a result or a proper LSP error,
// the server's copy of the text must stay the one a correct client holds, and
// the server must keep serving.
import { existsSync, readFileSync } from 'node:fs';
import { afterEach, describe, expect, test } from 'vitest';
import { CancellationTokenSource, ErrorCodes, ResponseError } from 'vscode-jsonrpc/node';
import type { ResponseMessage } from 'vscode-jsonrpc/node';
import { LSPErrorCodes } from 'vscode-languageserver-protocol';
import type {
  Diagnostic,
  DocumentSymbol,
  DocumentDiagnosticReport,
  FullDocumentDiagnosticReport,
  InitializeResult,
  Position,
  ServerCapabilities,
  SymbolInformation,
} from 'vscode-languageserver-protocol';
import { URI } from 'vscode-uri';
import { CLEAN_PATH, SAMPLE_PATH, clean, sample } from '../support/fixture';
import { TestClient } from '../support/lspClient';

const clients: TestClient[] = [];
afterEach(async () => {
  await Promise.all(clients.splice(0).map((c) => c.stop()));
});

/** A client that has not initialized yet. */
function spawnServer(): TestClient {
  const client = new TestClient();
  clients.push(client);
  return client;
}

async function start(pull = true): Promise<{ client: TestClient; capabilities: ServerCapabilities }> {
  const client = spawnServer();
  const result: InitializeResult = await client.initialize({ pull });
  return { client, capabilities: result.capabilities };
}

/** Fails the test only if the promise never settles: these bounds catch hangs, not slowness. */
async function unlessHung<T>(promise: Promise<T>, what: string, ms = 20000): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const hung = new Promise<never>((_, reject) => (timer = setTimeout(() => reject(new Error(`${what}: no answer in ${ms} ms`)), ms)));
  try {
    return await Promise.race([promise, hung]);
  } finally {
    clearTimeout(timer);
  }
}

type Outcome = { readonly result: unknown } | { readonly error: { readonly code: number; readonly message: string } };

const outcomeOf = (response: ResponseMessage): Outcome =>
  response.error ? { error: { code: response.error.code, message: response.error.message } } : { result: response.result };

/** Sends the request as written (params left out when undefined) and returns its answer. */
async function ask(client: TestClient, method: string, params?: unknown): Promise<Outcome> {
  return outcomeOf(await unlessHung(client.rawRequest({ method, params }), method));
}

function errorCode(outcome: Outcome): number | undefined {
  return 'error' in outcome ? outcome.error.code : undefined;
}

const SAMPLE_URI = URI.file(SAMPLE_PATH).toString();
const SAMPLE_LINES = sample().split('\n');
/** Inside a cross-reference of the sample: hover describes it, rename refuses it with a reason (it resolves to nothing). */
const AT_XREF: Position = { line: 67, character: 55 };

/** The sample is open and the server answers about it as it did at first. */
async function expectServing(client: TestClient, baseline: unknown): Promise<void> {
  const symbols = await ask(client, 'textDocument/documentSymbol', { textDocument: { uri: SAMPLE_URI } });
  expect(symbols).toEqual({ result: baseline });
}

async function openSample(client: TestClient): Promise<DocumentSymbol[]> {
  client.open(SAMPLE_URI, sample());
  const symbols = await client.request<DocumentSymbol[]>('textDocument/documentSymbol', { textDocument: { uri: SAMPLE_URI } });
  expect(symbols.length).toBeGreaterThan(5);
  return symbols;
}

// ---------------------------------------------------------------------------
// The requests the server advertises, each with well-formed params.

interface Probe {
  readonly method: string;
  /** A label for the test report: the method, and the command for executeCommand. */
  readonly name: string;
  readonly params: (uri: string, at: Position) => Record<string, unknown>;
}

const doc = (uri: string) => ({ textDocument: { uri } });
const at = (uri: string, position: Position) => ({ textDocument: { uri }, position });
const MAX_UINTEGER = 2 ** 31 - 1;
/** The position and the three lines after it. */
const around = (position: Position) => ({ start: position, end: { line: Math.min(position.line + 3, MAX_UINTEGER), character: 0 } });
const FORMATTING_OPTIONS = { tabSize: 4, insertSpaces: true };

const PROBES_BY_METHOD: Record<string, Probe['params']> = {
  'textDocument/documentSymbol': doc,
  'textDocument/foldingRange': doc,
  'textDocument/semanticTokens/full': doc,
  'textDocument/semanticTokens/full/delta': (uri) => ({ ...doc(uri), previousResultId: '1' }),
  'textDocument/semanticTokens/range': (uri, p) => ({ ...doc(uri), range: around(p) }),
  'textDocument/diagnostic': doc,
  'textDocument/definition': at,
  'textDocument/references': (uri, p) => ({ ...at(uri, p), context: { includeDeclaration: true } }),
  'textDocument/prepareRename': at,
  'textDocument/rename': (uri, p) => ({ ...at(uri, p), newName: 'KAZAKSTAN: OIL TOWN STILL WAITS' }),
  'textDocument/completion': at,
  'textDocument/hover': at,
  'textDocument/codeAction': (uri, p) => ({ ...doc(uri), range: around(p), context: { diagnostics: [] } }),
  'textDocument/codeLens': doc,
  // A lens over the headline of the sample's first article, as the server lists it.
  'codeLens/resolve': (uri) => ({
    range: { start: { line: 2, character: 0 }, end: { line: 2, character: 10 } },
    data: { uri, key: 'KAZAKSTAN POLICE ROUND UP MEN' },
  }),
  'textDocument/documentLink': doc,
  'textDocument/selectionRange': (uri, p) => ({ ...doc(uri), positions: [p, { line: 0, character: 0 }] }),
  'textDocument/formatting': (uri) => ({ ...doc(uri), options: FORMATTING_OPTIONS }),
  'textDocument/rangeFormatting': (uri, p) => ({ ...doc(uri), range: around(p), options: FORMATTING_OPTIONS }),
  'workspace/symbol': () => ({ query: 'kazak' }),
  'bulletin/checkBeforeSend': (uri) => ({ uri }),
};

/** The methods behind each provider of the initialize result; a provider missing here fails the first test. */
function methodsOf(key: string, value: unknown): string[] | undefined {
  const options = (typeof value === 'object' && value !== null ? value : {}) as Record<string, unknown>;
  switch (key) {
    case 'documentSymbolProvider':
      return ['textDocument/documentSymbol'];
    case 'foldingRangeProvider':
      return ['textDocument/foldingRange'];
    case 'semanticTokensProvider':
      return [
        ...(options.full ? ['textDocument/semanticTokens/full'] : []),
        ...(options.range ? ['textDocument/semanticTokens/range'] : []),
        ...((options.full as { delta?: boolean } | undefined)?.delta ? ['textDocument/semanticTokens/full/delta'] : []),
      ];
    case 'diagnosticProvider':
      return ['textDocument/diagnostic'];
    case 'definitionProvider':
      return ['textDocument/definition'];
    case 'referencesProvider':
      return ['textDocument/references'];
    case 'renameProvider':
      return ['textDocument/rename', ...(options.prepareProvider ? ['textDocument/prepareRename'] : [])];
    case 'completionProvider':
      return ['textDocument/completion', ...(options.resolveProvider ? ['completionItem/resolve'] : [])];
    case 'hoverProvider':
      return ['textDocument/hover'];
    case 'codeActionProvider':
      return ['textDocument/codeAction', ...(options.resolveProvider ? ['codeAction/resolve'] : [])];
    case 'codeLensProvider':
      return ['textDocument/codeLens', ...(options.resolveProvider ? ['codeLens/resolve'] : [])];
    case 'documentLinkProvider':
      return ['textDocument/documentLink', ...(options.resolveProvider ? ['documentLink/resolve'] : [])];
    case 'workspaceSymbolProvider':
      return ['workspace/symbol'];
    case 'selectionRangeProvider':
      return ['textDocument/selectionRange'];
    case 'documentFormattingProvider':
      return ['textDocument/formatting'];
    case 'documentRangeFormattingProvider':
      return ['textDocument/rangeFormatting'];
    case 'executeCommandProvider':
      return ['workspace/executeCommand'];
    default:
      return undefined;
  }
}

/** Every request the server advertises (each of its commands on its own), and its own `bulletin/checkBeforeSend`. */
function advertised(capabilities: ServerCapabilities): Probe[] {
  const probes: Probe[] = [];
  for (const [key, value] of Object.entries(capabilities)) {
    if (!key.endsWith('Provider') || !value) continue;
    const methods = methodsOf(key, value);
    if (!methods) throw new Error(`the test does not know ${key}: add its requests to methodsOf`);
    for (const method of methods) {
      if (method === 'workspace/executeCommand') {
        for (const command of capabilities.executeCommandProvider!.commands) {
          probes.push({ method, name: `${method} ${command}`, params: (uri) => ({ command, arguments: [uri] }) });
        }
        continue;
      }
      const params = PROBES_BY_METHOD[method];
      if (!params) throw new Error(`the test has no params for ${method}: add them to PROBES_BY_METHOD`);
      probes.push({ method, name: method, params });
    }
  }
  probes.push({
    method: 'bulletin/checkBeforeSend',
    name: 'bulletin/checkBeforeSend',
    params: PROBES_BY_METHOD['bulletin/checkBeforeSend']!,
  });
  return probes;
}

/** What "nothing here" looks like for each kind of result. */
function isEmpty(result: unknown): boolean {
  if (result === null) return true;
  if (Array.isArray(result)) return result.length === 0;
  if (typeof result === 'object') {
    const r = result as { data?: unknown[]; kind?: string; items?: unknown[]; command?: { title: string; command: string } };
    if (r.data) return r.data.length === 0;
    // A code lens that counts nothing and runs nothing.
    if (r.command) return r.command.title === '0 references' && r.command.command === '';
    if (r.kind === 'full') return r.items?.length === 0;
  }
  return false;
}

describe('requests for documents the server does not hold', () => {
  test('every advertised request on an unopened and on a closed document: an empty result or a clear error', async () => {
    const { client, capabilities } = await start();
    const probes = advertised(capabilities);
    expect(probes.map((p) => p.method)).toEqual(expect.arrayContaining(Object.keys(PROBES_BY_METHOD).filter((m) => !m.endsWith('/range'))));
    const baseline = await openSample(client);

    // A document that was open and then closed, at a path with no file behind it.
    const closed = 'file:///nonexistent-bulletin-folder/closed.bulletin';
    client.open(closed, sample());
    expect(await client.request<DocumentSymbol[]>('textDocument/documentSymbol', doc(closed))).toEqual(baseline);
    client.close(closed);

    for (const uri of ['file:///nonexistent-bulletin-folder/never-opened.bulletin', closed]) {
      for (const probe of probes) {
        const outcome = await ask(client, probe.method, probe.params(uri, AT_XREF));
        if (probe.method === 'workspace/symbol') {
          // Not about one document, but a closed one is forgotten.
          expect(JSON.stringify(outcome), probe.name).not.toContain(closed);
        } else if ('error' in outcome) {
          expect([ErrorCodes.InvalidParams, LSPErrorCodes.RequestFailed], `${probe.name} on ${uri}`).toContain(outcome.error.code);
          expect(outcome.error.message, probe.name).toMatch(/open a bulletin/i);
        } else {
          expect(isEmpty(outcome.result), `${probe.name} on ${uri}: ${JSON.stringify(outcome.result)}`).toBe(true);
        }
      }
    }
    await expectServing(client, baseline);
  });
});

// ---------------------------------------------------------------------------
// Positions: past the end is the end; anything that is not a uinteger is InvalidParams.

/** Every position in a result, wherever it is nested. */
function positionsIn(value: unknown, found: unknown[] = []): unknown[] {
  if (Array.isArray(value)) for (const v of value) positionsIn(v, found);
  else if (typeof value === 'object' && value !== null) {
    const o = value as Record<string, unknown>;
    if ('line' in o && 'character' in o) found.push(o);
    else for (const v of Object.values(o)) positionsIn(v, found);
  }
  return found;
}

/** True when the value is a position inside the sample. */
function inSample(value: unknown): boolean {
  const p = value as { line: unknown; character: unknown };
  if (!Number.isInteger(p.line) || !Number.isInteger(p.character)) return false;
  const line = p.line as number;
  const character = p.character as number;
  return line >= 0 && line < SAMPLE_LINES.length && character >= 0 && character <= SAMPLE_LINES[line]!.length;
}

const POSITIONED = [
  'textDocument/definition',
  'textDocument/references',
  'textDocument/prepareRename',
  'textDocument/rename',
  'textDocument/completion',
  'textDocument/hover',
  'textDocument/selectionRange',
  'textDocument/codeAction',
  'textDocument/rangeFormatting',
];

describe('positions out of range', () => {
  test('past the end of a line or of the document: answered as at the end', async () => {
    const { client, capabilities } = await start();
    const baseline = await openSample(client);
    const probes = advertised(capabilities).filter((p) => POSITIONED.includes(p.method));
    expect(probes).toHaveLength(POSITIONED.length);
    const last = SAMPLE_LINES.length - 1;
    const cases: [Position, Position][] = [
      [
        { line: 1_000_000, character: 0 },
        { line: last, character: SAMPLE_LINES[last]!.length },
      ],
      [
        { line: MAX_UINTEGER, character: MAX_UINTEGER },
        { line: last, character: SAMPLE_LINES[last]!.length },
      ],
      [
        { line: AT_XREF.line, character: 100_000 },
        { line: AT_XREF.line, character: SAMPLE_LINES[AT_XREF.line]!.length },
      ],
      [
        { line: 62, character: MAX_UINTEGER },
        { line: 62, character: SAMPLE_LINES[62]!.length },
      ],
    ];
    for (const probe of probes) {
      for (const [outside, end] of cases) {
        const answer = await ask(client, probe.method, probe.params(SAMPLE_URI, outside));
        const expected = await ask(client, probe.method, probe.params(SAMPLE_URI, end));
        // Rename may refuse ("nothing to rename here") — the same way at both places.
        expect(answer, `${probe.name} at ${JSON.stringify(outside)}`).toEqual(expected);
        if ('result' in answer) {
          const bad = positionsIn(answer.result).filter((p) => !inSample(p));
          expect(bad, `${probe.name}: positions outside the sample`).toEqual([]);
        } else expect(answer.error.code).toBe(LSPErrorCodes.RequestFailed);
      }
    }
    await expectServing(client, baseline);
  });

  test('negative, fractional, huge or not numbers: InvalidParams naming the field', async () => {
    const { client, capabilities } = await start();
    const baseline = await openSample(client);
    const probes = advertised(capabilities).filter((p) => POSITIONED.includes(p.method));
    const bad: unknown[] = [
      { line: -1, character: 0 },
      { line: 3, character: -5 },
      { line: 2.5, character: 0 },
      { line: 3, character: 0.5 },
      { line: MAX_UINTEGER + 1, character: 0 },
      { line: 1e300, character: 1e300 },
      { line: Number.MAX_SAFE_INTEGER + 2, character: 0 },
      { line: null, character: 0 },
      { line: '3', character: '4' },
      { line: 3 },
      {},
      'line 3',
      [3, 4],
    ];
    for (const probe of probes) {
      for (const position of bad) {
        const outcome = await ask(client, probe.method, probe.params(SAMPLE_URI, position as Position));
        expect(errorCode(outcome), `${probe.name} at ${JSON.stringify(position)}: ${JSON.stringify(outcome)}`).toBe(
          ErrorCodes.InvalidParams,
        );
        expect('error' in outcome && outcome.error.message).toMatch(/position|range|positions/);
      }
    }
    await expectServing(client, baseline);
  });

  test('a range whose end comes before its start is the same range', async () => {
    const { client } = await start();
    const baseline = await openSample(client);
    // Lines 56-75 hold the start of the first article's body, cross-reference and all.
    const forward = { start: { line: 56, character: 0 }, end: { line: 75, character: 0 } };
    const backward = { start: forward.end, end: forward.start };
    for (const [method, extra] of [
      ['textDocument/rangeFormatting', { options: FORMATTING_OPTIONS }],
      ['textDocument/codeAction', { context: { diagnostics: [] } }],
    ] as const) {
      const there = await ask(client, method, { ...doc(SAMPLE_URI), range: forward, ...extra });
      const back = await ask(client, method, { ...doc(SAMPLE_URI), range: backward, ...extra });
      expect('result' in there, method).toBe(true);
      expect(back, method).toEqual(there);
    }
    await expectServing(client, baseline);
  });
});

// ---------------------------------------------------------------------------
// Malformed params: InvalidParams for each request, never a crash, a hang or an InternalError.

/** Params with a field of the wrong type, per method, on top of the well-formed ones. */
const BROKEN_FIELDS: Record<string, readonly Record<string, unknown>[]> = {
  'textDocument/diagnostic': [{ previousResultId: 42 }],
  'textDocument/semanticTokens/full/delta': [{ previousResultId: 42 }, { previousResultId: null }, { previousResultId: undefined }],
  'textDocument/definition': [{ position: null }, { position: 'start' }],
  'textDocument/references': [{ context: null }, { context: { includeDeclaration: 'yes' } }, { context: [] }],
  'textDocument/prepareRename': [{ position: { line: 'one', character: 0 } }],
  'textDocument/rename': [{ newName: 42 }, { newName: null }, { newName: ['A'] }],
  'textDocument/completion': [{ position: [] }],
  'textDocument/hover': [{ position: undefined }],
  'textDocument/codeAction': [
    { range: null },
    { context: null },
    { context: { diagnostics: 'all' } },
    { context: { diagnostics: [{ code: 'xref.malformed' }] } },
    { context: { diagnostics: [], only: 'quickfix' } },
    { context: { diagnostics: [], only: [42] } },
  ],
  'codeLens/resolve': [{ data: null }, { data: { uri: 42, key: 'A' } }, { data: { uri: 'file:///x.bulletin' } }, { range: 'all' }],
  'textDocument/selectionRange': [{ positions: null }, { positions: { line: 1, character: 1 } }, { positions: [null] }],
  'textDocument/rangeFormatting': [{ range: 'all' }, { range: { start: { line: 1, character: 0 } } }],
  'workspace/symbol': [{ query: 42 }, { query: null }],
  'workspace/executeCommand': [
    { command: 42 },
    { command: 'bulletin.server.noSuchCommand' },
    { arguments: 'file:///x.bulletin' },
    { arguments: [] },
    { arguments: [42] },
    { arguments: [{ uri: 'file:///x.bulletin' }] },
    { arguments: null },
  ],
  'bulletin/checkBeforeSend': [{ uri: 42 }, { uri: null }, { uri: { path: '/x' } }],
};

const TEXT_DOCUMENT_BROKEN: readonly Record<string, unknown>[] = [
  { textDocument: undefined },
  { textDocument: null },
  { textDocument: 'file:///x.bulletin' },
  { textDocument: { uri: 42 } },
  { textDocument: { uri: null } },
  { textDocument: {} },
  { textDocument: [SAMPLE_URI] },
];

describe('malformed params', () => {
  test('each advertised request, with params left out, null, by position, scalar, or with fields of the wrong type', async () => {
    const { client, capabilities } = await start();
    const baseline = await openSample(client);
    let asked = 0;
    for (const probe of advertised(capabilities)) {
      const valid = probe.params(SAMPLE_URI, AT_XREF);
      const variants: { label: string; params: unknown }[] = [
        { label: 'no params', params: undefined },
        { label: 'null', params: null },
        { label: '[]', params: [] },
        { label: '[params]', params: [valid] },
        { label: '42', params: 42 },
        { label: 'a string', params: 'params' },
        { label: 'true', params: true },
        { label: '{}', params: {} },
        ...('textDocument' in valid ? TEXT_DOCUMENT_BROKEN.map((b) => ({ label: JSON.stringify(b), params: { ...valid, ...b } })) : []),
        ...(BROKEN_FIELDS[probe.method] ?? []).map((b) => ({ label: JSON.stringify(b), params: { ...valid, ...b } })),
      ];
      for (const variant of variants) {
        const outcome = await ask(client, probe.method, variant.params);
        asked++;
        expect(errorCode(outcome), `${probe.name} with ${variant.label}: ${JSON.stringify(outcome)}`).toBe(ErrorCodes.InvalidParams);
        expect('error' in outcome && outcome.error.message.length).toBeGreaterThan(10);
      }
    }
    expect(asked).toBeGreaterThan(200);
    expect(client.process.exitCode).toBeNull();
    await expectServing(client, baseline);
  });

  test('unknown methods: a request gets MethodNotFound, a notification is ignored', async () => {
    const { client, capabilities } = await start();
    const baseline = await openSample(client);
    for (const method of ['bulletin/noSuchRequest', 'textDocument/noSuchThing', '$/noSuchRequest', '']) {
      expect(errorCode(await ask(client, method, {})), method).toBe(ErrorCodes.MethodNotFound);
    }
    if (!(capabilities.semanticTokensProvider as { range?: boolean }).range) {
      // Not advertised, so not there.
      const outcome = await ask(
        client,
        'textDocument/semanticTokens/range',
        PROBES_BY_METHOD['textDocument/semanticTokens/range']!(SAMPLE_URI, AT_XREF),
      );
      expect(errorCode(outcome)).toBe(ErrorCodes.MethodNotFound);
    }
    for (const method of ['bulletin/noSuchNotification', '$/noSuchNotification', 'textDocument/noSuchThing']) {
      await client.rawNotify({ method, params: { anything: [1, 2, 3] } });
      await client.rawNotify({ method });
    }
    await expectServing(client, baseline);
  });

  test('notifications with broken params are dropped, and the server keeps serving', async () => {
    const { client } = await start();
    const baseline = await openSample(client);
    const broken: [string, unknown][] = [
      ['textDocument/didOpen', null],
      ['textDocument/didOpen', { textDocument: null }],
      ['textDocument/didOpen', { textDocument: { uri: 42, languageId: 'bulletin', version: 1, text: 'X' } }],
      ['textDocument/didOpen', { textDocument: { uri: 'file:///broken-open.bulletin', languageId: 'bulletin', version: 1, text: 42 } }],
      ['textDocument/didOpen', [1, 2]],
      ['textDocument/didClose', null],
      ['textDocument/didClose', { textDocument: { uri: 42 } }],
      ['textDocument/didChange', null],
      ['textDocument/didChange', { textDocument: null, contentChanges: [] }],
      ['textDocument/didSave', null],
      ['$/cancelRequest', null],
      ['$/cancelRequest', { id: { nested: true } }],
      ['$/setTrace', null],
      ['workspace/didChangeConfiguration', null],
      ['workspace/didChangeWatchedFiles', null],
      ['workspace/didChangeWatchedFiles', { changes: [{ uri: 42, type: 'changed' }] }],
      ['workspace/didChangeWorkspaceFolders', null],
      ['initialized', null],
    ];
    for (const [method, params] of broken) await client.rawNotify({ method, params });
    await expectServing(client, baseline);
    // The document whose text was not a string was not opened.
    const outcome = await ask(client, 'textDocument/documentSymbol', doc('file:///broken-open.bulletin'));
    expect(outcome).toEqual({ result: [] });
    expect(client.process.exitCode).toBeNull();
  });
});

// ---------------------------------------------------------------------------
// Document changes: the server's copy must stay the text a correct client holds.

/** Where a position falls in the text, as the protocol reads it: past the end of its line or of the text is the end. */
function offsetOf(text: string, position: Position): number {
  const starts = [0];
  for (let i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', i + 1)) starts.push(i + 1);
  if (position.line >= starts.length) return text.length;
  const start = starts[position.line]!;
  const end = position.line + 1 < starts.length ? starts[position.line + 1]! - 1 : text.length;
  return Math.min(start + position.character, end);
}

interface Change {
  readonly range?: { readonly start: Position; readonly end: Position };
  readonly text: string;
}

/** The text after the changes, each applied to what the one before left (a reversed range is the same range). */
function applied(text: string, changes: readonly Change[]): string {
  for (const change of changes) {
    if (!change.range) {
      text = change.text;
      continue;
    }
    const [a, b] = [offsetOf(text, change.range.start), offsetOf(text, change.range.end)].sort((x, y) => x - y);
    text = text.slice(0, a) + change.text + text.slice(b);
  }
  return text;
}

/** Everything the server says about a whole document, the URI aside. */
async function fingerprint(client: TestClient, uri: string): Promise<unknown> {
  const answers: unknown[] = [];
  for (const method of [
    'textDocument/documentSymbol',
    'textDocument/foldingRange',
    'textDocument/semanticTokens/full',
    'textDocument/documentLink',
  ]) {
    answers.push(await client.request(method, doc(uri)));
  }
  answers.push(await client.request('textDocument/formatting', { ...doc(uri), options: FORMATTING_OPTIONS }));
  answers.push((await client.request<FullDocumentDiagnosticReport>('textDocument/diagnostic', doc(uri))).items);
  return JSON.parse(JSON.stringify(answers).replaceAll(uri, '<uri>'));
}

/** The server's copy agrees with `expected`: it answers about it exactly as about `expected` opened afresh. */
async function expectCopy(client: TestClient, uri: string, expected: string): Promise<void> {
  const held = await fingerprint(client, uri);
  client.close(uri);
  client.open(uri, expected);
  expect(held).toEqual(await fingerprint(client, uri));
}

/**
 * The document's outline, folding, tokens and formatting are those of `text` opened afresh under another URI
 * (answers that do not depend on the other documents, so the two copies cannot disturb each other).
 */
async function expectLikeFresh(client: TestClient, uri: string, text: string, label: string): Promise<void> {
  const shadow = `${uri}.fresh`;
  client.open(shadow, text);
  for (const method of ['textDocument/documentSymbol', 'textDocument/foldingRange', 'textDocument/semanticTokens/full']) {
    expect(await client.request(method, doc(uri)), `${method} ${label}`).toEqual(await client.request(method, doc(shadow)));
  }
  const formatting = { options: FORMATTING_OPTIONS };
  expect(await client.request('textDocument/formatting', { ...doc(uri), ...formatting }), `formatting ${label}`).toEqual(
    await client.request('textDocument/formatting', { ...doc(shadow), ...formatting }),
  );
  client.close(shadow);
}

async function notifyChange(client: TestClient, uri: string, version: unknown, contentChanges: unknown): Promise<void> {
  await client.rawNotify({ method: 'textDocument/didChange', params: { textDocument: { uri, version }, contentChanges } });
}

const insertAt = (line: number, character: number, text: string): Change => ({
  range: { start: { line, character }, end: { line, character } },
  text,
});

describe('document changes', () => {
  test('versions that skip, go back or repeat: every change is applied, none is answered from a stale parse', async () => {
    const { client } = await start();
    const uri = 'file:///abuse/versions.bulletin';
    let text = sample();
    client.open(uri, text);
    const steps: [number, Change][] = [
      [5, insertAt(44, 0, 'FIRST ')],
      [1000, insertAt(100, 0, 'Second line.\n')],
      [3, insertAt(0, 0, '\n')],
      [3, { range: { start: { line: 45, character: 0 }, end: { line: 45, character: 6 } }, text: '' }],
      [3, insertAt(45, 0, 'THIRD ')],
      [-7, insertAt(200, 0, 'x')],
    ];
    let previous = await client.request<FullDocumentDiagnosticReport>('textDocument/diagnostic', doc(uri));
    for (const [version, change] of steps) {
      await notifyChange(client, uri, version, [change]);
      text = applied(text, [change]);
      // A pull with the last result id may be told "unchanged" only when the diagnostics of the text as it is now
      // are those the client holds, whatever the versions say.
      const report = await client.request<DocumentDiagnosticReport>('textDocument/diagnostic', {
        ...doc(uri),
        previousResultId: previous.resultId,
      });
      const held = report.kind === 'full' ? report.items : previous.items;
      if (report.kind === 'unchanged') expect(report.resultId).toBe(previous.resultId);
      previous = await client.request<FullDocumentDiagnosticReport>('textDocument/diagnostic', doc(uri));
      expect(held, `after version ${version}`).toEqual(previous.items);
      await expectLikeFresh(client, uri, text, `after version ${version}`);
    }
    await expectCopy(client, uri, text);
  });

  test('a change for a document that is not open is ignored', async () => {
    const { client } = await start();
    const baseline = await openSample(client);
    const uri = 'file:///abuse/not-open.bulletin';
    await notifyChange(client, uri, 2, [insertAt(0, 0, 'GHOST\n')]);
    await notifyChange(client, uri, 3, [{ text: 'REPLACED' }]);
    expect(await ask(client, 'textDocument/documentSymbol', doc(uri))).toEqual({ result: [] });
    client.open(uri, sample());
    await expectCopy(client, uri, sample());
    // And after it is closed, changes to it are ignored again.
    client.close(uri);
    await notifyChange(client, uri, 9, [insertAt(0, 0, 'AFTER CLOSE\n')]);
    expect(await ask(client, 'textDocument/foldingRange', doc(uri))).toEqual({ result: [] });
    await expectServing(client, baseline);
  });

  test('closed and at once opened again (as on a change of language): the open text speaks for the document', async () => {
    const { client } = await start();
    // On close the server reads the file on disk into the index; a read that ends after the reopen must not win.
    const uri = URI.file(CLEAN_PATH).toString();
    const edited = clean().replaceAll('OIL TOWN WAITS FOR ANSWERS', 'OIL TOWN STILL WAITS');
    const headlines = async (): Promise<string[]> =>
      (await client.request<SymbolInformation[]>('workspace/symbol', { query: 'oil town' }))
        .filter((s) => s.location.uri === uri)
        .map((s) => s.name);
    client.open(uri, edited);
    expect(await headlines()).toEqual(['KAZAKSTAN: OIL TOWN STILL WAITS']);
    for (let i = 0; i < 5; i++) {
      client.close(uri);
      client.open(uri, edited);
    }
    await client.request('textDocument/documentSymbol', doc(uri));
    // Let the reads of the file finish.
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect(await headlines()).toEqual(['KAZAKSTAN: OIL TOWN STILL WAITS']);
    // Closed for good, the file on disk speaks for it again.
    client.close(uri);
    await unlessHung(
      (async () => {
        while ((await headlines())[0] !== 'KAZAKSTAN: OIL TOWN WAITS FOR ANSWERS') await new Promise((resolve) => setTimeout(resolve, 50));
      })(),
      'the file on disk back in the index',
    );
  });

  test('ranges past the end of a line or of the document are clamped to it; a reversed range is the same range', async () => {
    const { client } = await start();
    const uri = 'file:///abuse/clamped.bulletin';
    let text = sample();
    client.open(uri, text);
    const last = text.split('\n').length;
    const batches: Change[][] = [
      [{ range: { start: { line: 1_000_000, character: 0 }, end: { line: 1_000_001, character: 0 } }, text: 'Appended.\n' }],
      [{ range: { start: { line: last + 5, character: 9 }, end: { line: last + 7, character: 0 } }, text: '\nTwo\nlines\n' }],
      [{ range: { start: { line: 44, character: 500 }, end: { line: 44, character: 900 } }, text: ' (UPDATED)' }],
      [{ range: { start: { line: 70, character: MAX_UINTEGER }, end: { line: 72, character: MAX_UINTEGER } }, text: ' joined' }],
      [{ range: { start: { line: 120, character: 0 }, end: { line: 110, character: 0 } }, text: '' }],
      // Several changes in one notification, each against the text the one before left.
      [
        insertAt(3, 0, 'a\nb\n'),
        { range: { start: { line: 4, character: 0 }, end: { line: 9_999, character: 0 } }, text: 'cut' },
        { text: text },
      ],
      [insertAt(10, 0, 'x'), { range: { start: { line: 10, character: 0 }, end: { line: 10, character: 1 } }, text: '' }],
    ];
    let version = 1;
    for (const changes of batches) {
      await notifyChange(client, uri, ++version, changes);
      text = applied(text, changes);
      await expectLikeFresh(client, uri, text, JSON.stringify(changes).slice(0, 120));
    }
    await expectCopy(client, uri, text);
  });

  test('a change no client should send is refused whole, with an error in the log, and the copy is left as it was', async () => {
    const { client } = await start();
    const uri = 'file:///abuse/refused.bulletin';
    const text = sample();
    client.open(uri, text);
    const good = insertAt(5, 0, 'APPLIED? ');
    const refused: [unknown, unknown][] = [
      [2, [{ range: { start: { line: -1, character: 0 }, end: { line: 0, character: 0 } }, text: 'x' }]],
      [3, [{ range: { start: { line: 2.5, character: 1.5 }, end: { line: 2.5, character: 1.5 } }, text: 'X\nY' }]],
      [4, [{ range: { start: { line: '1', character: 0 }, end: { line: '2', character: 0 } }, text: 'Q\n' }]],
      [5, [{ range: null, text: 'x' }]],
      [6, [{ range: { start: { line: 1, character: 0 } }, text: 'x' }]],
      [7, [{ range: { start: { line: 1, character: 0 }, end: { line: 1, character: 0 } }, text: 5 }]],
      [8, [good, null]],
      [9, [good, { text: null }]],
      [10, [good, { range: { start: { line: 1e300, character: 0 }, end: { line: 1e300, character: 0 } }, text: 'x' }]],
      [11, { text: 'not an array' }],
      [null, [good]],
      ['12', [good]],
    ];
    const logged = (): number => client.notifications.filter((n) => n.method === 'window/logMessage').length;
    for (const [version, contentChanges] of refused) {
      const before = logged();
      await notifyChange(client, uri, version, contentChanges);
      // Each refusal is logged as an error that names the document or the fault.
      await client.waitFor(() => logged() > before);
      const message = client.notifications.at(-1)!.params as { type: number; message: string };
      expect(message.type, JSON.stringify(contentChanges)).toBe(1);
      expect(message.message).toMatch(/didChange|version/);
    }
    await expectCopy(client, uri, text);
  });
});

// ---------------------------------------------------------------------------
// A flood of edits.

/** VmRSS of a process in MB, or undefined without /proc. */
function residentMB(pid: number): number | undefined {
  const status = `/proc/${pid}/status`;
  if (!existsSync(status)) return undefined;
  const kb = /VmRSS:\s+(\d+)\s+kB/.exec(readFileSync(status, 'utf8'))?.[1];
  return kb === undefined ? undefined : Number(kb) / 1024;
}

/** 10,000 single-character edits typed into the sample: a paragraph with hard line breaks, every tenth a backspace. */
function typing(): { changes: Change[]; final: string } {
  const base = sample();
  const line = 62; // "members in Janaozen on December 16." ends a paragraph of the first article.
  const column = base.split('\n')[line]!.length;
  const words = 'Witnesses said the police fired on the crowd without warning, and the strikers asked for an inquiry.'.split(' ');
  let planned = '';
  let width = column;
  for (let i = 0; planned.length < 10_000; i++) {
    const word = words[i % words.length]!;
    const gap = width + 1 + word.length > 68 ? '\n' : ' ';
    planned += gap + word;
    width = gap === '\n' ? word.length : width + 1 + word.length;
  }
  // The position after the first k planned characters.
  const positions: Position[] = [{ line, character: column }];
  for (const ch of planned) {
    const p = positions.at(-1)!;
    positions.push(ch === '\n' ? { line: p.line + 1, character: 0 } : { line: p.line, character: p.character + 1 });
  }
  const changes: Change[] = [];
  let typed = 0;
  for (let i = 0; i < 10_000; i++) {
    if (i % 10 === 9) {
      changes.push({ range: { start: positions[typed - 1]!, end: positions[typed]! }, text: '' });
      typed--;
    } else {
      changes.push({ range: { start: positions[typed]!, end: positions[typed]! }, text: planned[typed]! });
      typed++;
    }
  }
  const offset = offsetOf(base, { line, character: column });
  return { changes, final: base.slice(0, offset) + planned.slice(0, typed) + base.slice(offset) };
}

describe('a flood of 10,000 edits', () => {
  test('the next answer and the published diagnostics are for the last version; memory returns near where it was', async () => {
    const { client } = await start(false);
    const uri = SAMPLE_URI;
    const { changes, final } = typing();
    expect(applied(sample(), changes)).toBe(final);
    client.open(uri, sample());
    await client.diagnosticsFor(uri, 1);
    await client.request('textDocument/documentSymbol', doc(uri));
    const startMB = residentMB(client.pid);

    let version = 1;
    for (const change of changes) version = client.change(uri, [change]);
    const symbols = await unlessHung(
      client.request<DocumentSymbol[]>('textDocument/documentSymbol', doc(uri)),
      'documentSymbol after the flood',
    );
    const diagnostics = await client.diagnosticsFor(uri, version);
    const published = client.published.get(uri)!.length;

    // Settle: a few more requests and a pause let the collector catch up.
    for (const method of ['textDocument/foldingRange', 'textDocument/semanticTokens/full', 'textDocument/documentLink']) {
      await client.request(method, doc(uri));
    }
    await new Promise((resolve) => setTimeout(resolve, 300));
    const endMB = residentMB(client.pid);
    if (startMB !== undefined && endMB !== undefined) {
      // A server that kept every version of the text would hold 10,000 × 44 KB = 440 MB more. V8 gives
      // memory back to the system lazily, so the garbage of 10,000 edits can leave RSS some tens of MB
      // up (about 50 MB seen); 150 MB above the post-open level allows for that and still catches the leak.
      expect(endMB, `RSS ${startMB.toFixed(0)} MB after opening, ${endMB.toFixed(0)} MB after the flood`).toBeLessThan(startMB + 150);
    }
    // Edits that were queued together are analysed together: without coalescing there is one publication per edit.
    expect(published).toBeLessThan(changes.length / 5);

    // The answers are those for the final text, opened afresh.
    client.published.delete(uri);
    client.close(uri);
    client.open(uri, final);
    expect(await client.request<DocumentSymbol[]>('textDocument/documentSymbol', doc(uri))).toEqual(symbols);
    const fresh: Diagnostic[] = await client.diagnosticsFor(uri, 1);
    expect(diagnostics).toEqual(fresh);
  });
});

// ---------------------------------------------------------------------------
// Cancellation.

describe('cancellation', () => {
  test('every request cancelled as soon as it is sent: the full answer or RequestCancelled, and the server keeps serving', async () => {
    const { client, capabilities } = await start();
    const baseline = await openSample(client);
    // The clean issue has headlines, so that rename and references have work to do there.
    const uri = URI.file(CLEAN_PATH).toString();
    client.open(uri, clean());
    const headline: Position = { line: 47, character: 15 };
    const probes = advertised(capabilities);
    const outcomes: string[] = [];
    for (const probe of probes) {
      // An empty edit: a new version of the same text, so that nothing is answered from a cache and cancellation can bite.
      client.change(uri, [insertAt(0, 0, '')]);
      const params = probe.params(uri, headline);
      const source = new CancellationTokenSource();
      const cancelled = client.connection.sendRequest(probe.method, params, source.token).then(
        (result: unknown) => ({ result }),
        (error: unknown) => ({ error }),
      );
      source.cancel();
      const answer = await unlessHung(cancelled, probe.name);
      const full = await ask(client, probe.method, params);
      expect('result' in full, `${probe.name} uncancelled: ${JSON.stringify(full)}`).toBe(true);
      if ('error' in answer) {
        expect(answer.error, probe.name).toBeInstanceOf(ResponseError);
        expect([LSPErrorCodes.RequestCancelled, LSPErrorCodes.ContentModified], probe.name).toContain(
          (answer.error as ResponseError<unknown>).code,
        );
        outcomes.push(`${probe.name}: cancelled`);
      } else {
        expect({ result: answer.result }, probe.name).toEqual(full);
        outcomes.push(`${probe.name}: answered`);
      }
    }
    expect(outcomes).toHaveLength(probes.length);
    await expectServing(client, baseline);
  });

  test('a cancelled pull of diagnostics never stands in for the real report', async () => {
    const { client } = await start();
    await openSample(client);
    client.change(SAMPLE_URI, [insertAt(0, 0, 'x')]);
    const source = new CancellationTokenSource();
    const cancelled = client.connection.sendRequest<FullDocumentDiagnosticReport>('textDocument/diagnostic', doc(SAMPLE_URI), source.token);
    source.cancel();
    const answer = await cancelled.then(
      (report) => report,
      (error: unknown) => error,
    );
    const full = await client.request<FullDocumentDiagnosticReport>('textDocument/diagnostic', doc(SAMPLE_URI));
    expect(full.items.length).toBeGreaterThan(50);
    if (answer instanceof ResponseError) expect(answer.code).toBe(LSPErrorCodes.RequestCancelled);
    else expect(answer).toEqual(full);
  });
});

// ---------------------------------------------------------------------------
// Lifecycle: before initialize, after shutdown, exit at any moment.

describe('shutdown and exit in any state', () => {
  test('a request before initialize gets ServerNotInitialized; initialize then works', async () => {
    const client = spawnServer();
    for (const method of Object.keys(PROBES_BY_METHOD).filter((m) => !m.endsWith('/range'))) {
      const outcome = await ask(client, method, PROBES_BY_METHOD[method]!(SAMPLE_URI, AT_XREF));
      expect(errorCode(outcome), `${method}: ${JSON.stringify(outcome)}`).toBe(ErrorCodes.ServerNotInitialized);
    }
    const command = await ask(client, 'workspace/executeCommand', { command: 'bulletin.server.fixAll', arguments: [SAMPLE_URI] });
    expect(errorCode(command)).toBe(ErrorCodes.ServerNotInitialized);
    await client.initialize({ pull: true });
    await openSample(client);
  });

  test('shutdown before initialize is honoured; exit then ends the process with code 0', async () => {
    const client = spawnServer();
    expect(await ask(client, 'shutdown')).toEqual({ result: null });
    await client.rawNotify({ method: 'exit' });
    expect(await unlessHung(client.exited, 'exit')).toBe(0);
  });

  test('after shutdown, requests get InvalidRequest and notifications do no harm; exit ends with code 0', async () => {
    const { client, capabilities } = await start();
    await openSample(client);
    expect(await ask(client, 'shutdown')).toEqual({ result: null });
    for (const probe of advertised(capabilities)) {
      const outcome = await ask(client, probe.method, probe.params(SAMPLE_URI, AT_XREF));
      expect(errorCode(outcome), `${probe.name}: ${JSON.stringify(outcome)}`).toBe(ErrorCodes.InvalidRequest);
    }
    client.open('file:///abuse/late.bulletin', sample());
    client.change(SAMPLE_URI, [insertAt(0, 0, 'late ')]);
    expect(errorCode(await ask(client, 'bulletin/noSuchRequest', {}))).toBe(ErrorCodes.MethodNotFound);
    // A second shutdown is answered as the first.
    expect(await ask(client, 'shutdown')).toEqual({ result: null });
    await client.rawNotify({ method: 'exit' });
    expect(await unlessHung(client.exited, 'exit')).toBe(0);
  });

  test('exit without shutdown ends the process with code 1', async () => {
    const { client } = await start();
    await openSample(client);
    await client.rawNotify({ method: 'exit' });
    expect(await unlessHung(client.exited, 'exit')).toBe(1);
  });

  test('exit right after opening a big document, and during a request on it', async () => {
    const big = sample().repeat(10);
    const first = (await start()).client;
    first.open('file:///abuse/big.bulletin', big);
    await first.rawNotify({ method: 'exit' });
    expect(await unlessHung(first.exited, 'exit after a big open')).toBe(1);

    // A client that does not wait for its answers: exit ends the server even with them still being written.
    const second = (await start()).client;
    second.open('file:///abuse/big.bulletin', big);
    void second.rawRequest({ method: 'textDocument/diagnostic', params: doc('file:///abuse/big.bulletin') });
    void second.rawRequest({ method: 'shutdown' });
    await second.rawNotify({ method: 'exit' });
    expect(await unlessHung(second.exited, 'exit during a request')).toBe(0);
  });

  test('the client going away (its end of stdin closed) ends the server', async () => {
    const { client } = await start();
    await openSample(client);
    client.process.stdin.end();
    expect(await unlessHung(client.exited, 'exit on end of input')).toBe(1);
  });

  test('the client going away after shutdown ends the server with code 0', async () => {
    const { client } = await start();
    await openSample(client);
    expect(await ask(client, 'shutdown')).toEqual({ result: null });
    client.process.stdin.end();
    expect(await unlessHung(client.exited, 'exit on end of input after shutdown')).toBe(0);
  });
});
