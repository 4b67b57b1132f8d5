// The stdio encoder keeps diagnostics' bytes between messages, and writes exactly what JSON.stringify writes.
import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import type { Message, NotificationMessage, ResponseMessage } from 'vscode-languageserver';
import { TextDocument } from 'vscode-languageserver-textdocument';
import type { Diagnostic, DiagnosticRelatedInformation, Position, Range } from 'vscode-languageserver-types';
import { toDiagnostics } from '../../server/src/features/diagnostics';
import { DEFAULT_PROFILE } from '../../server/src/profile/profile';
import { KEPT_PER_GENERATION, MessageBytes } from '../../server/src/protocol/messageBytes';
import { Analyses } from '../../server/src/workspace/analysis';
import { WorkspaceIndex } from '../../server/src/workspace/index';
import { sample } from '../support/fixture';

const utf8 = { charset: 'utf-8' } as const;

async function encoded(encoder: MessageBytes, message: Message): Promise<string> {
  return new TextDecoder('utf-8', { fatal: true }).decode(await encoder.encode(message, utf8));
}

const published = (uri: string, version: number, diagnostics: unknown[]): NotificationMessage => ({
  jsonrpc: '2.0',
  method: 'textDocument/publishDiagnostics',
  params: { uri, version, diagnostics },
});

const pulledReport = (id: number, items: unknown[]): ResponseMessage => ({
  jsonrpc: '2.0',
  id,
  result: { kind: 'full', resultId: String(id), items },
});

const diagnostic = (line: number, message: string, more: Partial<Diagnostic> = {}): Diagnostic => ({
  range: { start: { line, character: 0 }, end: { line, character: 4 } },
  severity: 2,
  code: 'style.cut-off',
  source: 'bulletin',
  message,
  ...more,
});

describe('the bytes of messages sent over stdio', () => {
  test('after random edits to the sample, published and pulled diagnostics are the bytes JSON.stringify gives', async () => {
    const source = sample();
    const insertion = fc.constantFrom('x', ' ', '\n', '\n\n', '“', 'By ', '(See ', '.)', '');
    const edits = fc.array(fc.record({ at: fc.nat({ max: source.length }), remove: fc.nat({ max: 30 }), insert: insertion }), {
      minLength: 1,
      maxLength: 8,
    });
    await fc.assert(
      fc.asyncProperty(edits, async (list) => {
        const encoder = new MessageBytes();
        const analyses = new Analyses(new WorkspaceIndex(), () => DEFAULT_PROFILE);
        let doc = TextDocument.create('file:///issue.bulletin', 'bulletin', 1, source);
        for (const e of [{ at: 0, remove: 0, insert: '' }, ...list]) {
          const text = doc.getText();
          const at = Math.min(e.at, text.length);
          doc = TextDocument.create(doc.uri, 'bulletin', doc.version + 1, text.slice(0, at) + e.insert + text.slice(at + e.remove));
          const diagnostics = toDiagnostics(analyses.problems(analyses.get(doc)) ?? [], doc, doc.uri);
          for (const message of [published(doc.uri, doc.version, diagnostics), pulledReport(doc.version, diagnostics)])
            expect(await encoded(encoder, message)).toBe(JSON.stringify(message));
        }
      }),
      { numRuns: 25 },
    );
  });

  test('a diagnostic changed after it was sent is sent as it is now', async () => {
    const encoder = new MessageBytes();
    const related = { location: { uri: 'file:///a.bulletin', range: diagnostic(3, '').range }, message: '“Nazarbaev”' };
    const first = diagnostic(7, 'Paragraph stops after “…an independent”: was it cut off?', { relatedInformation: [related] });
    const message = published('file:///a.bulletin', 1, [first, diagnostic(9, 'Trailing whitespace.')]);
    await encoded(encoder, message);
    first.range.end.character = 9;
    expect(await encoded(encoder, message)).toBe(JSON.stringify(message));
    related.location.range.start.line = 2;
    expect(await encoded(encoder, message)).toBe(JSON.stringify(message));
    related.message = '“Nazarbayev”';
    expect(await encoded(encoder, message)).toBe(JSON.stringify(message));
    first.severity = 1;
    first.code = 7;
    expect(await encoded(encoder, message)).toBe(JSON.stringify(message));
    delete first.relatedInformation;
    expect(await encoded(encoder, message)).toBe(JSON.stringify(message));
  });

  test('the same message on several lines, and on one line twice, keeps each one’s range', async () => {
    const encoder = new MessageBytes();
    const twice = [
      diagnostic(4, 'Trailing whitespace.'),
      diagnostic(4, 'Trailing whitespace.', { range: { start: { line: 4, character: 9 }, end: { line: 4, character: 10 } } }),
    ];
    const lines = Array.from({ length: 50 }, (_, line) => diagnostic(line, 'Trailing whitespace.'));
    for (const list of [lines, [...twice, ...lines], lines.slice(10), twice.reverse()]) {
      const message = published('file:///a.bulletin', 1, list);
      expect(await encoded(encoder, message)).toBe(JSON.stringify(message));
    }
  });

  test('diagnostics with other fields, odd values and entries that are not diagnostics are serialized as JSON.stringify does', async () => {
    const encoder = new MessageBytes();
    const odd: unknown[] = [
      diagnostic(1, 'With data', { data: { fix: 1 } }),
      diagnostic(1, 'With tags', { tags: [1] }),
      diagnostic(1, 'With a code description', { codeDescription: { href: 'https://example.com' } }),
      diagnostic(2, 'Not a number', { range: { start: { line: Number.NaN, character: 0 }, end: { line: 2, character: 1 } } }),
      diagnostic(3, 'Without severity', { severity: undefined }),
      { message: 'without a range' },
      { range: { start: 1 }, message: 'a range without lines' },
      diagnostic(4, 'A related place without a location', { relatedInformation: [{ message: 'x' } as never] }),
      null,
      undefined,
      42,
      'text',
      diagnostic(5, 'A lone surrogate \uD800 and a quote " and a line\nbreak'),
      diagnostic(6, 'A field in the range', {
        range: { start: { line: 6, character: 0 }, end: { line: 6, character: 1 }, extra: 1 } as Range,
      }),
      diagnostic(7, 'A field in a position', {
        range: { start: { line: 7, character: 0, extra: 1 } as Position, end: { line: 7, character: 1 } },
      }),
      diagnostic(8, 'A field in a related place', {
        relatedInformation: [
          { location: { uri: 'file:///a', range: diagnostic(8, '').range }, message: 'x', extra: 1 } as DiagnosticRelatedInformation,
        ],
      }),
    ];
    for (let round = 0; round < 2; round++) {
      const message = published('file:///a.bulletin', 1, odd);
      expect(await encoded(encoder, message)).toBe(JSON.stringify(message));
      // Fields it does not compare change between messages: such diagnostics are serialized every time.
      (odd[0] as Diagnostic).data = { fix: round + 2 };
      (odd[1] as Diagnostic).tags = [2];
      ((odd[13] as Diagnostic).range as Range & { extra: number }).extra = round + 2;
      ((odd[14] as Diagnostic).range.start as Position & { extra: number }).extra = round + 2;
      ((odd[15] as Diagnostic).relatedInformation![0] as DiagnosticRelatedInformation & { extra: number }).extra = round + 2;
    }
  });

  test('messages that carry no document diagnostics are serialized as JSON.stringify does', async () => {
    const encoder = new MessageBytes();
    const list = [diagnostic(1, 'Shared')];
    const messages: Message[] = [
      { jsonrpc: '2.0', id: 1, method: 'textDocument/hover', params: { position: { line: 1, character: 2 } } } as Message,
      { jsonrpc: '2.0', id: 2, result: { kind: 'unchanged', resultId: '4' } } as ResponseMessage,
      { jsonrpc: '2.0', id: 3, result: null } as ResponseMessage,
      { jsonrpc: '2.0', id: 4, error: { code: -32602, message: 'params must be an object' } } as ResponseMessage,
      published('file:///a.bulletin', 1, []),
      // The same list twice in one message.
      {
        jsonrpc: '2.0',
        method: 'textDocument/publishDiagnostics',
        params: { uri: 'file:///a', diagnostics: list, again: list },
      } as NotificationMessage,
    ];
    for (const message of messages) expect(await encoded(encoder, message)).toBe(JSON.stringify(message));
  });

  test('diagnostics sent again as they were are not kept twice; those that moved to another line are kept anew', async () => {
    const encoder = new MessageBytes();
    const list = Array.from({ length: 1_000 }, (_, line) => diagnostic(line, `Line ${line % 7}`));
    const message = published('file:///a.bulletin', 1, list);
    await encoded(encoder, message);
    expect(encoder.kept()).toBe(1_000);
    await encoded(
      encoder,
      published(
        'file:///a.bulletin',
        2,
        list.map((d) => ({ ...d })),
      ),
    );
    expect(encoder.kept()).toBe(1_000);
    // A line inserted at line 500: the diagnostics after it are on other lines.
    const moved = list.map((d, line) => (line < 500 ? d : diagnostic(line + 1, `Line ${line % 7}`)));
    const after = published('file:///a.bulletin', 3, moved);
    expect(await encoded(encoder, after)).toBe(JSON.stringify(after));
    expect(encoder.kept()).toBe(1_500);
  });

  test('typing on one line, whose message changes at every keystroke, keeps a few of its messages, not all', async () => {
    const encoder = new MessageBytes();
    const others = Array.from({ length: 20 }, (_, line) => diagnostic(line + 10, 'Trailing whitespace.'));
    for (let keystroke = 0; keystroke < 200; keystroke++) {
      const message = published('file:///a.bulletin', keystroke, [diagnostic(5, `Paragraph stops after “…typed ${keystroke}”`), ...others]);
      expect(await encoded(encoder, message)).toBe(JSON.stringify(message));
    }
    expect(encoder.kept()).toBeLessThanOrEqual(20 + 16);
  });

  test('more distinct diagnostics than it keeps: each message is still what JSON.stringify gives, and it forgets the oldest', async () => {
    const encoder = new MessageBytes();
    const lists = Array.from({ length: 6 }, (_, round) =>
      Array.from({ length: 10_000 }, (_, line) => diagnostic(line, `Round ${round}, line ${line}`)),
    );
    for (const list of [...lists, lists[0]!]) {
      const message = published('file:///a.bulletin', 1, list);
      expect(await encoded(encoder, message)).toBe(JSON.stringify(message));
      expect(encoder.kept()).toBeLessThanOrEqual(2 * KEPT_PER_GENERATION);
    }
  });

  test('a message that cannot be serialized is refused, as the library’s encoder refuses it', async () => {
    const encoder = new MessageBytes();
    await expect(encoder.encode(published('file:///a', 1, [diagnostic(1, 'x', { data: 1n })]), utf8)).rejects.toThrow(TypeError);
    await expect(encoder.encode(published('file:///a', 1, []), { charset: 'ascii' })).rejects.toThrow(/UTF-8/);
  });
});
