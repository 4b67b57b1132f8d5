// What the editor's edits left unchanged at either end of a document's text since the version last parsed: the
// next parse then compares the two texts only around the edits, not whole (a quarter of a millisecond per
// keystroke on 1 MB). Fed by the document sync, read by the analysis; and where the last edit was, read by the
// diagnostics, which put those nearest to it first.
import type { KnownUnchanged } from '../model/incremental';

interface Log {
  /** The version the log counts from, and the one the last edit logged belongs to. */
  readonly from: number;
  to: number;
  prefix: number;
  suffix: number;
  /** The text's length after the last edit logged. */
  length: number;
}

export class EditLog {
  private readonly logs = new Map<string, Log>();
  /** Where in the text the last edit ended, by document: kept from one version to the next. */
  private readonly lastEdits = new Map<string, number>();

  /** Counts from this version of the document, `length` characters long: nothing changed yet. */
  start(uri: string, version: number, length: number): void {
    this.logs.set(uri, { from: version, to: version, prefix: length, suffix: length, length });
  }

  /** An edit, part of `version`, replaced [start, end) of the text as it then was with `inserted` characters. */
  edited(uri: string, version: number, start: number, end: number, inserted: number): void {
    const log = this.logs.get(uri);
    // A client that sends the whole text each time says nothing of where the user is.
    if (log && start === 0 && end === log.length) this.lastEdits.delete(uri);
    else this.lastEdits.set(uri, start + inserted);
    if (!log) return;
    log.prefix = Math.min(log.prefix, start);
    log.suffix = Math.min(log.suffix, log.length - end);
    log.length += inserted - (end - start);
    log.to = version;
  }

  /**
   * What is unchanged at either end between version `from` and version `to` of `length` characters: known only
   * when the log counts from `from` and saw every edit up to `to`.
   */
  since(uri: string, from: number, to: number, length: number): KnownUnchanged | undefined {
    const log = this.logs.get(uri);
    return log && log.from === from && log.to === to && log.length === length ? { prefix: log.prefix, suffix: log.suffix } : undefined;
  }

  /** The offset in the document's text where its last edit ended (after what it inserted), if it was edited. */
  lastEditAt(uri: string): number | undefined {
    return this.lastEdits.get(uri);
  }

  /** The log is no longer to be trusted (an edit could not be followed), or the document closed. */
  forget(uri: string): void {
    this.logs.delete(uri);
    this.lastEdits.delete(uri);
  }
}
