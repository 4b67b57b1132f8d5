// A long issue is checked in turns of the event loop: requests are answered
// while its checks run, and an edit cancels the checks of the version it
// replaces, published (Neovim) or pulled (VS Code).
import { afterEach, expect, test } from 'vitest';
import { CancellationTokenSource, LSPErrorCodes, ResponseError } from 'vscode-languageserver-protocol';
import type { FullDocumentDiagnosticReport } from 'vscode-languageserver-protocol';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { createCheckContext } from '../../server/src/checks/context';
import { CHECKS } from '../../server/src/checks/registry';
import { runChecks } from '../../server/src/checks/run';
import { toDiagnostics } from '../../server/src/features/diagnostics';
import { nearestFirst } from '../../server/src/features/diagnosticsOrder';
import { parseBulletin } from '../../server/src/model/parse';
import { DEFAULT_PROFILE } from '../../server/src/profile/profile';
import { WorkspaceIndex } from '../../server/src/workspace/index';
import { summarize } from '../../server/src/workspace/summary';
import { TestClient } from '../support/lspClient';
import { generate } from '../../bench/generate';
import { sample } from '../support/fixture';

const clients: TestClient[] = [];
afterEach(async () => {
  await Promise.all(clients.splice(0).map((c) => c.stop()));
});

const uri = 'file:///drafts/long-issue.bulletin';
/** An issue of 4 MB (the sample's articles, many times over): under the size for full checks, which take a while. */
const longIssue = (): string => generate(sample(), 4_000_000).bulletin;
const typed = [{ range: { start: { line: 3, character: 0 }, end: { line: 3, character: 0 } }, text: 'x' }];

test('an edit that comes in while a long issue is checked cancels those checks: only the new version is published', async () => {
  const client = await TestClient.start();
  clients.push(client);
  client.open(uri, longIssue());
  // Answered once the text is parsed, before or between the slices of its checks.
  await client.request('textDocument/foldingRange', { textDocument: { uri } });
  const version = client.change(uri, typed);
  const diagnostics = await client.diagnosticsFor(uri, version);
  expect(diagnostics.length).toBeGreaterThan(1000);
  expect((client.published.get(uri) ?? []).map((p) => p.version)).toEqual([version]);
}, 60000);

test('a pull of diagnostics lets requests through while it checks, and an edit meanwhile cancels it; the next pull gets the report', async () => {
  const client = await TestClient.start({ pull: true });
  clients.push(client);
  client.open(uri, longIssue());
  let settled = false;
  const first = client.request<FullDocumentDiagnosticReport>('textDocument/diagnostic', { textDocument: { uri } }).then(
    (report) => ({ report }),
    (error: unknown) => ({ error }),
  );
  void first.finally(() => (settled = true));
  // Sent as a typist would, before the pull is answered: the folding request, then a keystroke.
  const folding = client.request('textDocument/foldingRange', { textDocument: { uri } });
  client.change(uri, typed);
  await folding;
  expect(settled).toBe(false);
  const outcome = await first;
  expect('error' in outcome && outcome.error instanceof ResponseError && outcome.error.code).toBe(LSPErrorCodes.RequestCancelled);
  const report = await client.request<FullDocumentDiagnosticReport>('textDocument/diagnostic', { textDocument: { uri } });
  expect(report.kind).toBe('full');
  expect(report.items.length).toBeGreaterThan(1000);
}, 60000);

test('edits that come in while earlier versions are checked leave the last version checked as a fresh check of its text', async () => {
  const client = await TestClient.start();
  clients.push(client);
  let text = generate(sample(), 2_000_000).bulletin;
  client.open(uri, text);
  const document = () => TextDocument.create(uri, 'bulletin', 1, text);
  // An article typed in is checked while the next edit, above it, moves it.
  const middle = text.indexOf('\n\n', text.length >> 1) - 10;
  const edits = [
    { at: middle, insert: 'x', remove: 0 },
    { at: 40, insert: 'x', remove: 0 },
    { at: middle + 20, insert: 'y', remove: 0 },
    { at: 41, insert: '\n\n', remove: 0 },
    { at: text.length - 5000, insert: '', remove: 3 },
  ];
  let version = 1;
  for (const edit of edits) {
    await new Promise((resolve) => setTimeout(resolve, 8));
    const before = document();
    const range = { start: before.positionAt(edit.at), end: before.positionAt(edit.at + edit.remove) };
    text = text.slice(0, edit.at) + edit.insert + text.slice(edit.at + edit.remove);
    version = client.change(uri, [{ range, text: edit.insert }]);
  }
  const published = await client.diagnosticsFor(uri, version);
  const parsed = parseBulletin(text);
  const index = new WorkspaceIndex();
  index.set(summarize(parsed, uri, document()));
  const fresh = toDiagnostics(runChecks(createCheckContext(parsed, uri, index, DEFAULT_PROFILE)), document(), uri);
  expect(published.length).toBeGreaterThan(1000);
  // In the order they are sent: those nearest the last edit first.
  expect(published).toEqual(nearestFirst(fresh, document().positionAt(edits.at(-1)!.at).line));
}, 60000);

/**
 * A client whose settings, given only when `release` is called, turn every check off: checked under them, an issue
 * has nothing to show, and is checked at once.
 */
async function slowToGiveSettings(pull: boolean): Promise<{ client: TestClient; release: () => void }> {
  const client = new TestClient();
  clients.push(client);
  client.settings = { checks: Object.fromEntries(CHECKS.map((check) => [check.code, 'off'])) };
  let release = (): void => undefined;
  client.configurationGate = new Promise((resolve) => (release = resolve));
  await client.initialize({ pull });
  return { client, release };
}

test('settings that change while a long issue is checked under the old ones: what it was found to hold then is not published after', async () => {
  const { client, release } = await slowToGiveSettings(false);
  // Opened before the settings come: checked under the defaults; the settings, read meanwhile, have it checked again.
  client.open(uri, longIssue());
  await client.request('textDocument/foldingRange', { textDocument: { uri } });
  release();
  await client.waitFor(() => client.published.has(uri), 30000);
  // The check under the defaults, had it gone on, publishes nothing until it ends.
  await client.quiet();
  // Published once or more under the settings (again when the folders are indexed), never under the defaults.
  expect(new Set(client.published.get(uri)!.map((p) => p.diagnostics.length))).toEqual(new Set([0]));
  expect(client.stderr).toBe('');
}, 60000);

test('a pull under way when the settings change is cancelled once the issue is checked under the new ones; the next pull gets theirs', async () => {
  const { client, release } = await slowToGiveSettings(true);
  client.open(uri, longIssue());
  const pull = () => client.request<FullDocumentDiagnosticReport>('textDocument/diagnostic', { textDocument: { uri } });
  const first = pull().then(
    (report) => ({ report }),
    (error: unknown) => ({ error }),
  );
  await client.request('textDocument/foldingRange', { textDocument: { uri } });
  release();
  // The settings read, the server asks for every pull again; a request meanwhile has the issue parsed under them.
  await client.waitFor(() => client.requests.some((r) => r.method === 'workspace/diagnostic/refresh'), 30000);
  await client.request('textDocument/documentSymbol', { textDocument: { uri } });
  const outcome = await first;
  expect('error' in outcome && outcome.error instanceof ResponseError && outcome.error.code).toBe(LSPErrorCodes.RequestCancelled);
  expect((await pull()).items).toEqual([]);
}, 60000);

test('a headline that comes in while a long issue is checked: the issue is published as checked with it, not before', async () => {
  const client = await TestClient.start();
  clients.push(client);
  const lost = 'file:///drafts/lost-archive.bulletin';
  client.open(uri, longIssue().replace('(See Kazak Protesters', '(See Lost Archive Story.) (See Kazak Protesters'));
  await client.request('textDocument/foldingRange', { textDocument: { uri } });
  // Checked, its headline changes what the long issue's cross-references resolve to: the long issue is checked again.
  client.open(lost, 'LOST ARCHIVE STORY\n\nStandfirst.\n\nBy Dina Tokbaeva\n\nThe minister spoke.\n');
  await client.waitFor(() => client.published.has(uri), 30000);
  await client.quiet();
  // Once: the check under way when the headline came, which found the reference unresolved, gave way.
  const published = client.published.get(uri)!;
  expect(published).toHaveLength(1);
  expect(published[0]!.diagnostics.length).toBeGreaterThan(1000);
  expect(published[0]!.diagnostics.filter((d) => JSON.stringify(d.message).includes('Lost Archive Story'))).toEqual([]);
}, 60000);

const typingIn = 'file:///drafts/being-typed.bulletin';

/** Opens the long issue, with a reference to the headline typed in another issue, and that issue. */
function openWhileTyping(client: TestClient): void {
  client.open(typingIn, 'LOST ARCHIVE \n\nStandfirst.\n\nBy Dina Tokbaeva\n\nThe minister spoke.\n');
  client.open(uri, longIssue().replace('(See Kazak Protesters', '(See Lost Archives.) (See Kazak Protesters'));
}

/**
 * Types in the other issue's headline every 30 ms until `done` or 600 keystrokes: each gives it another last word
 * (A, B… Z, BA, BB…), so that even keystrokes taken in together change what the long issue's references resolve to.
 */
async function typeHeadlineUntil(client: TestClient, done: () => boolean): Promise<void> {
  const start = 'LOST ARCHIVE '.length;
  let word = '';
  let keystrokes = 0;
  while (!done() && keystrokes < 600) {
    const range = { start: { line: 0, character: start }, end: { line: 0, character: start + word.length } };
    word = [...keystrokes.toString(26)].map((digit) => String.fromCharCode(65 + parseInt(digit, 26))).join('');
    client.change(typingIn, [{ range, text: word }]);
    keystrokes++;
    await new Promise((resolve) => setTimeout(resolve, 30));
  }
}

// The long issue's check under way gives way to a new one at each keystroke, which takes up what the last found,
// article by article. Checked afresh each time, it would not be published until the typing stops (a check of it
// takes well over 30 ms).
test('a headline typed in another issue, keystroke after keystroke, while a long issue is checked: the long issue is published all the same', async () => {
  const client = await TestClient.start();
  clients.push(client);
  openWhileTyping(client);
  await client.request('textDocument/foldingRange', { textDocument: { uri } });
  await typeHeadlineUntil(client, () => client.published.has(uri));
  expect(client.published.get(uri)?.[0]?.diagnostics.length).toBeGreaterThan(1000);
}, 120000);

test('the same, pulled as VS Code pulls: each refresh cancels the pull under way and pulls again; one pull is answered', async () => {
  const client = await TestClient.start({ pull: true });
  clients.push(client);
  openWhileTyping(client);
  let report: FullDocumentDiagnosticReport | undefined;
  let refreshes = 0;
  let pulling: CancellationTokenSource | undefined;
  const pull = (): void => {
    const source = (pulling = new CancellationTokenSource());
    refreshes = client.requests.filter((r) => r.method === 'workspace/diagnostic/refresh').length;
    client.connection.sendRequest<FullDocumentDiagnosticReport>('textDocument/diagnostic', { textDocument: { uri } }, source.token).then(
      (answer) => (report = answer),
      () => (pulling === source ? pull() : undefined),
    );
  };
  pull();
  const cancelOnRefresh = setInterval(() => {
    if (client.requests.filter((r) => r.method === 'workspace/diagnostic/refresh').length > refreshes) pulling?.cancel();
  }, 5);
  try {
    await typeHeadlineUntil(client, () => report !== undefined);
  } finally {
    clearInterval(cancelOnRefresh);
  }
  expect(report?.items.length).toBeGreaterThan(1000);
}, 120000);
