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
