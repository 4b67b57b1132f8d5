// Reads and indexes the archive's files in the background: files read ahead of the parser where the reader works
// apart from it, so that both work at once; after each slice, edits and requests are read; and an open document's
// checks go first (no file is indexed while they are under way).
import type { Foreground } from '../protocol/foreground';
import type { Pause } from '../protocol/turns';
import { readAhead } from './readAhead';

/** How often progress is reported, in files. */
const REPORT_EVERY = 25;

export interface IndexFilesOptions {
  /** The file's text, or undefined when it cannot be read (gone since it was listed). */
  readonly read: (uri: string) => Promise<string | undefined>;
  /** How many files are read at once: the one indexed next and those after it (`WorkspaceFiles.readsAhead`). */
  readonly readsAhead: number;
  readonly index: (uri: string, text: string | undefined) => void;
  /** After each slice of indexing, the next turn of the event loop in which no foreground work is under way. */
  readonly pause: Pause;
  readonly foreground: Foreground;
  readonly isCancelled: () => boolean;
  readonly report?: (done: number, total: number) => void;
  /** A file whose indexing failed: the others are indexed all the same. */
  readonly failed: (uri: string, error: unknown) => void;
}

export async function indexFiles(files: readonly string[], options: IndexFilesOptions): Promise<void> {
  const read = readAhead(files, options.read, options.readsAhead);
  for (let i = 0; i < files.length && !options.isCancelled(); i++) {
    const text = await read(i);
    // While the file was read, an edit may have come in: its checks go first.
    await options.foreground.idle();
    try {
      options.index(files[i]!, text);
    } catch (error) {
      options.failed(files[i]!, error);
    }
    if (i % REPORT_EVERY === REPORT_EVERY - 1) options.report?.(i + 1, files.length);
    await options.pause();
  }
}
