// Files read a few ahead of the one worked on: each once, in order, and a read that fails ahead of its turn is
// told to whoever asks for that file, not reported as unhandled in between.
import { expect, test } from 'vitest';
import { nextTurn } from '../../server/src/protocol/turns';
import { readAhead } from '../../server/src/workspace/readAhead';

test('each file read once, a few ahead, and a failure kept for its turn', async () => {
  const files = ['a', 'b', 'c', 'd', 'e'];
  const started: string[] = [];
  const read = readAhead(
    files,
    (file) => {
      started.push(file);
      return file === 'b' ? Promise.reject(new Error('b is gone')) : Promise.resolve(file.toUpperCase());
    },
    3,
  );
  expect(await read(0)).toBe('A');
  expect(started).toEqual(['a', 'b', 'c']);
  // b's read failed while a was worked on: nothing is reported until b is asked for.
  await nextTurn();
  await expect(read(1)).rejects.toThrow('b is gone');
  expect(await read(2)).toBe('C');
  expect(await read(3)).toBe('D');
  expect(await read(4)).toBe('E');
  expect(started).toEqual(files);
});
