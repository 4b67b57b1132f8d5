// Two open issues and an archived one: random edits in either, and both checked after each against a fresh
// analysis of the workspace as it now is (cross-references between them, kept resolutions, suggestions).
import fc from 'fast-check';
import { readFileSync, readdirSync } from 'node:fs';
import * as path from 'node:path';
import { expect, test } from 'vitest';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { parseBulletin } from '../../server/src/model/parse';
import { DEFAULT_PROFILE } from '../../server/src/profile/profile';
import { syncedDocuments } from '../../server/src/protocol/documents';
import { Analyses } from '../../server/src/workspace/analysis';
import { EditLog } from '../../server/src/workspace/editLog';
import { WorkspaceIndex } from '../../server/src/workspace/index';
import { summarize } from '../../server/src/workspace/summary';
import { FIXTURES, allProblems, clean, sample } from '../support/fixture';
import { SEED, clamped, insertion, runs } from './soak';

test(`edits in two open issues, an archived one indexed (seed ${SEED})`, () => {
  const archived = readdirSync(path.join(FIXTURES, 'archive')).map((file) => ({
    uri: `file:///ws/archive/${file}`,
    text: readFileSync(path.join(FIXTURES, 'archive', file), 'utf8'),
  }));
  const sources = [sample(), clean()];
  const uris = ['file:///ws/a.bulletin', 'file:///ws/b.bulletin'];
  const edit = fc.record({ which: fc.nat({ max: 1 }), at: fc.nat({ max: 50_000 }), remove: fc.nat({ max: 50 }), insert: insertion });
  fc.assert(
    fc.property(fc.array(edit, { minLength: 1, maxLength: 12 }), (edits) => {
      const log = new EditLog();
      const sync = syncedDocuments(log);
      const index = new WorkspaceIndex();
      for (const a of archived) index.set(summarize(parseBulletin(a.text), a.uri, TextDocument.create(a.uri, 'bulletin', 1, a.text)));
      const analyses = new Analyses(
        index,
        () => DEFAULT_PROFILE,
        () => Infinity,
        log,
      );
      const docs = sources.map((source, i) => sync.create(uris[i]!, 'bulletin', 1, source));
      for (const doc of docs) analyses.problems(analyses.get(doc));
      for (const e of edits) {
        const doc = docs[e.which]!;
        const { start, end } = clamped(doc.getText(), e);
        docs[e.which] = sync.update(
          doc,
          [{ range: { start: doc.positionAt(start), end: doc.positionAt(end) }, text: e.insert }],
          doc.version + 1,
        );
        // As the server does: the edited issue analysed first (which brings the index up to date), then both checked.
        analyses.get(docs[e.which]!);
        for (let i = 0; i < 2; i++) {
          const mine = analyses.problems(analyses.get(docs[i]!));
          const others = [...archived, { uri: uris[1 - i]!, text: docs[1 - i]!.getText() }];
          expect(JSON.stringify(mine)).toBe(JSON.stringify(allProblems(docs[i]!.getText(), { uri: uris[i], others })));
        }
      }
    }),
    { numRuns: runs(150), seed: SEED },
  );
});
