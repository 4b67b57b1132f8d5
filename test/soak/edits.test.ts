// Random edits to the sample and the clean issue through the server's document sync: after each, what the kept
// work gives (parse, problems, outline, folding, links) is what a fresh analysis of the text gives.
import fc from 'fast-check';
import { expect, test } from 'vitest';
import { documentLinks } from '../../server/src/features/documentLinks';
import { FoldingMemo, foldingRanges } from '../../server/src/features/folding';
import { OutlineMemo, documentSymbols } from '../../server/src/features/symbols';
import { parseBulletin } from '../../server/src/model/parse';
import { DEFAULT_PROFILE } from '../../server/src/profile/profile';
import { syncedDocuments } from '../../server/src/protocol/documents';
import { Analyses } from '../../server/src/workspace/analysis';
import { EditLog } from '../../server/src/workspace/editLog';
import { WorkspaceIndex } from '../../server/src/workspace/index';
import { allProblems, analyse, clean, sample } from '../support/fixture';
import { SEED, clamped, insertion, runs } from './soak';

for (const [name, source] of [
  ['the sample', sample()],
  ['the clean issue', clean()],
] as const) {
  test(`edits to ${name}: kept work equals fresh (seed ${SEED})`, () => {
    const edit = fc.record({
      at: fc.nat({ max: source.length + 200 }),
      remove: fc.nat({ max: 60 }),
      insert: insertion,
      checked: fc.boolean(),
    });
    fc.assert(
      fc.property(fc.array(edit, { minLength: 1, maxLength: 25 }), (edits) => {
        const log = new EditLog();
        const sync = syncedDocuments(log);
        const analyses = new Analyses(
          new WorkspaceIndex(),
          () => DEFAULT_PROFILE,
          () => Infinity,
          log,
        );
        let doc = sync.create('file:///issue.bulletin', 'bulletin', 1, source);
        analyses.problems(analyses.get(doc));
        for (const e of edits) {
          const { start, end } = clamped(doc.getText(), e);
          doc = sync.update(doc, [{ range: { start: doc.positionAt(start), end: doc.positionAt(end) }, text: e.insert }], doc.version + 1);
          const analysis = analyses.get(doc);
          // Some versions are parsed but never checked, as when typing outruns the checks.
          if (!e.checked) continue;
          const text = doc.getText();
          const fresh = parseBulletin(text);
          expect(JSON.stringify(analysis.doc)).toBe(JSON.stringify(fresh));
          expect(JSON.stringify(analyses.problems(analysis))).toBe(JSON.stringify(allProblems(text, { uri: doc.uri })));
          const outline = documentSymbols(
            analysis.doc,
            doc,
            analyses.keptFor(analysis, 'outline', () => new OutlineMemo()),
          );
          expect(outline).toEqual(documentSymbols(fresh, doc));
          const folding = foldingRanges(
            analysis.doc,
            doc,
            analyses.keptFor(analysis, 'folding', () => new FoldingMemo()),
          );
          expect(folding).toEqual(foldingRanges(fresh, doc));
          expect(documentLinks(analyses.context(analysis), doc)).toEqual(documentLinks(analyse(text, { uri: doc.uri }).context, doc));
        }
      }),
      { numRuns: runs(150), seed: SEED },
    );
  });
}
