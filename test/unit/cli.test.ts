import { spawn, spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { describe, expect, test } from 'vitest';
import { run } from '../../server/src/cli/main';
import { checkFiles } from '../../server/src/cli/workspace';
import { DEFAULT_PROFILE } from '../../server/src/profile/profile';
import { CLEAN_PATH, FIXTURES, SAMPLE_PATH, clean, sample } from '../support/fixture';

const CLI_PATH = path.resolve(__dirname, '../../dist/cli.js');

/** The built command run with `args`, its output's reader gone after the first chunk (as `| head` does). */
async function withReaderGoneEarly(...args: string[]): Promise<{ code: number | null; stderr: string }> {
  const child = spawn(process.execPath, [CLI_PATH, ...args]);
  let stderr = '';
  child.stderr.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
  child.stdout.once('data', () => child.stdout.destroy());
  const code = await new Promise<number | null>((resolve) => child.on('close', resolve));
  return { code, stderr };
}

async function cli(...args: string[]): Promise<{ code: number; out: string; err: string }> {
  let out = '';
  let err = '';
  const code = await run(args, { out: (t) => (out += t), err: (t) => (err += t) });
  return { code, out, err };
}

describe('bulletin check', () => {
  test('the sample: one line per problem, a total, exit 1 for errors', async () => {
    const { code, out } = await cli('check', SAMPLE_PATH);
    expect(code).toBe(1);
    const lines = out.trimEnd().split('\n');
    // One line per problem, a blank line, the file's send summary, the totals.
    expect(lines).toHaveLength(63 + 3);
    expect(lines.at(-2)).toBe(
      `${path.relative(process.cwd(), SAMPLE_PATH)}: Not ready to send: 7 errors, 48 warnings. 6 articles (6 without headline), 6,562 words, about 33 minutes to read.`,
    );
    expect(lines).toContain(
      `${path.relative(process.cwd(), SAMPLE_PATH)}:922:29: warning footer.copyright-year: Copyright year 2009 is not the issue's year, 2011 (from the file name).`,
    );
    expect(lines[lines.length - 1]).toBe('7 errors, 48 warnings, 8 hints in 1 file.');
  });

  test('a clean bulletin exits 0', async () => {
    const { code, out } = await cli('check', CLEAN_PATH);
    expect(code).toBe(0);
    expect(out).toBe(
      `${path.relative(process.cwd(), CLEAN_PATH)}: Ready to send: no errors or warnings. 3 articles, 262 words, about 1 minute to read.\n0 errors, 0 warnings in 1 file.\n`,
    );
  });

  test('JSON for scripts, with 1-based lines and columns', async () => {
    const { code, out } = await cli('check', '--format', 'json', SAMPLE_PATH);
    expect(code).toBe(1);
    const report = JSON.parse(out) as {
      files: { problems: { code: string; line: number; column: number; endColumn: number }[] }[];
      totals: Record<string, number>;
    };
    expect(report.totals).toEqual({ error: 7, warning: 48, information: 0, hint: 8 });
    expect(report.files[0]!.problems.find((p) => p.code === 'xref.malformed')).toMatchObject({ line: 307, column: 10, endColumn: 60 });
  });

  test('a folder: its bulletins, with cross-references resolved between them', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'bulletin-cli-'));
    const article = (headline: string, body: string) => `${headline}\n\nStandfirst.\n\nBy Dina Tokbaeva\n\n${body}\n`;
    writeFileSync(path.join(dir, 'a.bulletin'), article('POWER CUTS RETURN', 'Body.'));
    writeFileSync(path.join(dir, 'b.bulletin'), article('SECOND STORY', 'See it (See Power Cuts Return.) and (See Nowhere Story.)'));
    writeFileSync(path.join(dir, 'notes.txt'), 'Just some notes, not a bulletin.\n');
    const { out } = await cli('check', dir);
    expect(out).toContain('b.bulletin:7:42: warning xref.unresolved: Unresolved cross-reference: no article headlined “Nowhere Story”');
    expect(out).not.toContain('Power Cuts Return”');
    expect(out).not.toContain('notes.txt');
    expect(out.trimEnd().split('\n').at(-1)).toMatch(/in 2 files\.$/);
  });

  test("a folder's text report: each file's problems written once it is checked, before the next is read", async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'bulletin-cli-'));
    const article = (headline: string, body: string) => `${headline}\n\nStandfirst.\n\nBy Dina Tokbaeva\n\n${body}\n`;
    writeFileSync(path.join(dir, 'a.bulletin'), article('FIRST STORY', 'The the body.'));
    writeFileSync(path.join(dir, 'b.bulletin'), article('SECOND STORY', 'A body body.'));
    const chunks: string[] = [];
    const code = await run(['check', dir], { out: (t) => chunks.push(t), err: (t) => expect.unreachable(t) });
    expect(code).toBe(0);
    // a's problems, then b's, then the summaries and totals, as one report would have them.
    expect(chunks).toHaveLength(3);
    expect(chunks[0]).toContain('a.bulletin:7:1: warning style.doubled-word: “the” twice in a row.');
    expect(chunks[0]).not.toContain('b.bulletin');
    expect(chunks[1]).toContain('b.bulletin:7:3: warning style.doubled-word: “body” twice in a row.');
    expect(chunks[1]).not.toContain('a.bulletin');
    expect(chunks[2]).toMatch(/^\n.*a\.bulletin: Not ready to send.*\n.*b\.bulletin: Not ready to send.*\n.* in 2 files\.\n$/);
  });

  test('JSON and SARIF for a folder: written file by file, and as JSON.stringify would write them whole', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'bulletin-cli-'));
    const article = (headline: string, body: string) => `${headline}\n\nStandfirst.\n\nBy Dina Tokbaeva\n\n${body}\n`;
    writeFileSync(path.join(dir, 'a.bulletin'), article('FIRST STORY', 'The the body.'));
    writeFileSync(path.join(dir, 'b.bulletin'), article('SECOND STORY', 'A body body.'));
    for (const format of ['json', 'sarif']) {
      const chunks: string[] = [];
      await run(['check', '--format', format, dir], { out: (t) => chunks.push(t), err: (t) => expect.unreachable(t) });
      const out = chunks.join('');
      expect(out).toBe(`${JSON.stringify(JSON.parse(out), null, 2)}\n`);
      // The first file's part is written before the second file is checked.
      expect(chunks[0]).toContain('a.bulletin');
      expect(chunks[0]).not.toContain('b.bulletin');
      expect(chunks.length, format).toBeGreaterThan(2);
    }
  });

  test("the archive around a file is indexed as the editor indexes it: the profile's initials cite its issues", async () => {
    // The archive's issue 632 calls itself Reporting Central Asia (RCA) in its masthead; the profile cites it as ON.
    const dir = mkdtempSync(path.join(tmpdir(), 'bulletin-cli-'));
    writeFileSync(path.join(dir, 'bulletin.json'), '{ "initials": "ON" }');
    writeFileSync(path.join(dir, 'rca-2011-12-632.bulletin'), readFileSync(path.join(FIXTURES, 'archive', 'rca-2011-12-632.bulletin')));
    const citing =
      'LATER STORY\n\nStandfirst.\n\nBy Dina Tokbaeva\n\nBody (See Police Round Up Men After Janaozen Violence, ON No. 632,\n19-Dec-11.)\n';
    writeFileSync(path.join(dir, 'later.bulletin'), citing);
    const { out } = await cli('check', path.join(dir, 'later.bulletin'));
    expect(out).toContain('later.bulletin: ');
    expect(out).not.toMatch(/later\.bulletin:7:\d+: \w+ xref\./);
  });

  test('bad usage and unreadable files exit 2 with a clear message', async () => {
    const cases: [string[], string][] = [
      [['check'], 'check needs at least one file or folder'],
      [['check', '--format', 'xml', SAMPLE_PATH], 'unknown format “xml”'],
      [['check', '/no/such/file.bulletin'], 'cannot read /no/such/file.bulletin'],
      [['frobnicate'], 'unknown command “frobnicate”'],
    ];
    for (const [args, message] of cases) {
      const result = await cli(...args);
      expect(result.code, args.join(' ')).toBe(2);
      expect(result.err).toContain(message);
    }
  });
});

describe('check before send options', () => {
  const folder = (files: Record<string, string>): string => {
    const dir = mkdtempSync(path.join(tmpdir(), 'bulletin-cli-'));
    for (const [name, text] of Object.entries(files)) writeFileSync(path.join(dir, name), text);
    return dir;
  };
  const ARTICLE =
    'STORY\n\nStandfirst.\n\nBy Dina Tokbaeva\n\nBody with a line that runs on well past the seventy-two columns that email allows.\n';

  test('--max-warnings fails a run with more warnings than allowed', async () => {
    const dir = folder({ 'a.bulletin': ARTICLE });
    const file = path.join(dir, 'a.bulletin');
    expect((await cli('check', file)).code).toBe(0);
    expect((await cli('check', '--max-warnings', '10', file)).code).toBe(0);
    expect((await cli('check', '--max-warnings=0', file)).code).toBe(1);
    const bad = await cli('check', '--max-warnings', 'many', file);
    expect(bad.code).toBe(2);
    expect(bad.err).toContain('--max-warnings needs a whole number');
  });

  test('the nearest bulletin.json applies, and --profile names another', async () => {
    const dir = folder({ 'a.bulletin': ARTICLE, 'bulletin.json': '{ "emailWidth": 100, "checks": { "contents.missing": "off" } }' });
    const file = path.join(dir, 'a.bulletin');
    const nearest = await cli('check', '--format', 'json', file);
    const codes = (out: string) => (JSON.parse(out) as { files: { problems: { code: string }[] }[] }).files[0]!.problems.map((p) => p.code);
    expect(codes(nearest.out)).toEqual(['footer.missing']);
    writeFileSync(path.join(dir, 'strict.json'), '{ "emailWidth": 60 }');
    const strict = await cli('check', '--format', 'json', '--profile', path.join(dir, 'strict.json'), file);
    expect(codes(strict.out)).toEqual(['contents.missing', 'footer.missing', 'style.line-length']);
  });

  test('a broken profile stops the check with its problems, exit 2', async () => {
    const dir = folder({ 'a.bulletin': ARTICLE, 'bulletin.json': '{ "emailWidth": "wide" }' });
    const result = await cli('check', path.join(dir, 'a.bulletin'));
    expect(result.code).toBe(2);
    expect(result.err).toContain(
      'bulletin.json:1:17: error profile.invalid: “emailWidth” must be a whole number of columns between 40 and 200.',
    );
    expect(result.err).toContain('the publication profile has errors');
  });

  test('SARIF 2.1.0 with one result per problem and the checks as rules', async () => {
    const { out } = await cli('check', '--format', 'sarif', SAMPLE_PATH);
    const sarif = JSON.parse(out) as {
      version: string;
      runs: {
        tool: { driver: { rules: { id: string }[] } };
        results: { ruleId: string; level: string; locations: { physicalLocation: { region: { startLine: number } } }[] }[];
      }[];
    };
    expect(sarif.version).toBe('2.1.0');
    expect(sarif.runs[0]!.results).toHaveLength(63);
    expect(sarif.runs[0]!.tool.driver.rules.map((r) => r.id)).toContain('xref.malformed');
    const malformed = sarif.runs[0]!.results.find((r) => r.ruleId === 'xref.malformed')!;
    expect([malformed.level, malformed.locations[0]!.physicalLocation.region.startLine]).toEqual(['error', 307]);
  });
});

describe('bulletin outline', () => {
  test('prints the outline with line numbers', async () => {
    const { code, out } = await cli('outline', CLEAN_PATH);
    expect(code).toBe(0);
    expect(out).toContain(
      'SPECIAL REPORT — Section  (line 63)\n  TAJIKISTAN: A WINTER WITHOUT POWER — Saule Mukhametrakhimova  (line 65)\n',
    );
    expect(clean().split('\n')[64]).toBe('TAJIKISTAN: A WINTER WITHOUT POWER');
  });
});

test("a folder's files are reported each in a turn of the event loop of its own, so that the report is written as it goes", async () => {
  const dir = mkdtempSync(path.join(tmpdir(), 'bulletin-cli-'));
  for (const name of ['a', 'b', 'c']) writeFileSync(path.join(dir, `${name}.bulletin`), clean());
  // A turn asked for as each file is reported: it has come by the next file's report (a write to a pipe, say).
  const turnCame: boolean[] = [];
  let turned = false;
  const files = ['a', 'b', 'c'].map((name) => path.join(dir, `${name}.bulletin`));
  await checkFiles(files, DEFAULT_PROFILE, () => {
    turnCame.push(turned);
    turned = false;
    setImmediate(() => (turned = true));
  });
  rmSync(dir, { recursive: true, force: true });
  expect(turnCame).toEqual([false, true, true]);
});

describe('the built CLI', () => {
  test('runs as a program with the documented exit codes', () => {
    expect(spawnSync(process.execPath, [CLI_PATH, 'check', CLEAN_PATH]).status).toBe(0);
    expect(spawnSync(process.execPath, [CLI_PATH, 'check', SAMPLE_PATH]).status).toBe(1);
    const bad = spawnSync(process.execPath, [CLI_PATH, 'check', '/nope'], { encoding: 'utf8' });
    expect(bad.status).toBe(2);
    expect(bad.stderr).toContain('bulletin: cannot read /nope');
  });

  test('a file that can be read only once (a pipe, `<(…)`) is checked as it was read, not as empty', () => {
    const command = `"${process.execPath}" "${CLI_PATH}" check <(cat "${SAMPLE_PATH}")`;
    const result = spawnSync('bash', ['-c', command], { encoding: 'utf8' });
    expect(result.stderr).toBe('');
    expect(result.stdout).toMatch(/: Not ready to send: 7 errors, \d+ warnings\. 6 articles/);
    expect(result.status).toBe(1);
  });

  test('a reader that stops early, checking a folder: the files after are still checked for the exit code', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'bulletin-cli-'));
    // The first issue's warnings fill the pipe many times over; then come more issues than are read ahead, so
    // that the pipe's closing is heard before the last one, the only one with errors, is checked.
    const body = 'The the body goes on.\n\n'.repeat(3_000);
    writeFileSync(path.join(dir, 'a.bulletin'), `STORY\n\nStandfirst.\n\nBy Dina Tokbaeva\n\n${body}`);
    for (let i = 10; i < 30; i++) writeFileSync(path.join(dir, `b${i}.bulletin`), clean());
    writeFileSync(path.join(dir, 'z.bulletin'), sample());
    const { code, stderr } = await withReaderGoneEarly('check', dir);
    rmSync(dir, { recursive: true, force: true });
    expect(stderr).toBe('');
    expect(code).toBe(1);
  });

  test('a reader that stops early (`| head`) ends it quietly, with the report’s exit code', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'bulletin-cli-'));
    const file = path.join(dir, 'long.bulletin');
    // A report far longer than a pipe holds, so that writing goes on after the reader has gone.
    writeFileSync(file, sample().repeat(8));
    const { code, stderr } = await withReaderGoneEarly('check', '--format', 'json', file);
    rmSync(dir, { recursive: true, force: true });
    expect(stderr).toBe('');
    expect(code).toBe(1);
  });
});
