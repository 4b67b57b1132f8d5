// Checks run in turns of the event loop: what they find is the same, a newer
// version cancels them, and problems a request computed meanwhile are taken.
import { describe, expect, test } from 'vitest';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { DEFAULT_PROFILE } from '../../server/src/profile/profile';
import { pauseAfter } from '../../server/src/protocol/turns';
import { Analyses } from '../../server/src/workspace/analysis';
import { WorkspaceIndex } from '../../server/src/workspace/index';
import { sample } from '../support/fixture';

describe('pauseAfter', () => {
  test('runs on while the budget lasts, then waits for the next turn and starts a new budget', async () => {
    let clock = 100;
    const turns: string[] = [];
    const pause = pauseAfter(
      10,
      () => clock,
      () => {
        turns.push(`turn at ${clock}`);
        return Promise.resolve();
      },
    );
    clock = 109;
    expect(pause()).toBeUndefined();
    clock = 110;
    const waiting = pause();
    expect(waiting).toBeInstanceOf(Promise);
    clock = 115;
    await waiting;
    // The new budget runs from the end of the wait.
    clock = 124;
    expect(pause()).toBeUndefined();
    clock = 125;
    expect(pause()).toBeInstanceOf(Promise);
    expect(turns).toEqual(['turn at 110', 'turn at 125']);
  });
});

describe('problems in turns', () => {
  const document = (version = 1): TextDocument => TextDocument.create('file:///issue.bulletin', 'bulletin', version, sample());
  const analysesOf = () => new Analyses(new WorkspaceIndex(), () => DEFAULT_PROFILE);
  const everyStep = (): Promise<void> => Promise.resolve();

  test('find what the checks run at once find, pausing after every check', async () => {
    const once = analysesOf();
    const expected = once.problems(once.get(document()))!;
    const inTurns = analysesOf();
    let pauses = 0;
    const found = await inTurns.problemsInTurns(
      inTurns.get(document()),
      () => false,
      () => (pauses++, everyStep()),
    );
    expect(found).toEqual(expected);
    expect(expected.length).toBeGreaterThan(20);
    expect(pauses).toBeGreaterThan(20);
  });

  test('a cancellation while paused gives nothing, and keeps nothing in place of the full result', async () => {
    const analyses = analysesOf();
    const analysis = analyses.get(document());
    let newer = false;
    let pauses = 0;
    const found = await analyses.problemsInTurns(
      analysis,
      () => newer,
      () => {
        if (++pauses === 3) newer = true;
        return everyStep();
      },
    );
    expect(found).toBeUndefined();
    expect(pauses).toBe(3);
    const full = analyses.problems(analysis)!;
    const fresh = analysesOf();
    expect(full).toEqual(fresh.problems(fresh.get(document()))!);
  });

  test('problems a request computed during a pause are the ones returned', async () => {
    const analyses = analysesOf();
    const analysis = analyses.get(document());
    let computed: unknown;
    const found = await analyses.problemsInTurns(
      analysis,
      () => false,
      () => {
        computed ??= analyses.problems(analysis);
        return everyStep();
      },
    );
    expect(computed).toBeDefined();
    expect(found).toBe(computed);
  });
});
