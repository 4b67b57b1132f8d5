// Work an editor is waiting for (a document's checks, from the edit that calls for them to the diagnostics) and
// the background work that gives way to it (the archive's indexing): between its steps, background work waits
// while any foreground work is under way. Taking turns alone, each keystroke made while the archive was indexed
// waited for a slice of indexing before its analysis and after each turn the analysis took.

export class Foreground {
  private running = 0;
  private waiting: (() => void)[] = [];

  /**
   * @param settle what background work waits for after foreground work ends, before it goes on: the turns in
   * which what that work sent is written (the protocol library writes in a turn of its own). Resumed at once, a
   * slice of indexing ran before the diagnostics of the edit that had made it wait were written.
   */
  constructor(private readonly settle: () => Promise<void> = () => Promise.resolve()) {}

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

  /** Resolves once no foreground work is under way (at once when none is), and has settled after any that was. */
  async idle(): Promise<void> {
    while (this.running > 0) {
      await new Promise<void>((resume) => this.waiting.push(resume));
      await this.settle();
    }
  }
}
