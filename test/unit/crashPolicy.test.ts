// What the client does when the server dies: restart, say so once, give up when it keeps dying.
import { expect, test } from 'vitest';
import { CrashPolicy } from '../../client/src/crashPolicy';

test('the first crash restarts the server and tells the user; later ones restart it silently', () => {
  let now = 0;
  const policy = new CrashPolicy(() => now);
  const first = policy.closed();
  expect(first).toMatchObject({ restart: true, severity: 'warning' });
  expect(first.message).toContain('stopped unexpectedly and was restarted');
  now += 60_000;
  expect(policy.closed()).toEqual({ restart: true });
});

test('a server that keeps crashing is left stopped, with the way to restart it by hand', () => {
  let now = 0;
  const policy = new CrashPolicy(() => now, 4, 180_000);
  for (let i = 0; i < 4; i++) {
    expect(policy.closed().restart).toBe(true);
    now += 10_000;
  }
  const fifth = policy.closed();
  expect(fifth).toMatchObject({ restart: false, severity: 'error' });
  expect(fifth.message).toContain('Bulletin: Restart Language Server');
  // Restarted by hand, it gets its restarts back, without a second "was restarted" notice.
  policy.reset();
  expect(policy.closed()).toEqual({ restart: true });
});

test('crashes far apart never exhaust the restarts', () => {
  let now = 0;
  const policy = new CrashPolicy(() => now, 4, 180_000);
  for (let i = 0; i < 20; i++) {
    expect(policy.closed().restart).toBe(true);
    now += 100_000;
  }
});

test('writes to a server that has just died are left to the close handler; other connection errors, three times', () => {
  const policy = new CrashPolicy();
  const epipe = Object.assign(new Error('write EPIPE'), { code: 'EPIPE' });
  // However many keystrokes, requests and notifications fail before the connection is seen to close.
  for (const count of [1, 2, 3, 4, 10]) expect(policy.connectionError(epipe, count)).toBe('continue');
  expect(policy.connectionError(new Error('write EPIPE'), 7)).toBe('continue');
  const garbled = new Error('Header must provide a Content-Length property.');
  expect(policy.connectionError(garbled, 3)).toBe('continue');
  expect(policy.connectionError(garbled, 4)).toBe('shutdown');
  expect(policy.connectionError(undefined, undefined)).toBe('shutdown');
});
