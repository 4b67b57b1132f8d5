// Talks to `node dist/server.js --stdio` as an editor does.
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { afterEach, describe, expect, test } from 'vitest';
import type {
  Diagnostic,
  DocumentDiagnosticReport,
  DocumentSymbol,
  FoldingRange,
  InitializeResult,
  FullDocumentDiagnosticReport,
  SemanticTokens,
  SemanticTokensDelta,
} from 'vscode-languageserver-protocol';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { URI } from 'vscode-uri';
import { TestClient } from '../support/lspClient';
import { CLEAN_PATH, SAMPLE_PATH, clean, sample } from '../support/fixture';

const clients: TestClient[] = [];
afterEach(async () => {
  await Promise.all(clients.splice(0).map((c) => c.stop()));
});

async function start(options: Parameters<typeof TestClient.start>[0] = {}): Promise<TestClient> {
  const client = await TestClient.start(options);
  clients.push(client);
  return client;
}

const codes = (diagnostics: readonly Diagnostic[]): string[] => diagnostics.map((d) => String(d.code));
const uriOf = (file: string): string => URI.file(file).toString();

function workspace(files: Record<string, string>): string {
  const dir = mkdtempSync(path.join(tmpdir(), 'bulletin-ws-'));
  for (const [name, text] of Object.entries(files)) writeFileSync(path.join(dir, name), text);
  return dir;
}

const refreshes = (client: TestClient): number => client.requests.filter((r) => r.method === 'workspace/diagnostic/refresh').length;

const article = (headline: string, body: string) => `${headline}\n\nStandfirst.\n\nBy Dina Tokbaeva\n\n${body}\n`;

describe('initialize', () => {
  test('announces incremental sync, symbols, folding; pull diagnostics only to clients that pull', async () => {
    const pushClient = new TestClient();
    clients.push(pushClient);
    const push: InitializeResult = await pushClient.initialize({});
    expect(push.capabilities.textDocumentSync).toMatchObject({ openClose: true, change: 2 });
    expect(push.capabilities.documentSymbolProvider).toBeTruthy();
    expect(push.capabilities.foldingRangeProvider).toBe(true);
    expect(push.capabilities.diagnosticProvider).toBeUndefined();
    expect(push.serverInfo?.name).toBe('bulletin-language-server');

    const pullClient = new TestClient();
    clients.push(pullClient);
    const pull = await pullClient.initialize({ pull: true });
    expect(pull.capabilities.diagnosticProvider).toMatchObject({ interFileDependencies: true });
  });
});

describe('published diagnostics (clients without pull, like Neovim 0.7)', () => {
  test('didOpen publishes every problem of the sample; edits update them', async () => {
    const client = await start();
    const uri = uriOf(SAMPLE_PATH);
    client.open(uri, sample());
    const opened = await client.diagnosticsFor(uri, 1);
    expect(opened).toHaveLength(63);
    expect(opened.filter((d) => d.code === 'headline.missing')).toHaveLength(6);
    const malformed = opened.find((d) => d.code === 'xref.malformed')!;
    expect(malformed.range).toEqual({ start: { line: 306, character: 9 }, end: { line: 306, character: 59 } });
    expect(malformed.severity).toBe(1);
    expect(malformed.source).toBe('bulletin');

    // Fix the malformed cross-reference: replace the comma with a full stop (an incremental change).
    const version = client.change(uri, [{ range: { start: { line: 306, character: 57 }, end: { line: 306, character: 58 } }, text: '.' }]);
    const fixed = await client.diagnosticsFor(uri, version);
    expect(codes(fixed)).not.toContain('xref.malformed');
    expect(fixed).toHaveLength(62);
  });

  test('breaking a byline reports it; undoing the edit clears it', async () => {
    const client = await start();
    const uri = uriOf(CLEAN_PATH);
    client.open(uri, clean());
    expect(await client.diagnosticsFor(uri, 1)).toEqual([]);
    const line = clean().split('\n').indexOf('By Almaz Rysaliev in Almaty');
    const broken = client.change(uri, [{ range: { start: { line, character: 0 }, end: { line, character: 2 } }, text: 'by' }]);
    const after = await client.diagnosticsFor(uri, broken);
    expect(after.map((d) => [d.code, d.range.start.line])).toEqual([['byline.malformed', line]]);
    const restored = client.change(uri, [{ range: { start: { line, character: 0 }, end: { line, character: 2 } }, text: 'By' }]);
    expect(await client.diagnosticsFor(uri, restored)).toEqual([]);
  });

  test('a burst of edits ends in diagnostics for the last version', async () => {
    const client = await start();
    const uri = uriOf(CLEAN_PATH);
    client.open(uri, clean());
    await client.diagnosticsFor(uri, 1);
    let version = 1;
    for (let i = 0; i < 50; i++) {
      version = client.change(uri, [
        { range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, text: i % 2 === 0 ? 'x' : '' },
      ]);
    }
    const last = await client.diagnosticsFor(uri, version);
    expect(Array.isArray(last)).toBe(true);
  });
});

describe('pulled diagnostics (VS Code)', () => {
  test('a full report, then "unchanged" for the same result id', async () => {
    const client = await start({ pull: true });
    const uri = uriOf(SAMPLE_PATH);
    client.open(uri, sample());
    const first = await client.request<FullDocumentDiagnosticReport>('textDocument/diagnostic', { textDocument: { uri } });
    expect(first.kind).toBe('full');
    expect(first.items).toHaveLength(63);
    const second = await client.request<DocumentDiagnosticReport>('textDocument/diagnostic', {
      textDocument: { uri },
      previousResultId: first.resultId,
    });
    expect(second.kind).toBe('unchanged');
    expect(client.published.size).toBe(0);
  });

  test('a keystroke that changes no diagnostic is answered "unchanged"; one that does, in full', async () => {
    const client = await start({ pull: true });
    const uri = uriOf(SAMPLE_PATH);
    client.open(uri, sample());
    const pull = (previousResultId?: string) =>
      client.request<DocumentDiagnosticReport>('textDocument/diagnostic', {
        textDocument: { uri },
        ...(previousResultId === undefined ? {} : { previousResultId }),
      });
    const first = (await pull()) as FullDocumentDiagnosticReport;
    // "A member of the European Parliament says…" becomes "A xmember…": a body line with no finding on it.
    client.change(uri, [{ range: { start: { line: 49, character: 2 }, end: { line: 49, character: 2 } }, text: 'x' }]);
    const afterTyping = await pull(first.resultId);
    expect(afterTyping).toEqual({ kind: 'unchanged', resultId: first.resultId });
    // What the client keeps is what a client that holds nothing is sent for the new text.
    const fresh = (await pull()) as FullDocumentDiagnosticReport;
    expect(fresh.kind).toBe('full');
    expect(fresh.items).toEqual(first.items);

    // "A A xmember…": a new finding, so the report is full, under a new id.
    client.change(uri, [{ range: { start: { line: 49, character: 0 }, end: { line: 49, character: 0 } }, text: 'A ' }]);
    const afterDoubling = (await pull(fresh.resultId)) as FullDocumentDiagnosticReport;
    expect(afterDoubling.kind).toBe('full');
    expect(afterDoubling.resultId).not.toBe(fresh.resultId);
    expect(afterDoubling.items.length).toBe(first.items.length + 1);
    expect(afterDoubling.items.filter((d) => d.code === 'style.doubled-word').map((d) => d.range.start)).toContainEqual({
      line: 49,
      character: 0,
    });
    // A result id the client never got from this server, or an older one, is answered in full.
    expect((await pull('no such result')).kind).toBe('full');
    expect((await pull(first.resultId)).kind).toBe('full');
  });
});

describe('outline and folding over the protocol', () => {
  test('documentSymbol and foldingRange on the sample', async () => {
    const client = await start();
    const uri = uriOf(SAMPLE_PATH);
    client.open(uri, sample());
    const symbols = await client.request<DocumentSymbol[]>('textDocument/documentSymbol', { textDocument: { uri } });
    expect(symbols.filter((s) => s.kind === 5)).toHaveLength(6);
    expect(symbols[2]!.selectionRange.start).toEqual({ line: 44, character: 0 });
    const folds = await client.request<FoldingRange[]>('textDocument/foldingRange', { textDocument: { uri } });
    expect(folds.filter((f) => f.kind === 'region')).toHaveLength(9);
  });

  test('semantic tokens after a keystroke come as an edit to those the client holds', async () => {
    const client = await start();
    const uri = uriOf(SAMPLE_PATH);
    const text = sample();
    client.open(uri, text);
    const held = await client.request<SemanticTokens>('textDocument/semanticTokens/full', { textDocument: { uri } });
    const at = TextDocument.create(uri, 'bulletin', 1, text).positionAt(text.indexOf('(See ') + 6);
    client.change(uri, [{ range: { start: at, end: at }, text: 'x' }]);
    const delta = await client.request<SemanticTokensDelta>('textDocument/semanticTokens/full/delta', {
      textDocument: { uri },
      previousResultId: held.resultId,
    });
    expect(delta.edits).toHaveLength(1);
    const edit = delta.edits[0]!;
    const now = [...held.data];
    now.splice(edit.start, edit.deleteCount, ...(edit.data ?? []));
    const fresh = await client.request<SemanticTokens>('textDocument/semanticTokens/full', { textDocument: { uri } });
    expect(now).toEqual(fresh.data);
    expect(now).not.toEqual(held.data);
    // A result the server did not send last is answered with all the tokens.
    const stale = await client.request<SemanticTokens>('textDocument/semanticTokens/full/delta', {
      textDocument: { uri },
      previousResultId: held.resultId,
    });
    expect(stale).toEqual(fresh);
  });

  test('positions are UTF-16 code units: an emoji counts two', async () => {
    const client = await start();
    const uri = 'file:///emoji.bulletin';
    client.open(uri, 'EMOJI 😀 HEADLINE\r\n\r\nStandfirst.\r\n\r\nBy Dina Tokbaeva\r\n\r\nBody.\r\n');
    const symbols = await client.request<DocumentSymbol[]>('textDocument/documentSymbol', { textDocument: { uri } });
    expect(symbols[0]!.selectionRange).toEqual({ start: { line: 0, character: 0 }, end: { line: 0, character: 17 } });
    // Insert after the emoji (character 8 is after its two code units) and see the headline grow by one.
    client.change(uri, [{ range: { start: { line: 0, character: 8 }, end: { line: 0, character: 8 } }, text: '!' }]);
    const after = await client.request<DocumentSymbol[]>('textDocument/documentSymbol', { textDocument: { uri } });
    expect(after[0]!.name).toBe('EMOJI 😀! HEADLINE');
  });
});

describe('cross-references across the workspace', () => {
  test('headlines of files on disk resolve; a renamed headline on disk is noticed', async () => {
    const dir = workspace({ 'rca-574.bulletin': article('POWER CUTS RETURN', 'Body.') });
    const client = await start({ folder: dir });
    const uri = uriOf(path.join(dir, 'rca-575.bulletin'));
    client.open(uri, article('SECOND STORY', 'Text (See Power Cuts Return.) end.'));
    // The index is built in the background; once it is, the reference resolves.
    await client.waitFor(() => {
      const latest = client.published.get(uri)?.at(-1);
      return latest !== undefined && !codes(latest.diagnostics).includes('xref.unresolved');
    });
    expect(client.requests.some((r) => r.method === 'window/workDoneProgress/create')).toBe(true);

    writeFileSync(path.join(dir, 'rca-574.bulletin'), article('POWER CUTS END', 'Body.'));
    await client.connection.sendNotification('workspace/didChangeWatchedFiles', {
      changes: [{ uri: uriOf(path.join(dir, 'rca-574.bulletin')), type: 2 }],
    });
    await client.waitFor(() => codes(client.published.get(uri)?.at(-1)?.diagnostics ?? []).includes('xref.unresolved'));
    const unresolved = client.published
      .get(uri)!
      .at(-1)!
      .diagnostics.find((d) => d.code === 'xref.unresolved')!;
    expect(unresolved.message).toContain('Did you mean “POWER CUTS END” (in rca-574.bulletin)?');
    expect(unresolved.relatedInformation?.[0]?.location.uri).toBe(uriOf(path.join(dir, 'rca-574.bulletin')));
  });

  test('editing a headline in one open file updates the other (published) and asks pulling clients to refresh', async () => {
    const pushClient = await start();
    const a = 'file:///ws/a.bulletin';
    const b = 'file:///ws/b.bulletin';
    pushClient.open(a, article('POWER CUTS RETURN', 'Body.'));
    pushClient.open(b, article('SECOND STORY', 'Text (See Power Cuts Return.) end.'));
    await pushClient.waitFor(() => (pushClient.published.get(b)?.length ?? 0) > 0);
    expect(codes(pushClient.published.get(b)!.at(-1)!.diagnostics)).not.toContain('xref.unresolved');
    pushClient.change(a, [{ range: { start: { line: 0, character: 11 }, end: { line: 0, character: 17 } }, text: 'END' }]);
    await pushClient.waitFor(() => codes(pushClient.published.get(b)!.at(-1)!.diagnostics).includes('xref.unresolved'));

    const pullClient = await start({ pull: true });
    pullClient.open(a, article('POWER CUTS RETURN', 'Body.'));
    pullClient.open(b, article('SECOND STORY', 'Text (See Power Cuts Return.) end.'));
    await pullClient.indexed();
    await pullClient.request('textDocument/diagnostic', { textDocument: { uri: a } });
    await pullClient.request('textDocument/diagnostic', { textDocument: { uri: b } });
    const before = refreshes(pullClient);
    pullClient.change(a, [{ range: { start: { line: 0, character: 11 }, end: { line: 0, character: 17 } }, text: 'END' }]);
    await pullClient.waitFor(() => refreshes(pullClient) > before);
  });

  test('a pulling client is not asked to refresh for an edit to the only issue it has open, which it pulls anyway', async () => {
    const client = await start({ pull: true });
    const a = 'file:///ws/a.bulletin';
    client.open(a, article('POWER CUTS RETURN', 'Body.'));
    await client.indexed();
    await client.request('textDocument/diagnostic', { textDocument: { uri: a } });
    const before = refreshes(client);
    client.change(a, [{ range: { start: { line: 0, character: 11 }, end: { line: 0, character: 17 } }, text: 'END' }]);
    const report = await client.request<FullDocumentDiagnosticReport>('textDocument/diagnostic', { textDocument: { uri: a } });
    expect(report.kind).toBe('full');
    // A request after the edit's analysis: a refresh would have been written before its answer.
    await client.request('textDocument/documentSymbol', { textDocument: { uri: a } });
    expect(refreshes(client)).toBe(before);
  });
});

describe('settings', () => {
  test('a configuration change that changes no bulletin setting rechecks nothing; one that does, everything', async () => {
    const client = await start({ pull: true });
    const a = 'file:///ws/a.bulletin';
    client.open(a, article('POWER CUTS RETURN', 'Body\twith a tab.'));
    await client.indexed();
    const first = await client.request<FullDocumentDiagnosticReport>('textDocument/diagnostic', { textDocument: { uri: a } });
    expect(codes(first.items)).toContain('style.tab');
    const before = refreshes(client);
    const asked = (): number => client.requests.filter((r) => r.method === 'workspace/configuration').length;
    // What VS Code sends when its client starts, or when the extension's own status bar setting changes.
    client.settings = { statusBar: { enabled: false } };
    const askedBefore = asked();
    await client.connection.sendNotification('workspace/didChangeConfiguration', { settings: null });
    await client.waitFor(() => asked() > askedBefore);
    await client.request('textDocument/documentSymbol', { textDocument: { uri: a } });
    expect(refreshes(client)).toBe(before);
    const same = await client.request<DocumentDiagnosticReport>('textDocument/diagnostic', {
      textDocument: { uri: a },
      previousResultId: first.resultId,
    });
    expect(same.kind).toBe('unchanged');

    client.settings = { statusBar: { enabled: false }, checks: { 'style.tab': 'off' } };
    await client.connection.sendNotification('workspace/didChangeConfiguration', { settings: null });
    await client.waitFor(() => refreshes(client) > before);
    const after = await client.request<FullDocumentDiagnosticReport>('textDocument/diagnostic', {
      textDocument: { uri: a },
      previousResultId: first.resultId,
    });
    expect(after.kind).toBe('full');
    expect(codes(after.items)).not.toContain('style.tab');
  });
});

describe('shutdown', () => {
  test('shutdown then exit ends the process with code 0', async () => {
    const client = new TestClient();
    await client.initialize({});
    await client.connection.sendRequest('shutdown');
    await client.connection.sendNotification('exit');
    const code = await new Promise<number | null>((resolve) => client.process.once('exit', (c) => resolve(c)));
    expect(code).toBe(0);
    client.connection.dispose();
  });
});

test('the fixtures used here are the real files', () => {
  expect(readFileSync(SAMPLE_PATH, 'utf8').length).toBe(sample().length);
});
