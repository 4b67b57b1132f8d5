// Bursts of random edits to a spawned server, some sent faster than it checks: the diagnostics it ends with,
// published or pulled, are those of the last version, as a fresh check gives them.
import fc from 'fast-check';
import { expect, test } from 'vitest';
import type { FullDocumentDiagnosticReport } from 'vscode-languageserver-protocol';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { toDiagnostics } from '../../server/src/features/diagnostics';
import { TestClient } from '../support/lspClient';
import { allProblems, sample } from '../support/fixture';
import { SEED, clamped, insertion, runs } from './soak';

const burst = fc.array(
  fc.record({ at: fc.nat({ max: 50_000 }), remove: fc.nat({ max: 30 }), insert: insertion, pause: fc.constantFrom(0, 0, 0, 1, 5) }),
  { minLength: 1, maxLength: 30 },
);

for (const pull of [false, true]) {
  test(`bursts of edits, diagnostics ${pull ? 'pulled' : 'published'}: those of the last version (seed ${SEED})`, async () => {
    const client = await TestClient.start({ pull });
    const source = sample();
    let n = 0;
    for (const edits of fc.sample(burst, { numRuns: runs(40), seed: SEED })) {
      const uri = `file:///soak/${pull ? 'pulled' : 'published'}-${n++}.bulletin`;
      client.open(uri, source);
      let mirror = TextDocument.create(uri, 'bulletin', 1, source);
      if (!pull) await client.diagnosticsFor(uri, 1);
      let version = 1;
      for (const e of edits) {
        const { start, end } = clamped(mirror.getText(), e);
        const range = { start: mirror.positionAt(start), end: mirror.positionAt(end) };
        version = client.change(uri, [{ range, text: e.insert }]);
        mirror = TextDocument.update(mirror, [{ range, text: e.insert }], version);
        // A pull in the middle of the burst, as VS Code sends them, answered or cancelled.
        if (pull && e.pause === 5) void client.request('textDocument/diagnostic', { textDocument: { uri } }).catch(() => undefined);
        if (e.pause > 0) await new Promise((resolve) => setTimeout(resolve, e.pause));
      }
      const fresh = toDiagnostics(allProblems(mirror.getText(), { uri }), mirror, uri);
      if (pull) {
        const report = await client.request<FullDocumentDiagnosticReport>('textDocument/diagnostic', { textDocument: { uri } });
        expect(report.items).toEqual(fresh);
      } else {
        expect(await client.diagnosticsFor(uri, version)).toEqual(fresh);
      }
      client.close(uri);
    }
    await client.stop();
  });
}
