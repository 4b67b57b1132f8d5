// A report's list written item by item reads exactly as the whole document stringified at once would.
import fc from 'fast-check';
import { expect, test } from 'vitest';
import { StreamedList } from '../../server/src/cli/streamedJson';

/** The document with the list put where `StreamedList.LIST` stands. */
function withList(document: unknown, list: readonly unknown[]): unknown {
  if (document === StreamedList.LIST) return list;
  if (Array.isArray(document)) return document.map((d: unknown) => withList(d, list));
  if (typeof document === 'object' && document !== null)
    return Object.fromEntries(Object.entries(document).map(([k, v]) => [k, withList(v, list)]));
  return document;
}

function streamed(start: unknown, items: readonly unknown[], end: unknown): string[] {
  const chunks: string[] = [];
  const list = new StreamedList(start, (text) => chunks.push(text));
  for (const item of items) list.add(item);
  list.end(end);
  return chunks;
}

test('as JSON.stringify(document, null, 2) writes it, at any depth, with any items, none included', () => {
  fc.assert(
    fc.property(fc.array(fc.jsonValue(), { maxLength: 5 }), fc.jsonValue(), fc.jsonValue(), fc.nat(3), (items, before, after, depth) => {
      let document: unknown = StreamedList.LIST;
      for (let i = 0; i < depth; i++) document = i % 2 === 0 ? { before, inner: document, after } : [before, document, after];
      const chunks = streamed(document, items, document);
      expect(chunks.join('')).toBe(`${JSON.stringify(withList(document, items), null, 2)}\n`);
      // One write per item (the first with the text before the list), and one at the end.
      expect(chunks).toHaveLength(items.length + 1);
    }),
    { numRuns: 500 },
  );
});

test('what follows the list may change until the end; what precedes it may not', () => {
  const chunks = streamed({ files: StreamedList.LIST }, [{ path: 'a' }], { files: StreamedList.LIST, totals: { error: 1 } });
  expect(JSON.parse(chunks.join(''))).toEqual({ files: [{ path: 'a' }], totals: { error: 1 } });
  const list = new StreamedList({ files: StreamedList.LIST }, () => undefined);
  expect(() => list.end({ first: 1, files: StreamedList.LIST })).toThrow('the document changed before its list');
  expect(() => new StreamedList({ a: StreamedList.LIST, b: StreamedList.LIST }, () => undefined)).toThrow('exactly once');
});
