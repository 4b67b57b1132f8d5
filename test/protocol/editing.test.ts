// Editing features over the protocol, on a workspace of several issues on disk:
// the sample and two earlier issues holding the titles it cites.
import { copyFileSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type {
  CodeAction,
  CodeLens,
  CompletionItem,
  Diagnostic,
  DocumentLink,
  Hover,
  Location,
  LocationLink,
  SelectionRange,
  SymbolInformation,
  TextEdit,
  WorkspaceEdit,
} from 'vscode-languageserver-protocol';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { URI } from 'vscode-uri';
import { FIXTURES, SAMPLE_PATH } from '../support/fixture';
import { TestClient } from '../support/lspClient';

let dir: string;
let client: TestClient;
const files: Record<string, string> = {};
const uri = (name: string): string => URI.file(path.join(dir, name)).toString();
const SAMPLE = 'rca-2011-12-janaozen.txt';
const NO574 = 'rca-2009-04-574.bulletin';
const NO632 = 'rca-2011-12-632.bulletin';

/** Applies LSP edits to a text, as an editor does. */
function apply(text: string, edits: readonly TextEdit[]): string {
  const doc = TextDocument.create('file:///x', 'bulletin', 1, text);
  return TextDocument.applyEdits(doc, [...edits]);
}

function lineOf(name: string, needle: string): { line: number; character: number } {
  const lines = files[name]!.split('\n');
  const line = lines.findIndex((l) => l.includes(needle));
  if (line < 0) throw new Error(`${needle} not in ${name}`);
  return { line, character: lines[line]!.indexOf(needle) };
}

function at(name: string, needle: string, shift = 0): { textDocument: { uri: string }; position: { line: number; character: number } } {
  const p = lineOf(name, needle);
  return { textDocument: { uri: uri(name) }, position: { line: p.line, character: p.character + shift } };
}

beforeAll(async () => {
  dir = mkdtempSync(path.join(tmpdir(), 'bulletin-archive-'));
  copyFileSync(SAMPLE_PATH, path.join(dir, SAMPLE));
  copyFileSync(path.join(FIXTURES, 'archive', NO574), path.join(dir, NO574));
  copyFileSync(path.join(FIXTURES, 'archive', NO632), path.join(dir, NO632));
  for (const name of [SAMPLE, NO574, NO632]) files[name] = readFileSync(path.join(dir, name), 'utf8');
  client = await TestClient.start({ folder: dir, pull: true });
  client.open(uri(SAMPLE), files[SAMPLE]!);
  client.open(uri(NO632), files[NO632]!);
  // Wait until the archive is indexed: the sample's reference to No. 574 resolves.
  const deadline = Date.now() + 10000;
  for (;;) {
    const links = await client.request<LocationLink[]>('textDocument/definition', at(SAMPLE, "Kazakstan's Unhappy Oil Workers and", 2));
    if (links.length > 0 || Date.now() > deadline) break;
    await new Promise((r) => setTimeout(r, 100));
  }
});

afterAll(async () => {
  await client.stop();
  rmSync(dir, { recursive: true, force: true });
});

describe('go to definition', () => {
  test('a cross-reference title → the headline in the earlier issue that holds it', async () => {
    const links = await client.request<LocationLink[]>('textDocument/definition', at(SAMPLE, "Kazakstan's Unhappy Oil Workers and", 5));
    expect(links).toHaveLength(1);
    expect(links[0]!.targetUri).toBe(uri(NO574));
    expect(links[0]!.targetSelectionRange.start).toEqual({
      line: files[NO574]!.split('\n').indexOf("KAZAKSTAN'S UNHAPPY OIL WORKERS"),
      character: 0,
    });
    // The origin is the one title, not the whole `(See A and B.)`.
    const origin = links[0]!.originSelectionRange!;
    expect(files[SAMPLE]!.split('\n')[origin.start.line]!.slice(origin.start.character, origin.end.character)).toBe(
      "Kazakstan's Unhappy Oil Workers",
    );
  });

  test('each title of "(See A and B.)" separately, the second wrapped over two lines', async () => {
    const second = await client.request<LocationLink[]>('textDocument/definition', at(SAMPLE, 'Anger Protesting Kazak Oil Workers.)', 3));
    expect(second.map((l) => l.targetUri)).toEqual([uri(NO574)]);
    expect(second[0]!.originSelectionRange!.start.line).toBe(lineOf(SAMPLE, 'Reprisals Merely').line);
  });

  test('a running-text reference ("see Title and Title.") resolves too', async () => {
    const links = await client.request<LocationLink[]>('textDocument/definition', at(SAMPLE, 'see Kazakstan', 6));
    expect(links[0]?.targetUri).toBe(uri(NO574));
  });

  test('a contents entry → its article', async () => {
    const links = await client.request<LocationLink[]>(
      'textDocument/definition',
      at(NO632, 'POLICE ROUND UP MEN AFTER JANAOZEN VIOLENCE  Residents', 3),
    );
    expect(links[0]!.targetUri).toBe(uri(NO632));
    expect(links[0]!.targetSelectionRange.start.line).toBe(
      files[NO632]!.split('\n').lastIndexOf('POLICE ROUND UP MEN AFTER JANAOZEN VIOLENCE'),
    );
  });

  test('prose is not a reference', async () => {
    expect(await client.request<LocationLink[]>('textDocument/definition', at(SAMPLE, 'see Central Asia at the centre', 6))).toEqual([]);
  });
});

describe('find all references and code lenses', () => {
  test('a headline → every cross-reference to it in the workspace, and its contents entry', async () => {
    client.open(uri(NO574), files[NO574]!);
    const locations = await client.request<Location[]>('textDocument/references', {
      ...at(NO574, "KAZAKSTAN'S UNHAPPY OIL WORKERS"),
      context: { includeDeclaration: false },
    });
    const where = locations.map((l) => `${path.basename(URI.parse(l.uri).fsPath)}:${l.range.start.line + 1}`).sort();
    expect(where).toEqual(
      [
        `${NO574}:${lineOf(NO574, "KAZAKSTAN'S UNHAPPY OIL WORKERS  Strikers").line + 1}`,
        `${NO632}:${lineOf(NO632, "(See Kazakstan's").line + 1}`,
        `${SAMPLE}:${lineOf(SAMPLE, "(See Kazakstan's Unhappy").line + 1}`,
        `${SAMPLE}:${lineOf(SAMPLE, "see Kazakstan's Unhappy Oil").line + 1}`,
      ].sort(),
    );
  });

  test('a lens over each headline counts them', async () => {
    const listed = await client.request<CodeLens[]>('textDocument/codeLens', { textDocument: { uri: uri(NO574) } });
    const lenses = await Promise.all(listed.map((l) => client.request<CodeLens>('codeLens/resolve', l)));
    const lines = files[NO574]!.split('\n');
    expect(lenses.map((l) => [l.range.start.line, l.command?.title])).toEqual([
      [lines.indexOf("KAZAKSTAN'S UNHAPPY OIL WORKERS"), '4 references'],
      [lines.indexOf('REPRISALS MERELY ANGER PROTESTING KAZAK OIL WORKERS'), '3 references'],
    ]);
    expect(lenses[0]!.command!.command).toBe('bulletin.showReferences');
  });
});

describe('rename', () => {
  test('prepareRename accepts a headline and refuses elsewhere with a clear message', async () => {
    const line = files[NO574]!.split('\n').indexOf('REPRISALS MERELY ANGER PROTESTING KAZAK OIL WORKERS');
    const ok = await client.request<{ placeholder: string }>('textDocument/prepareRename', {
      textDocument: { uri: uri(NO574) },
      position: { line, character: 4 },
    });
    expect(ok.placeholder).toBe('REPRISALS MERELY ANGER PROTESTING KAZAK OIL WORKERS');
    await expect(client.request('textDocument/prepareRename', at(NO574, 'walked out this week'))).rejects.toThrow(
      /Only a headline can be renamed/,
    );
  });

  test('one workspace edit: the headline, its contents entry and every reference, each file otherwise byte-for-byte', async () => {
    const headlineLine = files[NO574]!.split('\n').lastIndexOf("KAZAKSTAN'S UNHAPPY OIL WORKERS");
    const edit = await client.request<WorkspaceEdit>('textDocument/rename', {
      textDocument: { uri: uri(NO574) },
      position: { line: headlineLine, character: 3 },
      newName: "KAZAKSTAN'S DISCONTENTED OIL WORKERS",
    });
    const changes = edit.changes!;
    expect(Object.keys(changes).sort()).toEqual([uri(NO632), uri(NO574), uri(SAMPLE)].sort());
    expect(apply(files[NO574]!, changes[uri(NO574)]!)).toBe(
      files[NO574]!.replaceAll("KAZAKSTAN'S UNHAPPY OIL WORKERS", "KAZAKSTAN'S DISCONTENTED OIL WORKERS"),
    );
    // References keep their Title Case and their line break.
    expect(apply(files[NO632]!, changes[uri(NO632)]!)).toBe(
      files[NO632]!.replace("(See Kazakstan's\nUnhappy Oil Workers,", "(See Kazakstan's\nDiscontented Oil Workers,"),
    );
    expect(apply(files[SAMPLE]!, changes[uri(SAMPLE)]!)).toBe(
      files[SAMPLE]!.replace("(See Kazakstan's Unhappy Oil Workers and", "(See Kazakstan's Discontented Oil Workers and").replace(
        "see Kazakstan's Unhappy Oil\nWorkers and",
        "see Kazakstan's Discontented\nOil Workers and",
      ),
    );
  });
});

describe('completion', () => {
  test('inside "(See " → headlines, this issue first then earlier issues by date, inserting the closing ".)"', async () => {
    const text = `${files[NO632]!}`.replace(
      'Police in Janaozen detained dozens of men on Sunday.',
      'Police in Janaozen detained dozens of men on Sunday. (See Rep',
    );
    const u = uri('draft.bulletin');
    client.open(u, text);
    const p = lineOf(NO632, 'Police in Janaozen detained');
    const line = text.split('\n')[p.line]!;
    const items = await client.request<CompletionItem[]>('textDocument/completion', {
      textDocument: { uri: u },
      position: { line: p.line, character: line.indexOf('(See Rep') + 8 },
    });
    expect(items[0]!.label).toBe('Police Round Up Men After Janaozen Violence');
    const reprisals = items.find((i) => i.label === 'Reprisals Merely Anger Protesting Kazak Oil Workers')!;
    expect(reprisals.detail).toContain('RCA No. 574');
    expect(apply(text, [reprisals.textEdit as TextEdit])).toBe(
      text.replace('(See Rep', '(See Reprisals Merely Anger Protesting Kazak Oil Workers.)'),
    );
    client.close(u);
  });

  test('after "By " → authors known from the workspace', async () => {
    const u = uri('draft2.bulletin');
    client.open(u, 'NEW STORY\n\nStandfirst.\n\nBy Al');
    const items = await client.request<CompletionItem[]>('textDocument/completion', {
      textDocument: { uri: u },
      position: { line: 4, character: 5 },
    });
    expect(items.map((i) => i.label)).toContain('Almaz Rysaliev');
    expect(items.find((i) => i.label === 'Almaz Rysaliev')!.textEdit).toMatchObject({
      newText: 'Almaz Rysaliev',
      range: { start: { line: 4, character: 3 } },
    });
    client.close(u);
  });

  test('in the footer credits → known roles', async () => {
    const line = lineOf(SAMPLE, 'REPORTING CENTRAL ASIA: Editor-in-Chief').line;
    const items = await client.request<CompletionItem[]>('textDocument/completion', {
      textDocument: { uri: uri(SAMPLE) },
      position: { line: line + 1, character: 0 },
    });
    expect(items.map((i) => i.label)).toEqual(expect.arrayContaining(['Editor-in-Chief', 'Head of Programmes']));
  });
});

describe('hover', () => {
  test('on a cross-reference: the target headline, standfirst, byline and issue', async () => {
    const result = await client.request<Hover>('textDocument/hover', at(SAMPLE, 'Reprisals Merely', 2));
    const value = (result.contents as { value: string }).value;
    expect(value).toContain('**REPRISALS MERELY ANGER PROTESTING KAZAK OIL WORKERS**');
    expect(value).toContain("Dismissals have hardened the strikers' resolve.");
    expect(value).toContain('By Almaz Rysaliev — RCA No. 574, April 24, 2009, rca-2009-04-574.bulletin');
  });

  test("on a byline: the author's articles in the workspace", async () => {
    const result = await client.request<Hover>('textDocument/hover', at(SAMPLE, 'By Almaz Rysaliev', 5));
    const value = (result.contents as { value: string }).value;
    expect(value).toContain('**Almaz Rysaliev**: 3 articles in the workspace');
    expect(value).toContain('- REPRISALS MERELY ANGER PROTESTING KAZAK OIL WORKERS — RCA No. 574');
    expect(value).toContain('- [untitled] After talks with top official');
  });
});

describe('code actions', () => {
  async function diagnostics(name: string): Promise<Diagnostic[]> {
    const report = await client.request<{ items: Diagnostic[] }>('textDocument/diagnostic', { textDocument: { uri: uri(name) } });
    return report.items;
  }

  test('a quick fix for a malformed cross-reference changes exactly the comma', async () => {
    const d = (await diagnostics(SAMPLE)).find((x) => x.code === 'xref.malformed')!;
    const actions = await client.request<CodeAction[]>('textDocument/codeAction', {
      textDocument: { uri: uri(SAMPLE) },
      range: d.range,
      context: { diagnostics: [d] },
    });
    const fix = actions.find((a) => a.title === 'Replace the comma with a full stop')!;
    expect(fix.isPreferred).toBe(true);
    expect(apply(files[SAMPLE]!, fix.edit!.changes![uri(SAMPLE)]!)).toBe(
      files[SAMPLE]!.replace('Janaozen Violence,)', 'Janaozen Violence.)'),
    );
  });

  test('"fix all" applies every safe fix of the sample and nothing else', async () => {
    const actions = await client.request<CodeAction[]>('textDocument/codeAction', {
      textDocument: { uri: uri(SAMPLE) },
      range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } },
      context: { diagnostics: [], only: ['source.fixAll'] },
    });
    expect(actions.map((a) => a.kind)).toEqual(['source.fixAll.bulletin']);
    const original = files[SAMPLE]!;
    const fixed = apply(original, actions[0]!.edit!.changes![uri(SAMPLE)]!);
    // Words: exactly the original's with the safe fixes' changes, nothing added or dropped elsewhere.
    const words = (t: string): string[] => t.split(/\s+/).filter((w) => w.length > 0);
    expect(words(fixed)).toEqual(
      words(
        original
          .replace('Janaozen Violence,)', 'Janaozen Violence.)')
          .replace('Copyright © 2009', 'Copyright © 2011')
          .replace('She and and around', 'She and around'),
      ),
    );
    // Whitespace: the split credits joined, no trailing whitespace, long body lines rewrapped at 72.
    expect(fixed).toContain('Central Asia Editor: Saule\nBorden;');
    expect(/[ \t]$/m.test(fixed)).toBe(false);
    const footer = fixed.indexOf('**** http://iwpr.net/ ****', fixed.indexOf('Interview conducted by Dina Tokbaeva,\nIWPR editor'));
    expect(
      fixed
        .slice(0, footer)
        .split('\n')
        .filter((l) => l.length > 72 && !l.includes('http')),
    ).toEqual([]);
    expect(fixed).toContain('A state of emergency was imposed in Janaozen and will last until January\n5.');
  });

  test('regenerate the contents from the articles: a source action that rewrites only the contents', async () => {
    const draft = files[NO632]!.replace(
      'POLICE ROUND UP MEN AFTER JANAOZEN VIOLENCE  Residents say men are\ndetained on sight in the oil town.  By Janar Kasymbekova',
      'POLICE ROUND UP MEN  Old text.  By Somebody',
    );
    const u = uri('draft3.bulletin');
    client.open(u, draft);
    const actions = await client.request<CodeAction[]>('textDocument/codeAction', {
      textDocument: { uri: u },
      range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } },
      context: { diagnostics: [], only: ['source.bulletin.regenerateContents'] },
    });
    expect(apply(draft, actions[0]!.edit!.changes![u]!)).toBe(
      draft.replace(
        'POLICE ROUND UP MEN  Old text.  By Somebody',
        'POLICE ROUND UP MEN AFTER JANAOZEN VIOLENCE  Residents say men are\ndetained on sight in the oil town.  By Janar Kasymbekova',
      ),
    );
    client.close(u);
  });

  test('the copyright fix and "replace the footer" leave the rest of the file as it was', async () => {
    const d = (await diagnostics(SAMPLE)).find((x) => x.code === 'footer.copyright-year')!;
    const actions = await client.request<CodeAction[]>('textDocument/codeAction', {
      textDocument: { uri: uri(SAMPLE) },
      range: d.range,
      context: { diagnostics: [d] },
    });
    expect(actions.map((a) => a.title)).toEqual([
      'Change the year to 2011',
      'Replace the footer with the template',
      'Turn off footer.copyright-year for this publication (bulletin.json)',
    ]);
    const replaced = apply(files[SAMPLE]!, actions[1]!.edit!.changes![uri(SAMPLE)]!);
    const footerStart = files[SAMPLE]!.lastIndexOf('**** http://iwpr.net/', files[SAMPLE]!.indexOf('REPORTING CENTRAL ASIA provides'));
    expect(replaced.slice(0, footerStart)).toBe(files[SAMPLE]!.slice(0, footerStart));
    expect(replaced.slice(footerStart)).toContain('Copyright © 2011 The Institute');
    expect(replaced).not.toContain('Reply via email to');
  });
});

describe('links, workspace symbols, selection ranges, commands', () => {
  test('document links for URLs and for resolved cross-references', async () => {
    const links = await client.request<DocumentLink[]>('textDocument/documentLink', { textDocument: { uri: uri(SAMPLE) } });
    const targets = links.map((l) => l.target!);
    expect(targets).toContain('http://iwpr.net/donate');
    expect(targets).toContain('http://iwpr.net/contact');
    expect(targets.some((t) => t.startsWith(`${uri(NO574)}#L`))).toBe(true);
    expect(targets.every((t) => /^(https?:|mailto:|file:)/.test(t))).toBe(true);
  });

  test('workspace symbols over every headline of every issue', async () => {
    const symbols = await client.request<SymbolInformation[]>('workspace/symbol', { query: 'oil workers' });
    expect(symbols.map((s) => s.name)).toEqual(["KAZAKSTAN'S UNHAPPY OIL WORKERS", 'REPRISALS MERELY ANGER PROTESTING KAZAK OIL WORKERS']);
    expect(symbols[0]!.containerName).toBe('RCA No. 574');
  });

  test('selection ranges grow from word to paragraph to article to the document', async () => {
    const p = lineOf(SAMPLE, 'How much leverage does the EU have?');
    const [range] = await client.request<SelectionRange[]>('textDocument/selectionRange', {
      textDocument: { uri: uri(SAMPLE) },
      positions: [{ line: p.line, character: p.character + 10 }],
    });
    const chain: string[] = [];
    const lines = files[SAMPLE]!.split('\n');
    for (let r: SelectionRange | undefined = range; r; r = r.parent) chain.push(`${r.range.start.line + 1}-${r.range.end.line + 1}`);
    // The word, then the line (here also the paragraph and the turn), then the article.
    expect(chain.slice(0, 3)).toEqual([
      `${p.line + 1}-${p.line + 1}`,
      `${p.line + 1}-${p.line + 1}`,
      `${lineOf(SAMPLE, 'MEP pressing').line + 1}-${lineOf(SAMPLE, 'editor in London.').line + 1}`,
    ]);
    expect(chain.at(-1)).toBe(`1-${lines.length}`);
  });

  test('the regenerate-contents command asks the client to apply the edit', async () => {
    const u = uri('draft4.bulletin');
    client.open(u, files[NO632]!.replace('Residents say men are\ndetained on sight in the oil town.  By', 'Old standfirst.  By'));
    const result = await client.request<{ applied: boolean; edits: number }>('workspace/executeCommand', {
      command: 'bulletin.server.regenerateContents',
      arguments: [u],
    });
    expect(result.edits).toBe(1);
    const request = client.requests.find((r) => r.method === 'workspace/applyEdit')!;
    expect(JSON.stringify(request.params)).toContain('Residents say men are');
    client.close(u);
  });
});

test('a file written to the workspace is indexed when the client says it changed', async () => {
  const refreshes = (): number => client.requests.filter((r) => r.method === 'workspace/diagnostic/refresh').length;
  const before = refreshes();
  writeFileSync(
    path.join(dir, 'rca-2011-12-633.bulletin'),
    'KAZAK SPIN DOCTORS EXPLAIN POLICE SHOOTINGS\n\nStandfirst.\n\nBy Almaz Rysaliev\n\nBody.\n',
  );
  await client.connection.sendNotification('workspace/didChangeWatchedFiles', {
    changes: [{ uri: uri('rca-2011-12-633.bulletin'), type: 1 }],
  });
  await client.waitFor(() => refreshes() > before);
  const links = await client.request<LocationLink[]>('textDocument/definition', at(SAMPLE, 'Kazak Spin Doctors Explain Police', 3));
  expect(links[0]?.targetUri).toBe(uri('rca-2011-12-633.bulletin'));
});
