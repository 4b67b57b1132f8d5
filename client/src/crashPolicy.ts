// What the client does when the language server dies: restart it, tell the
// user once that it happened, and give up (saying how to restart by hand) if
// it keeps dying. Free of the vscode API so it can be tested on its own.

export interface CrashDecision {
  readonly restart: boolean;
  /** What to tell the user, if anything. */
  readonly message?: string;
  readonly severity?: 'warning' | 'error';
}

export class CrashPolicy {
  private crashes: number[] = [];
  private told = false;

  constructor(
    private readonly now: () => number = Date.now,
    /** Restarts allowed within `windowMs` before giving up. */
    private readonly maxRestarts = 4,
    private readonly windowMs = 3 * 60 * 1000,
  ) {}

  /** The server's connection closed without the client asking it to. */
  closed(): CrashDecision {
    const now = this.now();
    this.crashes = [...this.crashes.filter((t) => now - t < this.windowMs), now];
    if (this.crashes.length > this.maxRestarts) {
      return {
        restart: false,
        severity: 'error',
        message: `The Bulletin language server stopped ${this.crashes.length} times in ${Math.round(this.windowMs / 60000)} minutes and was not restarted again. Run “Bulletin: Restart Language Server” to try again; “Bulletin” in the Output panel shows why it stopped.`,
      };
    }
    if (this.told) return { restart: true };
    this.told = true;
    return {
      restart: true,
      severity: 'warning',
      message: 'The Bulletin language server stopped unexpectedly and was restarted. Diagnostics are up to date again.',
    };
  }

  /**
   * Whether to go on after the connection's `count`th error. Writing to a server that has just died fails (a
   * broken pipe) until the client sees the connection close, and its keystrokes, requests and notifications may
   * fail so more than three times: the library's own handler then shut the client down, and `closed` was never
   * asked to restart it. So a broken pipe is left to `closed`; other errors, as the library does, three times.
   */
  connectionError(error: unknown, count: number | undefined): 'continue' | 'shutdown' {
    if (brokenPipe(error)) return 'continue';
    return count !== undefined && count <= 3 ? 'continue' : 'shutdown';
  }

  /** The user restarted the server by hand: a fresh start. */
  reset(): void {
    this.crashes = [];
  }
}

/** A write to a pipe whose reader is gone: the server's process has exited. */
function brokenPipe(error: unknown): boolean {
  if (typeof error !== 'object' || error === null) return false;
  const { code, message } = error as { code?: unknown; message?: unknown };
  return code === 'EPIPE' || code === 'ERR_STREAM_DESTROYED' || (typeof message === 'string' && /\bEPIPE\b/.test(message));
}
