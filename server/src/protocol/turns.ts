// Long work done in turns of the event loop: once it has run for its budget,
// it waits for the next turn, so that the messages queued meanwhile (edits,
// requests, cancellations) are read before it goes on.

/** Undefined while the budget lasts; else the next turn, after which a new budget starts. */
export type Pause = () => Promise<void> | undefined;

export function pauseAfter(budget: number, now: () => number, nextTurn: () => Promise<void>): Pause {
  let since = now();
  return () => {
    if (now() - since < budget) return undefined;
    return nextTurn().then(() => {
      since = now();
    });
  };
}

/**
 * The turns of the event loop long work gives way for. A message takes three in the protocol library from its
 * bytes' arrival to its answer: the reader decodes it in one (its semaphore hands it on with `setImmediate`), the
 * connection's queue dispatches it in the next (an edit's handler then marks its checks as foreground work), and
 * the writer sends the answer in the one after. The work's own first turn was asked for before the message
 * arrived, so it comes first in each round: three steps of the message take four of the work's turns. Work that
 * gave way for a single turn went on ahead of the message at each step: a request made while the archive's
 * references were resolved in the background waited for two to five slices of it.
 */
export const MESSAGE_TURNS = 4;

/** One turn of the event loop: what is queued meanwhile (input read, the library's own turns) runs first. */
export const nextTurn = (): Promise<void> => new Promise((resolve) => setImmediate(resolve));

/** `count` turns, one after the other: each `turn` asked for only once the last has come. */
export function turnsOf(count: number, turn: () => Promise<void>): () => Promise<void> {
  return async () => {
    for (let i = 0; i < count; i++) await turn();
  };
}

/** The turns long work gives way for: enough for a message that came in meanwhile to be answered first. */
export const messageTurns = turnsOf(MESSAGE_TURNS, nextTurn);
