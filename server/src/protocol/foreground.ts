// Work an editor is waiting for (a document's checks, from the edit that calls for them to the diagnostics) and
// the background work that gives way to it (the archive's indexing): between its steps, background work waits
// while any foreground work is under way. Taking turns alone, each keystroke made while the archive was indexed
// waited for a slice of indexing before its analysis and after each turn the analysis took.

export class Foreground {
  private running = 0;
  private waiting: (() => void)[] = [];

  /** Foreground work begins: background work waits until the returned function has been called. */
  begin(): () => void {
    this.running++;
    let ended = false;
    return () => {
      if (ended) return;
      ended = true;
      this.running--;
      if (this.running > 0) return;
      const waiting = this.waiting;
      this.waiting = [];
      for (const resume of waiting) resume();
    };
  }

  /** Runs `work` as foreground work. */
  async run<T>(work: () => Promise<T>): Promise<T> {
    const end = this.begin();
    try {
      return await work();
    } finally {
      end();
    }
  }

  /** Resolves once no foreground work is under way: at once when none is. */
  idle(): Promise<void> {
    if (this.running === 0) return Promise.resolve();
    return new Promise((resume) => this.waiting.push(resume));
  }
}
