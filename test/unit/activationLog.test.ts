// The line the extension logs when its language server is ready, and how the bench reads it back from the log.
import { expect, test } from 'vitest';
import { lastReadyMilliseconds, readyMessage } from '../../client/src/activationLog';

test('the logged activation time is read back, rounded to the millisecond', () => {
  expect(readyMessage(182.4)).toBe('Language server ready 182 ms after the extension was activated.');
  const log = `2026-12-07 13:58:52.302 [info] ${readyMessage(182.4)}\n`;
  expect(lastReadyMilliseconds(log)).toBe(182);
});

test('of several ready lines (a session may run more than one extension host), the last is read; none before the first', () => {
  const log = [
    '2026-12-07 13:54:52.000 [info] Connection to server got closed. Server will restart.',
    `2026-12-07 13:54:54.606 [info] ${readyMessage(117)}`,
    `2026-12-07 13:55:54.606 [info] ${readyMessage(1250.6)}`,
  ].join('\n');
  expect(lastReadyMilliseconds(log)).toBe(1251);
  expect(lastReadyMilliseconds('2026-12-07 13:54:52.000 [error] Starting server failed')).toBeUndefined();
  expect(lastReadyMilliseconds('')).toBeUndefined();
});
