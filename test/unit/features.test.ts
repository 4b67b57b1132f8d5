import { describe, expect, test } from 'vitest';
import { TextDocument } from 'vscode-languageserver-textdocument';
import type { Diagnostic, DocumentSymbol } from 'vscode-languageserver-types';
import { DiagnosticReports, sameDiagnostics } from '../../server/src/features/diagnosticReports';
import { toDiagnostics } from '../../server/src/features/diagnostics';
import { foldingRanges } from '../../server/src/features/folding';
import { toRange } from '../../server/src/features/range';
import { TOKEN_TYPES, semanticTokens } from '../../server/src/features/semanticTokens';
import { documentSymbols } from '../../server/src/features/symbols';
import { LineIndex, positionAfter } from '../../server/src/model/lineIndex';
import { parseBulletin } from '../../server/src/model/parse';
import { allProblems, analyse, clean, problemsOf, sample } from '../support/fixture';

const outline = (symbols: readonly DocumentSymbol[], depth = 0): string[] =>
  symbols.flatMap((s) => [`${'  '.repeat(depth)}${s.name}${s.detail ? ` — ${s.detail}` : ''}`, ...outline(s.children ?? [], depth + 1)]);

describe('outline', () => {
  test('the sample: contents, notices, six untitled articles with their questions, the footer', () => {
    const text = sample();
    const symbols = documentSymbols(parseBulletin(text), new LineIndex(text));
    expect(symbols.map((s) => `${s.name} (${s.children?.length ?? 0})`)).toEqual([
      'Contents (6)',
      'Notices (6)',
      '[untitled] MEP pressing for European Union action against… (7)',
      '[untitled] After talks with top official, they say they… (0)',
      '[untitled] Moscow will find it hard to claw back former… (5)',
      '[untitled] First they imposed news blackout, then they… (0)',
      '[untitled] Newspaper correspondent describes tense… (0)',
      '[untitled] At least 14 die as police fire on demonstrators… (4)',
      'Footer (3)',
    ]);
    expect(symbols.slice(2, 8).map((s) => s.detail)).toEqual([
      'Saule Mukhametrakhimova',
      'Almaz Rysaliev',
      'Dina Tokbaeva',
      'Almaz Rysaliev',
      'Janar Kasymbekova',
      'Dina Tokbaeva',
    ]);
    expect(symbols[2]!.children![1]!.name).toBe('How much leverage does the EU have?');
  });

  test('the clean bulletin: masthead, headlines, a section with its article', () => {
    const text = clean();
    expect(outline(documentSymbols(parseBulletin(text), new LineIndex(text)))).toEqual([
      "WELCOME TO IWPR'S REPORTING CENTRAL ASIA, No. 580 Part 1,… — Masthead",
      'Contents — 3 entries',
      '  KYRGYZSTAN: REBELS WITHOUT COMMON CAUSE — Dina Tokbaeva',
      '  KAZAKSTAN: OIL TOWN WAITS FOR ANSWERS — Almaz Rysaliev',
      '  TAJIKISTAN: A WINTER WITHOUT POWER — Saule Mukhametrakhimova',
      'Notices',
      '  KYRGYZSTAN ELECTION UPDATES — http://iwpr.net/focus/kyrgyz-election',
      '  VACANCIES — http://iwpr.net/what-we-do/vacancies',
      '  DONATE TO IWPR — http://iwpr.net/donate',
      'KYRGYZSTAN: REBELS WITHOUT COMMON CAUSE — Dina Tokbaeva',
      'KAZAKSTAN: OIL TOWN WAITS FOR ANSWERS — Almaz Rysaliev',
      'SPECIAL REPORT — Section',
      '  TAJIKISTAN: A WINTER WITHOUT POWER — Saule Mukhametrakhimova',
      '    Why does the country still lack power in winter? — IWPR',
      '    What would change that? — IWPR',
      'Footer',
      '  REPORTING CENTRAL ASIA provides the…',
      '  IWPR – Giving Voice, Driving Change',
      '  This electronic mail message and any attached…',
    ]);
  });

  test('notices on both sides of the contents make two groups, neither over the contents', () => {
    const text =
      '**** NEW\nVACANCIES: http://iwpr.net/vacancies\n\nOIL TOWN WAITS  Strikers say so.  By Almaz Rysaliev\n\n**** NEW\nRADIO: http://iwpr.net/radio\n\n\nOIL TOWN WAITS\n\nStrikers say so.\n\nBy Almaz Rysaliev\n\nBody.\n';
    expect(outline(documentSymbols(parseBulletin(text), new LineIndex(text)))).toEqual([
      'Notices',
      '  VACANCIES — http://iwpr.net/vacancies',
      'Contents — 1 entries',
      '  OIL TOWN WAITS — Almaz Rysaliev',
      'Notices',
      '  RADIO — http://iwpr.net/radio',
      'OIL TOWN WAITS — Almaz Rysaliev',
    ]);
  });

  test('a notice framed between two articles of a section is listed in the section, in its place', () => {
    const frame = '**** http://iwpr.net/ ****';
    const text = `SPECIAL REPORT:\n\nOIL TOWN WAITS\n\nStrikers say so.\n\nBy Almaz Rysaliev\n\nBody.\n\n${frame}\n\nDONATE TO IWPR: http://iwpr.net/donate\n\n${frame}\n\nPOWER CUTS\n\nAnalyst explains.\n\nBy Dina Tokbaeva\n\nBody.\n`;
    expect(outline(documentSymbols(parseBulletin(text), new LineIndex(text)))).toEqual([
      'SPECIAL REPORT — Section',
      '  OIL TOWN WAITS — Almaz Rysaliev',
      '  DONATE TO IWPR — http://iwpr.net/donate',
      '  POWER CUTS — Dina Tokbaeva',
    ]);
  });

  test('a name cut to length is cut before an emoji, not through it', () => {
    const text = `${'a'.repeat(47)}😀 and more words to make it long.\n\nBy Dina Tokbaeva\n\nBody.\n`;
    expect(documentSymbols(parseBulletin(text), new LineIndex(text))[0]!.name).toBe(`[untitled] ${'a'.repeat(47)}…`);
  });

  test('every child lies inside its parent and selection ranges inside ranges', () => {
    for (const text of [sample(), clean()]) {
      const inside = (outer: DocumentSymbol['range'], inner: DocumentSymbol['range']): boolean =>
        (inner.start.line > outer.start.line ||
          (inner.start.line === outer.start.line && inner.start.character >= outer.start.character)) &&
        (inner.end.line < outer.end.line || (inner.end.line === outer.end.line && inner.end.character <= outer.end.character));
      const walk = (symbols: readonly DocumentSymbol[]): void => {
        for (const s of symbols) {
          expect(inside(s.range, s.selectionRange), s.name).toBe(true);
          for (const child of s.children ?? []) expect(inside(s.range, child.range), `${child.name} in ${s.name}`).toBe(true);
          walk(s.children ?? []);
        }
      };
      walk(documentSymbols(parseBulletin(text), new LineIndex(text)));
    }
  });
});

describe('folding', () => {
  test('the sample folds contents, notices, each article, footer blocks and long interview turns', () => {
    const text = sample();
    const lines = text.split('\n');
    const ranges = foldingRanges(parseBulletin(text), new LineIndex(text));
    const first = (r: { startLine: number }) => lines[r.startLine]!.slice(0, 24);
    expect(ranges.filter((r) => r.kind === 'region').map(first)).toEqual([
      'European Union action ag',
      '**** NEW ',
      'MEP pressing for Europea',
      'After talks with top off',
      'Moscow will find it hard',
      'First they imposed news ',
      'Newspaper correspondent ',
      'At least 14 die as polic',
      '**** http://iwpr.net/ **',
    ]);
    // The first answer, "Paul Murphy: I agree…", runs over two paragraphs.
    const murphy = lines.findIndex((l) => l.startsWith('Paul Murphy: I agree'));
    const turn = ranges.find((r) => r.startLine === murphy)!;
    expect(lines[turn.endLine]).toBe('that Ms. Ashton does take stronger action in this case.');
    // Single-paragraph questions do not fold.
    const question = lines.findIndex((l) => l.startsWith('IWPR: How much leverage'));
    expect(ranges.some((r) => r.startLine === question)).toBe(false);
  });
});

describe('positions in UTF-16, with astral characters and CRLF', () => {
  test('a diagnostic after an emoji and CRLF line ends lands on the right characters', () => {
    const text = 'HEADLINE 🎉 HERE\r\n\r\nStandfirst with 𝒳 math.\r\n\r\nby Dina Tokbaeva\r\n\r\nBody 😀 text.\r\n';
    const doc = TextDocument.create('file:///x.bulletin', 'bulletin', 1, text);
    const problems = problemsOf('byline.malformed', text);
    const [diagnostic] = toDiagnostics(problems, doc, doc.uri);
    expect(diagnostic!.range).toEqual({ start: { line: 4, character: 0 }, end: { line: 4, character: 16 } });
    expect(doc.getText(diagnostic!.range)).toBe('by Dina Tokbaeva');
    const headline = documentSymbols(analyse(text).doc, doc)[0]!;
    expect(doc.getText(headline.selectionRange)).toBe('HEADLINE 🎉 HERE');
    expect(headline.selectionRange.end.character).toBe(16);
  });

  test('LineIndex agrees with TextDocument on every offset, for LF, CRLF, CR and surrogate pairs', () => {
    const text = 'a😀b\r\nc\rd\n\n𝒳\r\r\n e';
    const ours = new LineIndex(text);
    const theirs = TextDocument.create('file:///t', 'bulletin', 1, text);
    for (let offset = -1; offset <= text.length + 1; offset++) {
      expect(ours.positionAt(offset), `offset ${offset}`).toEqual(theirs.positionAt(offset));
    }
    for (let line = -1; line <= 8; line++) {
      for (let character = 0; character <= 5; character++) {
        expect(ours.offsetAt({ line, character }), `${line}:${character}`).toBe(theirs.offsetAt({ line, character }));
      }
    }
  });

  test('a range ends where positionAt puts its end, for every span (even reversed), whichever line breaks end its lines', () => {
    for (const text of ['a😀b\r\nc\rd\n\n𝒳\r\r\n e', 'ab\r\n\r\ncd\r\n', 'x\ny\rz\r\n', 'one line', '']) {
      const ours = new LineIndex(text);
      const theirs = TextDocument.create('file:///t', 'bulletin', 1, text);
      for (const positions of [ours, theirs]) {
        for (let start = 0; start <= text.length; start++) {
          for (let end = -1; end <= text.length + 1; end++) {
            const expected = { start: positions.positionAt(start), end: positions.positionAt(end) };
            expect(toRange(positions, { start, end }), `${JSON.stringify(text)} ${start}–${end}`).toEqual(expected);
          }
        }
      }
    }
  });
  test('a position searched forward from an earlier one is where positionAt puts it, however far the lines', () => {
    const long = Array.from({ length: 300 }, (_, i) => ['a', '', 'bc\r', 'd😀'][i % 4]).join('\n') + '\r\n';
    for (const text of ['a😀b\r\nc\rd\n\n𝒳\r\r\n e', 'ab\r\n\r\ncd\r\n', 'x\ny\rz', '', long]) {
      for (const positions of [new LineIndex(text), TextDocument.create('file:///t', 'bulletin', 1, text)]) {
        const wrong: string[] = [];
        for (let from = 0; from <= text.length; from += text === long ? 5 : 1) {
          const after = positions.positionAt(from);
          for (let offset = -1; offset <= text.length + 1; offset++) {
            const expected = positions.positionAt(offset);
            const found = positionAfter(positions, after, offset);
            if (found.line !== expected.line || found.character !== expected.character) wrong.push(`${from}→${offset}`);
          }
        }
        expect(wrong, JSON.stringify(text.slice(0, 40))).toEqual([]);
      }
    }
  });

  test('diagnostics in document order land where they would each converted alone', () => {
    const text = sample();
    const doc = TextDocument.create('file:///s.bulletin', 'bulletin', 1, text);
    const problems = allProblems(text);
    const diagnostics = toDiagnostics(problems, doc, doc.uri);
    expect(diagnostics.length).toBeGreaterThan(50);
    expect(diagnostics.map((d) => d.range)).toEqual(problems.map((p) => toRange(doc, p)));
  });
});

describe('semantic tokens', () => {
  /** Decodes the LSP encoding back into `type: text` per token. */
  function decoded(text: string): string[] {
    const doc = TextDocument.create('file:///t.bulletin', 'bulletin', 1, text);
    const { data } = semanticTokens(parseBulletin(text), doc);
    const out: string[] = [];
    let line = 0;
    let character = 0;
    for (let i = 0; i < data.length; i += 5) {
      line += data[i]!;
      character = data[i]! === 0 ? character + data[i + 1]! : data[i + 1]!;
      const start = doc.offsetAt({ line, character });
      out.push(`${TOKEN_TYPES[data[i + 3]!]}${data[i + 4] ? '(malformed)' : ''}: ${text.slice(start, start + data[i + 2]!)}`);
    }
    return out;
  }

  test('headline, standfirst (one token per line), byline, cross-reference and sign-off of an article', () => {
    const text =
      'POWER CUTS RETURN\n\nAnalyst explains why the lights\ngo out every winter.\n\nby Dina Tokbaeva\n\nText (See Oil Town Waits.) end.\n\nDina Tokbaeva is IWPR editor in Bishkek.\n';
    expect(decoded(text)).toEqual([
      'headline: POWER CUTS RETURN',
      'standfirst: Analyst explains why the lights',
      'standfirst: go out every winter.',
      'byline(malformed): by Dina Tokbaeva',
      'crossReference: Oil Town Waits',
      'signOff: Dina Tokbaeva is IWPR editor in Bishkek.',
    ]);
  });

  test('a cross-reference inside a standfirst cuts the standfirst around it: tokens never overlap, none is lost', () => {
    const text = 'POWER CUTS RETURN\n\nAnalyst explains why (See Oil Town\nWaits.) it is dark.\n\nBy Dina Tokbaeva\n\nBody.\n';
    expect(decoded(text)).toEqual([
      'headline: POWER CUTS RETURN',
      'standfirst: Analyst explains why (See ',
      'crossReference: Oil Town',
      'crossReference: Waits',
      'standfirst: .) it is dark.',
      'byline: By Dina Tokbaeva',
    ]);
  });

  test('the footer of the sample, paragraph lines only, from its first divider on', () => {
    const tokens = decoded(sample());
    const footer = tokens.filter((t) => t.startsWith('footer: '));
    expect(footer[0]).toBe('footer: REPORTING CENTRAL ASIA provides the international community with a');
    expect(footer.at(-1)).toBe('footer: Reply via email to');
    expect(tokens.filter((t) => t.startsWith('standfirst: ')).length).toBeGreaterThan(12);
  });
});

describe('pulled diagnostics: a report equal to the last one sent is "unchanged"', () => {
  const diagnosticsOf = (text: string) => toDiagnostics(allProblems(text), new LineIndex(text), 'file:///a.bulletin');
  const uri = 'file:///a.bulletin';

  test('the sample checked twice gives equal diagnostics; any field that differs makes them differ', () => {
    const a = diagnosticsOf(sample());
    expect(sameDiagnostics(a, diagnosticsOf(sample()))).toBe(true);
    const related = a.findIndex((d) => d.relatedInformation);
    expect(related).toBeGreaterThanOrEqual(0);
    const variants: ((d: Diagnostic) => Diagnostic)[] = [
      (d) => ({ ...d, range: { start: d.range.start, end: { line: d.range.end.line, character: d.range.end.character + 1 } } }),
      (d) => ({ ...d, range: { start: { line: d.range.start.line + 1, character: d.range.start.character }, end: d.range.end } }),
      (d) => ({ ...d, severity: d.severity === 1 ? 2 : 1 }),
      (d) => ({ ...d, code: `${String(d.code)}x` }),
      (d) => ({ ...d, source: 'other' }),
      (d) => ({ ...d, message: 'Another message.' }),
      (d) => ({ ...d, tags: [1] }),
      (d) => ({ ...d, codeDescription: { href: 'https://example.org/' } }),
    ];
    for (const change of variants) {
      for (const i of [0, a.length - 1, related]) {
        const b = a.map((d, k) => (k === i ? change(d) : d));
        expect(sameDiagnostics(a, b), `${change.toString()} at ${i}`).toBe(false);
      }
    }
    const info = a[related]!.relatedInformation!;
    const relatedVariants = [
      { ...info[0]!, message: 'other' },
      { ...info[0]!, location: { uri: 'file:///b.bulletin', range: info[0]!.location.range } },
      {
        ...info[0]!,
        location: { uri: info[0]!.location.uri, range: { start: info[0]!.location.range.start, end: info[0]!.location.range.start } },
      },
    ];
    const without: Diagnostic = { ...a[related]! };
    delete without.relatedInformation;
    expect(
      sameDiagnostics(
        a,
        a.map((d, k) => (k === related ? without : d)),
      ),
    ).toBe(false);
    for (const variant of relatedVariants) {
      const b = a.map((d, k) => (k === related ? { ...d, relatedInformation: [variant] } : d));
      expect(sameDiagnostics(a, b)).toBe(false);
    }
    expect(sameDiagnostics(a, a.slice(1))).toBe(false);
    expect(sameDiagnostics(a, [...a.slice(1), a[0]!])).toBe(false);
  });

  test('"unchanged" only for the result id last sent, and only while the diagnostics are equal', () => {
    const reports = new DiagnosticReports();
    const before = diagnosticsOf(sample());
    expect(reports.report(uri, '1', undefined, before)).toEqual({ kind: 'full', resultId: '1', items: before });
    // A keystroke that changes no finding: the text differs, the diagnostics do not.
    const typed = sample().replace('A member of the European Parliament', 'A xmember of the European Parliament');
    expect(typed).not.toBe(sample());
    expect(reports.report(uri, '2', '1', diagnosticsOf(typed))).toEqual({ kind: 'unchanged', resultId: '1' });
    // The client holds "1" still; so does the server.
    expect(reports.report(uri, '3', '1', diagnosticsOf(typed))).toEqual({ kind: 'unchanged', resultId: '1' });
    // An id the server did not send last, or none: in full.
    expect(reports.report(uri, '4', '0', diagnosticsOf(typed)).kind).toBe('full');
    expect(reports.report(uri, '5', '1', diagnosticsOf(typed)).kind).toBe('full');
    expect(reports.report(uri, '6', undefined, diagnosticsOf(typed)).kind).toBe('full');
    // A finding more: in full, under the new id, which is the one to hold from then on.
    const doubled = sample().replace('A member of the European Parliament', 'A A member of the European Parliament');
    const report = reports.report(uri, '7', '6', diagnosticsOf(doubled));
    expect(report.kind).toBe('full');
    expect(report.resultId).toBe('7');
    expect(reports.report(uri, '8', '7', diagnosticsOf(doubled))).toEqual({ kind: 'unchanged', resultId: '7' });
    // Documents are apart, and a closed one is forgotten.
    expect(reports.report('file:///b.bulletin', '9', '7', diagnosticsOf(doubled)).kind).toBe('full');
    reports.forget(uri);
    expect(reports.report(uri, '10', '7', diagnosticsOf(doubled)).kind).toBe('full');
  });
});
