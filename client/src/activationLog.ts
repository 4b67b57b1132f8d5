// The line the extension writes to its log when the language server is ready: how long activation took, for a
// user who wonders why the first squiggles were slow, and for the bench, which reads it from a real VS Code.

export function readyMessage(milliseconds: number): string {
  return `Language server ready ${Math.round(milliseconds)} ms after the extension was activated.`;
}

/** The milliseconds of a `readyMessage` in a log's text, the last one there; undefined before the first. */
export function lastReadyMilliseconds(log: string): number | undefined {
  const all = [...log.matchAll(/Language server ready (\d+) ms after the extension was activated\./g)];
  const last = all[all.length - 1];
  return last ? Number(last[1]) : undefined;
}
