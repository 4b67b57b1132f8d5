import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { TextDocument } from 'vscode-languageserver-textdocument';
import type { SemanticTokens, SemanticTokensDelta, SemanticTokensEdit } from 'vscode-languageserver-types';
import { semanticTokens, SemanticTokensResults, tokenEdits } from '../../server/src/features/semanticTokens';
import { parseBulletin } from '../../server/src/model/parse';
import { sample } from '../support/fixture';

/** The edits applied as a client applies them, in order, to what it held. */
function applied(data: readonly number[], edits: readonly SemanticTokensEdit[]): number[] {
  const out = [...data];
  let moved = 0;
  for (const edit of edits) {
    out.splice(edit.start + moved, edit.deleteCount, ...(edit.data ?? []));
    moved += (edit.data?.length ?? 0) - edit.deleteCount;
  }
  return out;
}

describe('semantic tokens as edits', () => {
  test('the edit turns any list into any other, and is empty between equal lists', () => {
    const numbers = fc.array(fc.integer({ min: 0, max: 3 }), { maxLength: 30 });
    fc.assert(
      fc.property(numbers, numbers, (before, after) => {
        expect(applied(before, tokenEdits(before, after))).toEqual(after);
      }),
    );
    expect(tokenEdits([1, 2, 3], [1, 2, 3])).toEqual([]);
    expect(tokenEdits([1, 2, 3, 4], [1, 2, 9, 4])).toEqual([{ start: 2, deleteCount: 1, data: [9] }]);
    expect(tokenEdits([1, 2, 3, 4], [1, 4])).toEqual([{ start: 1, deleteCount: 2 }]);
  });

  test('a keystroke in the sample is sent as a few numbers that make the tokens a fresh request gives', () => {
    const uri = 'file:///t.bulletin';
    const text = sample();
    const results = new SemanticTokensResults();
    const first = results.full(uri, parseBulletin(text), TextDocument.create(uri, 'bulletin', 1, text));
    // A letter typed into a cross-reference's title: its token grows, no other moves.
    const at = text.indexOf('(See ') + 6;
    const edited = `${text.slice(0, at)}x${text.slice(at)}`;
    const positions = TextDocument.create(uri, 'bulletin', 2, edited);
    const delta = results.delta(uri, first.resultId!, parseBulletin(edited), positions) as SemanticTokensDelta;
    expect(delta.resultId).not.toBe(first.resultId);
    expect(delta.edits.length).toBe(1);
    expect(delta.edits[0]!.data?.length ?? 0).toBeLessThanOrEqual(5);
    expect(applied(first.data, delta.edits)).toEqual(semanticTokens(parseBulletin(edited), positions).data);
    // Asked again from the result now held: nothing changed.
    expect((results.delta(uri, delta.resultId!, parseBulletin(edited), positions) as SemanticTokensDelta).edits).toEqual([]);
  });

  test('tokens are named by what they are; from any other name, or after the document closed, all are sent', () => {
    const uri = 'file:///t.bulletin';
    const text = sample();
    const doc = parseBulletin(text);
    const positions = TextDocument.create(uri, 'bulletin', 1, text);
    const results = new SemanticTokensResults();
    const first = results.full(uri, doc, positions);
    expect(results.full('file:///other.bulletin', parseBulletin(text), positions).resultId).toBe(first.resultId);
    const edited = text.replace('(See Kazak', '(See Kazakh');
    const changed = results.full(uri, parseBulletin(edited), TextDocument.create(uri, 'bulletin', 2, edited));
    expect(changed.resultId).not.toBe(first.resultId);
    // The client still holds the first: a name that is not the last sent gets all the tokens.
    const fromFirst = results.delta(uri, first.resultId!, doc, positions) as SemanticTokens;
    expect(fromFirst.data).toEqual(first.data);
    expect(fromFirst.resultId).toBe(first.resultId);
    // Now it is the last sent again: an answer the client missed between does not matter.
    expect((results.delta(uri, first.resultId!, doc, positions) as SemanticTokensDelta).edits).toEqual([]);
    results.forget(uri);
    expect((results.delta(uri, first.resultId!, doc, positions) as SemanticTokens).data).toEqual(first.data);
    expect((results.delta(uri, 'no such result', doc, positions) as SemanticTokens).data).toEqual(first.data);
  });
});
