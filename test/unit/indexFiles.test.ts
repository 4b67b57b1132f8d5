// The archive indexed in the background: every file in order, read as many at once as the reader says, and no
// file indexed while an open document's checks are under way.
import { expect, test } from 'vitest';
import { Foreground } from '../../server/src/protocol/foreground';
import { nextTurn, turnsOf } from '../../server/src/protocol/turns';
import { indexFiles } from '../../server/src/workspace/indexFiles';

const turns = (n: number): Promise<void> => turnsOf(n, nextTurn)();
const files = Array.from({ length: 60 }, (_, i) => `file:///archive/rca-${1000 + i}.bulletin`);

test('foreground work: idle at once when none is under way, else once the last of it has ended', async () => {
  const foreground = new Foreground();
  let idle = false;
  await foreground.idle();
  const endFirst = foreground.begin();
  const endSecond = foreground.begin();
  void foreground.idle().then(() => (idle = true));
  endFirst();
  endFirst(); // Ending twice ends it once.
  await turns(2);
  expect(idle).toBe(false);
  endSecond();
  await turns(1);
  expect(idle).toBe(true);
});

test('once foreground work ends, idle waits for it to settle, and again for work begun meanwhile', async () => {
  let settling = 0;
  let settled = (): void => undefined;
  const foreground = new Foreground(
    () =>
      new Promise((resolve) => {
        settling++;
        settled = resolve;
      }),
  );
  let idle = false;
  const end = foreground.begin();
  void foreground.idle().then(() => (idle = true));
  end();
  await turns(1);
  expect([settling, idle]).toEqual([1, false]);
  const endAgain = foreground.begin();
  settled();
  await turns(1);
  expect([settling, idle]).toEqual([1, false]);
  endAgain();
  await turns(1);
  expect([settling, idle]).toEqual([2, false]);
  settled();
  await turns(1);
  expect(idle).toBe(true);
});

test('work run as foreground work ends with it, when it fails too', async () => {
  const foreground = new Foreground();
  await expect(foreground.run(() => Promise.reject(new Error('checks failed')))).rejects.toThrow('checks failed');
  let idle = false;
  void foreground.idle().then(() => (idle = true));
  await turns(1);
  expect(idle).toBe(true);
});

test('every file is indexed once, in order, with its text, and progress is told every 25 files', async () => {
  const indexed: string[] = [];
  const reports: string[] = [];
  await indexFiles(files, {
    read: (uri) => Promise.resolve(uri.endsWith('1010.bulletin') ? undefined : `text of ${uri}`),
    readsAhead: 1,
    index: (uri, text) => indexed.push(`${uri} ${text ?? '(gone)'}`),
    pause: () => nextTurn(),
    foreground: new Foreground(),
    isCancelled: () => false,
    report: (done, total) => reports.push(`${done}/${total}`),
    failed: (uri) => expect.unreachable(uri),
  });
  expect(indexed).toEqual(files.map((uri) => `${uri} ${uri.endsWith('1010.bulletin') ? '(gone)' : `text of ${uri}`}`));
  expect(reports).toEqual(['25/60', '50/60']);
});

test('files are read as many at once as the reader says, and indexing stops when cancelled', async () => {
  for (const readsAhead of [1, 8]) {
    const read: number[] = [];
    const indexed: number[] = [];
    let cancelled = false;
    await indexFiles(files, {
      read: (uri) => {
        read.push(files.indexOf(uri));
        return Promise.resolve('text');
      },
      readsAhead,
      index: (uri) => {
        indexed.push(files.indexOf(uri));
        if (indexed.length === 10) cancelled = true;
      },
      pause: () => undefined,
      foreground: new Foreground(),
      isCancelled: () => cancelled,
      failed: (uri) => expect.unreachable(uri),
    });
    expect(indexed).toEqual([0, 1, 2, 3, 4, 5, 6, 7, 8, 9]);
    // With eight, the first file's reading started the next seven's; each later one, one more. With one, only
    // the file about to be indexed is read.
    expect(read).toEqual([...Array(readsAhead + 9).keys()]);
  }
});

test("no file is indexed while an open document's checks are under way; indexing goes on once they end", async () => {
  const foreground = new Foreground();
  const indexed: number[] = [];
  let endChecks = (): void => undefined;
  const done = indexFiles(files, {
    read: (uri) => {
      // A keystroke arrives as the thirteenth file is read ahead, before the sixth is indexed: its checks begin.
      if (files.indexOf(uri) === 12) endChecks = foreground.begin();
      return nextTurn().then(() => 'text');
    },
    readsAhead: 8,
    index: (uri) => indexed.push(files.indexOf(uri)),
    // Turns that do not wait for the checks themselves: indexFiles must.
    pause: () => nextTurn(),
    foreground,
    isCancelled: () => false,
    failed: (uri) => expect.unreachable(uri),
  });
  await turns(50);
  expect(indexed).toEqual([0, 1, 2, 3, 4]);
  endChecks();
  await done;
  expect(indexed).toEqual(files.map((_, i) => i));
});

test('a file whose indexing fails is told of, and the others are indexed all the same', async () => {
  const indexed: number[] = [];
  const failures: string[] = [];
  await indexFiles(files.slice(0, 5), {
    read: () => Promise.resolve('text'),
    readsAhead: 1,
    index: (uri) => {
      if (files.indexOf(uri) === 2) throw new Error('unreadable model');
      indexed.push(files.indexOf(uri));
    },
    pause: () => undefined,
    foreground: new Foreground(),
    isCancelled: () => false,
    failed: (uri, error) => failures.push(`${files.indexOf(uri)}: ${(error as Error).message}`),
  });
  expect(indexed).toEqual([0, 1, 3, 4]);
  expect(failures).toEqual(['2: unreadable model']);
});
