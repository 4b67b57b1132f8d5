// A 420 KB generated issue: notifications of several changes, text cut and pasted elsewhere, large deletions.
// The run that found suggestions depending on the order the index met the headlines in.
import fc from 'fast-check';
import { expect, test } from 'vitest';
import { TextDocument } from 'vscode-languageserver-textdocument';
import type { TextDocumentContentChangeEvent } from 'vscode-languageserver-textdocument';
import { generate } from '../../bench/generate';
import { parseBulletin } from '../../server/src/model/parse';
import { DEFAULT_PROFILE } from '../../server/src/profile/profile';
import { syncedDocuments } from '../../server/src/protocol/documents';
import { Analyses } from '../../server/src/workspace/analysis';
import { EditLog } from '../../server/src/workspace/editLog';
import { WorkspaceIndex } from '../../server/src/workspace/index';
import { allProblems, sample } from '../support/fixture';
import { SEED, clamped, insertion, runs } from './soak';

test(`a long issue: several changes at once, moves, large deletions (seed ${SEED})`, () => {
  const source = generate(sample(), 420_000).bulletin;
  const change = fc.record({
    at: fc.nat({ max: source.length }),
    remove: fc.oneof(fc.nat({ max: 8 }), fc.nat({ max: 3000 })),
    insert: insertion,
    // Cut, and pasted again at this fraction of the text.
    pasteAt: fc.option(fc.double({ min: 0, max: 1, noNaN: true })),
  });
  fc.assert(
    fc.property(fc.array(fc.array(change, { minLength: 1, maxLength: 3 }), { minLength: 1, maxLength: 8 }), (notifications) => {
      const log = new EditLog();
      const sync = syncedDocuments(log);
      const analyses = new Analyses(
        new WorkspaceIndex(),
        () => DEFAULT_PROFILE,
        () => Infinity,
        log,
      );
      let doc = sync.create('file:///long.bulletin', 'bulletin', 1, source);
      analyses.problems(analyses.get(doc));
      for (const changes of notifications) {
        // Each change of a notification applies to the text the ones before it left: followed on a copy.
        let mirror = TextDocument.create(doc.uri, 'bulletin', doc.version, doc.getText());
        const sent: TextDocumentContentChangeEvent[] = [];
        const apply = (start: number, end: number, text: string): void => {
          const range = { start: mirror.positionAt(start), end: mirror.positionAt(end) };
          sent.push({ range, text });
          mirror = TextDocument.update(mirror, [{ range, text }], mirror.version + 1);
        };
        for (const c of changes) {
          const { start, end } = clamped(mirror.getText(), c);
          const cut = mirror.getText().slice(start, end);
          apply(start, end, c.pasteAt === null ? c.insert : '');
          if (c.pasteAt !== null && cut.length > 0) {
            const to = Math.floor(mirror.getText().length * c.pasteAt);
            apply(to, to, cut);
          }
        }
        doc = sync.update(doc, sent, doc.version + 1);
        const text = mirror.getText();
        expect(doc.getText()).toBe(text);
        const analysis = analyses.get(doc);
        expect(JSON.stringify(analysis.doc)).toBe(JSON.stringify(parseBulletin(text)));
        expect(JSON.stringify(analyses.problems(analysis))).toBe(JSON.stringify(allProblems(text, { uri: doc.uri })));
      }
    }),
    { numRuns: runs(40), seed: SEED },
  );
});
