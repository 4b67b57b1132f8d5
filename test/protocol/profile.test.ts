// The publication profile, the user's settings, formatting and Check Before
// Send, over the protocol.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { afterEach, describe, expect, test } from 'vitest';
import type {
  CodeAction,
  Diagnostic,
  FullDocumentDiagnosticReport,
  PublishDiagnosticsParams,
  TextEdit,
} from 'vscode-languageserver-protocol';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { URI } from 'vscode-uri';
import { TestClient } from '../support/lspClient';
import { sample } from '../support/fixture';

const cleanup: (() => Promise<void> | void)[] = [];
afterEach(async () => {
  for (const c of cleanup.splice(0)) await c();
});

async function workspace(
  files: Record<string, string>,
  settings: unknown = {},
): Promise<{ dir: string; client: TestClient; uri: (name: string) => string }> {
  const dir = mkdtempSync(path.join(tmpdir(), 'bulletin-profile-'));
  for (const [name, text] of Object.entries(files)) writeFileSync(path.join(dir, name), text);
  const client = new TestClient();
  client.settings = settings;
  await client.initialize({ folder: dir });
  cleanup.push(
    () => client.stop(),
    () => rmSync(dir, { recursive: true, force: true }),
  );
  return { dir, client, uri: (name) => URI.file(path.join(dir, name)).toString() };
}

const codes = (d: readonly Diagnostic[]): string[] => d.map((x) => String(x.code));
const ARTICLE =
  'STORY\n\nStandfirst.\n\nBy Dina Tokbaeva\n\nThe minister, Kasymov, spoke. Then Kasymov left. Later Kazymov returned (See Lost Archive Story.)\n';

async function latest(client: TestClient, uri: string, predicate: (d: Diagnostic[]) => boolean): Promise<Diagnostic[]> {
  let found: Diagnostic[] | undefined;
  await client.waitFor(() => {
    const last: PublishDiagnosticsParams | undefined = client.published.get(uri)?.at(-1);
    if (last && predicate(last.diagnostics)) found = last.diagnostics;
    return found !== undefined;
  });
  return found!;
}

describe('bulletin.json', () => {
  test('its settings apply to the folder; its mistakes are diagnostics on the file itself', async () => {
    const { client, uri } = await workspace({
      'bulletin.json':
        '{\n  "ignoreTitles": ["Lost Archive Story"],\n  "checks": { "style.name-variants": "off" },\n  "emailWidth": "wide"\n}\n',
    });
    client.open(uri('a.bulletin'), ARTICLE);
    const diagnostics = await latest(client, uri('a.bulletin'), (d) => d.length > 0 && !codes(d).includes('xref.unresolved'));
    expect(codes(diagnostics)).not.toContain('style.name-variants');
    const profile = await latest(client, uri('bulletin.json'), (d) => d.length > 0);
    expect(profile.map((d) => [d.code, d.range.start.line, d.message])).toEqual([
      ['profile.invalid', 3, '“emailWidth” must be a whole number of columns between 40 and 200.'],
    ]);
  });

  test('a changed profile is read again and the documents checked again', async () => {
    const { dir, client, uri } = await workspace({ 'bulletin.json': '{ "checks": { "style.name-variants": "off" } }\n' });
    client.open(uri('a.bulletin'), ARTICLE);
    await latest(client, uri('a.bulletin'), (d) => d.length > 0 && !codes(d).includes('style.name-variants'));
    writeFileSync(path.join(dir, 'bulletin.json'), '{ "checks": {} }\n');
    await client.connection.sendNotification('workspace/didChangeWatchedFiles', { changes: [{ uri: uri('bulletin.json'), type: 2 }] });
    await latest(client, uri('a.bulletin'), (d) => codes(d).includes('style.name-variants'));
  });

  test('quick fixes add a title to ignoreTitles and a spelling to acceptedVariants, keeping the file as it was otherwise', async () => {
    const profileText = '{\n  // The house rules.\n  "emailWidth": 72\n}\n';
    const { client, uri } = await workspace({ 'bulletin.json': profileText });
    client.open(uri('a.bulletin'), ARTICLE);
    const diagnostics = await latest(
      client,
      uri('a.bulletin'),
      (d) => codes(d).includes('xref.unresolved') && codes(d).includes('style.name-variants'),
    );
    const apply = (text: string, edits: TextEdit[]): string =>
      TextDocument.applyEdits(TextDocument.create('file:///p', 'json', 1, text), edits);
    for (const [code, title, expected] of [
      [
        'xref.unresolved',
        'Ignore “Lost Archive Story” when resolving cross-references (bulletin.json)',
        '"ignoreTitles": [\n    "Lost Archive Story"\n  ]',
      ],
      [
        'style.name-variants',
        'Accept “Kazymov” as a spelling of “Kasymov” (bulletin.json)',
        '"acceptedVariants": [\n    [\n      "Kasymov",\n      "Kazymov"\n    ]\n  ]',
      ],
    ] as const) {
      const d = diagnostics.find((x) => x.code === code)!;
      const actions = await client.request<CodeAction[]>('textDocument/codeAction', {
        textDocument: { uri: uri('a.bulletin') },
        range: d.range,
        context: { diagnostics: [d] },
      });
      const action = actions.find((a) => a.title === title);
      if (!action) throw new Error(`no ${title} in ${actions.map((a) => a.title).join(' | ')}`);
      const edited = apply(profileText, action.edit!.changes![uri('bulletin.json')]!);
      expect(edited.startsWith('{\n  // The house rules.\n  "emailWidth": 72,\n')).toBe(true);
      expect(edited).toContain(expected);
    }
  });

  test('without a bulletin.json the fix creates one', async () => {
    const { client, uri } = await workspace({});
    client.open(uri('a.bulletin'), ARTICLE);
    const diagnostics = await latest(client, uri('a.bulletin'), (d) => codes(d).includes('xref.unresolved'));
    const d = diagnostics.find((x) => x.code === 'xref.unresolved')!;
    const actions = await client.request<CodeAction[]>('textDocument/codeAction', {
      textDocument: { uri: uri('a.bulletin') },
      range: d.range,
      context: { diagnostics: [d] },
    });
    const changes = actions.find((a) => a.title.startsWith('Ignore'))!.edit!.documentChanges!;
    expect(changes[0]).toEqual({ kind: 'create', uri: uri('bulletin.json'), options: { ignoreIfExists: true } });
    expect(JSON.parse((changes[1] as { edits: TextEdit[] }).edits[0]!.newText)).toEqual({ ignoreTitles: ['Lost Archive Story'] });
  });
});

describe('an issue checked before the profile is read', () => {
  /** A pulling client on a folder, which gives the server its settings only when `release` is called. */
  async function slowClient(files: Record<string, string>) {
    const dir = mkdtempSync(path.join(tmpdir(), 'bulletin-profile-'));
    for (const [name, text] of Object.entries(files)) writeFileSync(path.join(dir, name), text);
    const client = new TestClient();
    let release = (): void => undefined;
    client.configurationGate = new Promise((resolve) => (release = resolve));
    await client.initialize({ folder: dir, pull: true });
    cleanup.push(
      () => client.stop(),
      () => rmSync(dir, { recursive: true, force: true }),
    );
    const uri = URI.file(path.join(dir, 'a.bulletin')).toString();
    client.open(uri, ARTICLE.replace('Then Kasymov', 'Then\tKasymov'));
    const pull = () => client.request<FullDocumentDiagnosticReport>('textDocument/diagnostic', { textDocument: { uri } });
    const first = await pull();
    const asked = client.requests.length;
    release();
    // The index's progress starts once the profiles are read: what the server asked between.
    await client.waitFor(() => client.requests.some((r) => r.method === 'window/workDoneProgress/create'));
    const methods = client.requests.slice(asked).map((r) => r.method);
    const refreshedFirst = methods.slice(0, methods.indexOf('window/workDoneProgress/create')).includes('workspace/diagnostic/refresh');
    return { first, refreshedFirst, pull };
  }

  test('is checked again at once under its folder’s bulletin.json, before the archive is indexed', async () => {
    const { first, refreshedFirst, pull } = await slowClient({ 'bulletin.json': '{ "checks": { "style.tab": "off" } }' });
    expect(codes(first.items)).toContain('style.tab');
    expect(refreshedFirst).toBe(true);
    expect(codes((await pull()).items)).not.toContain('style.tab');
  });

  test('is not checked again where the folder has no bulletin.json', async () => {
    const { first, refreshedFirst, pull } = await slowClient({});
    expect(codes(first.items)).toContain('style.tab');
    expect(refreshedFirst).toBe(false);
    expect(codes((await pull()).items)).toContain('style.tab');
  });
});

describe('user settings', () => {
  test('bulletin.checks turns a check off for this user, and a change of settings applies at once', async () => {
    const { client, uri } = await workspace({}, { checks: { 'style.name-variants': 'off' } });
    client.open(uri('a.bulletin'), ARTICLE);
    await latest(client, uri('a.bulletin'), (d) => d.length > 0 && !codes(d).includes('style.name-variants'));
    client.settings = { checks: { 'style.name-variants': 'error' } };
    await client.connection.sendNotification('workspace/didChangeConfiguration', { settings: null });
    const after = await latest(client, uri('a.bulletin'), (d) => codes(d).includes('style.name-variants'));
    expect(after.find((d) => d.code === 'style.name-variants')!.severity).toBe(1);
  });
});

describe('formatting and Check Before Send', () => {
  test('document and range formatting rewrap long prose lines and nothing else', async () => {
    const { client, uri } = await workspace({});
    const text =
      'STORY\n\nStandfirst.\n\nBy Dina Tokbaeva\n\nA line of prose that runs on well past the seventy-two columns that an email allows.\n\n\n\nSECOND STORY\n\nStandfirst.\n\nBy Almaz Rysaliev\n\nBody.\n';
    client.open(uri('a.bulletin'), text);
    const edits = await client.request<TextEdit[]>('textDocument/formatting', {
      textDocument: { uri: uri('a.bulletin') },
      options: { tabSize: 2, insertSpaces: true },
    });
    const formatted = TextDocument.applyEdits(TextDocument.create('file:///a', 'bulletin', 1, text), edits);
    expect(formatted).toBe(
      text.replace('columns that an email', 'columns that an\nemail').replace('allows.\n\n\n\nSECOND', 'allows.\n\n\nSECOND'),
    );
    const ranged = await client.request<TextEdit[]>('textDocument/rangeFormatting', {
      textDocument: { uri: uri('a.bulletin') },
      range: { start: { line: 0, character: 0 }, end: { line: 2, character: 0 } },
      options: { tabSize: 2, insertSpaces: true },
    });
    expect(ranged).toEqual([]);
  });

  test('bulletin/checkBeforeSend sums up the sample: problems by kind, size, reading time, the first problem', async () => {
    const { client, uri } = await workspace({});
    client.open(uri('rca-2011-12-janaozen.bulletin'), sample());
    const report = await client.request<{
      errors: number;
      warnings: number;
      hints: number;
      articles: number;
      untitled: number;
      words: number;
      readingMinutes: number;
      byCode: { code: string; count: number }[];
      first: { range: { start: { line: number } }; code: string };
    }>('bulletin/checkBeforeSend', { uri: uri('rca-2011-12-janaozen.bulletin') });
    expect([report.errors, report.warnings, report.hints, report.articles, report.untitled]).toEqual([7, 48, 8, 6, 6]);
    expect(report.words).toBeGreaterThan(6000);
    expect(report.words).toBeLessThan(7000);
    expect(report.readingMinutes).toBe(Math.round(report.words / 200));
    expect(report.byCode[0]).toEqual(expect.objectContaining({ code: 'headline.missing', count: 6 }));
    expect(report.first).toEqual(expect.objectContaining({ code: 'headline.missing' }));
    expect(report.first.range.start.line).toBe(44);
  });
});
