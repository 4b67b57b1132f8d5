// Messages as the bytes a stream transport (stdio) sends: JSON in UTF-8, byte for byte what the library's own
// encoder writes, except that a diagnostic sent before with the same fields is not serialized again.
// On a 1 MB issue about a thousand diagnostics (260 KB of JSON) go out after every keystroke, nearly all of
// them as they went the time before; serializing and encoding them took about a fifth of the server's time.
import { Message } from 'vscode-languageserver';
import type { ContentTypeEncoder, ContentTypeEncoderOptions } from 'vscode-languageserver';
import type { Diagnostic, Range } from 'vscode-languageserver-types';
import { sameList, sameRange, sameRelated } from './sameFields';

/**
 * Diagnostics kept as bytes, after which the older half is forgotten unless sent again meanwhile: at about 1 KB
 * each (their bytes, a copy of what they are compared by, and the runtime's share), at most about 8 MB. Enough for
 * a few open issues of a thousand diagnostics; a message of more is still written, with fewer of them kept.
 */
export const KEPT_PER_GENERATION = 4_000;

/**
 * Diagnostics kept for one line, at most: typing in a paragraph changes the message on its line at every
 * keystroke, and the older ones would otherwise pile up there, each compared with on every message.
 */
const KEPT_PER_LINE = 16;

/** The fields of a diagnostic whose bytes may be kept; one with any other is serialized every time. */
const FIELDS: ReadonlySet<string> = new Set(['range', 'severity', 'code', 'source', 'message', 'relatedInformation']);
const RANGE: ReadonlySet<string> = new Set(['start', 'end']);
const POSITION: ReadonlySet<string> = new Set(['line', 'character']);
const RELATED: ReadonlySet<string> = new Set(['location', 'message']);
const LOCATION: ReadonlySet<string> = new Set(['uri', 'range']);

/** A diagnostic as it was sent (a copy: the sender's may change later), and its bytes. */
interface Sent {
  readonly diagnostic: Diagnostic;
  readonly bytes: Uint8Array;
}

const utf8 = new TextEncoder();
const COMMA = 0x2c;
const OPEN = 0x5b;
const CLOSE = 0x5d;

function sameDiagnostic(sent: Diagnostic, d: Diagnostic): boolean {
  return (
    sameRange(sent.range, d.range) &&
    sent.message === d.message &&
    sent.severity === d.severity &&
    sent.code === d.code &&
    sent.source === d.source &&
    sameList(sent.relatedInformation, d.relatedInformation, sameRelated)
  );
}

/** True when `value` is an object with no field but `fields`. */
function onlyFields(value: unknown, fields: ReadonlySet<string>): value is Record<string, unknown> {
  if (typeof value !== 'object' || value === null) return false;
  for (const key in value) if (!fields.has(key)) return false;
  return true;
}

/**
 * True when every field, down to the positions, is one whose value `sameDiagnostic` compares, and no value it
 * compares is an object (compared by identity with a copy, it would never be found equal, but no harm done).
 */
function keepable(d: unknown): d is Diagnostic {
  if (!onlyFields(d, FIELDS) || typeof d.message !== 'string' || !isRange(d.range)) return false;
  const related = d.relatedInformation;
  if (related === undefined) return true;
  if (!Array.isArray(related)) return false;
  for (const r of related as unknown[])
    if (!onlyFields(r, RELATED) || !onlyFields(r.location, LOCATION) || !isRange(r.location.range)) return false;
  return true;
}

function isRange(range: unknown): range is Range {
  return onlyFields(range, RANGE) && onlyFields(range.start, POSITION) && onlyFields(range.end, POSITION);
}

/** The list of diagnostics a message carries: a document's, published or in a full pulled report. */
function diagnosticsIn(message: Message): readonly unknown[] | undefined {
  let list: unknown;
  if (Message.isNotification(message) && message.method === 'textDocument/publishDiagnostics') {
    const params = message.params as { diagnostics?: unknown } | undefined;
    list = params?.diagnostics;
  } else if (Message.isResponse(message)) {
    const result = message.result as { kind?: unknown; items?: unknown } | null | undefined;
    if (typeof result === 'object' && result !== null && result.kind === 'full') list = result.items;
  }
  return Array.isArray(list) && list.length > 0 ? (list as unknown[]) : undefined;
}

/** Stands for the list of diagnostics in the rest of the message, serialized as usual. */
const PLACEHOLDER = `bulletin-diagnostics-${Math.random().toString(36).slice(2)}`;
const PLACEHOLDER_JSON = JSON.stringify(PLACEHOLDER);

/** A content type encoder for a stream message writer. */
export class MessageBytes implements Exclude<ContentTypeEncoder, { create: unknown }> {
  readonly name = 'application/json';
  /** By start line; looked up first. */
  private current = new Map<number, Sent[]>();
  private previous = new Map<number, Sent[]>();
  private keptInCurrent = 0;
  private keptInPrevious = 0;

  encode(message: Message, options: ContentTypeEncoderOptions): Promise<Uint8Array> {
    try {
      const charset = String(options.charset).toLowerCase();
      if (charset !== 'utf-8' && charset !== 'utf8') throw new Error(`Messages are written in UTF-8, not ${charset}`);
      return Promise.resolve(this.withKeptDiagnostics(message) ?? utf8.encode(JSON.stringify(message)));
    } catch (error) {
      return Promise.reject(error instanceof Error ? error : new Error(String(error)));
    }
  }

  /** The message's bytes with its diagnostics' kept ones; undefined when it carries none or has an unusual shape. */
  private withKeptDiagnostics(message: Message): Uint8Array | undefined {
    const list = diagnosticsIn(message);
    if (list === undefined) return undefined;
    const rest = JSON.stringify(message, (_key, value: unknown) => (value === list ? PLACEHOLDER : value));
    const at = rest.indexOf(PLACEHOLDER_JSON);
    // The list is there once; were the placeholder's text anywhere else, the message is serialized as usual.
    if (at < 0 || rest.indexOf(PLACEHOLDER_JSON, at + 1) >= 0) return undefined;
    const items = new Array<Uint8Array>(list.length);
    for (let i = 0; i < list.length; i++) items[i] = this.diagnosticBytes(list[i]);
    return listIn(utf8.encode(rest.slice(0, at)), items, utf8.encode(rest.slice(at + PLACEHOLDER_JSON.length)));
  }

  private diagnosticBytes(d: unknown): Uint8Array {
    if (!keepable(d)) return utf8.encode(JSON.stringify(d) ?? 'null');
    const line = d.range.start.line;
    const found = find(this.current.get(line), d);
    if (found) return found.bytes;
    const sent = find(this.previous.get(line), d) ?? sentNow(d);
    this.keep(line, sent);
    return sent.bytes;
  }

  /** How many diagnostics' bytes are kept: at most twice KEPT_PER_GENERATION. */
  kept(): number {
    return this.keptInCurrent + this.keptInPrevious;
  }

  private keep(line: number, sent: Sent): void {
    if (this.keptInCurrent >= KEPT_PER_GENERATION) {
      this.previous = this.current;
      this.keptInPrevious = this.keptInCurrent;
      this.current = new Map();
      this.keptInCurrent = 0;
    }
    const list = this.current.get(line);
    if (!list) this.current.set(line, [sent]);
    else {
      if (list.length >= KEPT_PER_LINE) {
        list.shift();
        this.keptInCurrent--;
      }
      list.push(sent);
    }
    this.keptInCurrent++;
  }
}

function find(list: readonly Sent[] | undefined, d: Diagnostic): Sent | undefined {
  if (list === undefined) return undefined;
  for (const sent of list) if (sameDiagnostic(sent.diagnostic, d)) return sent;
  return undefined;
}

function sentNow(d: Diagnostic): Sent {
  const json = JSON.stringify(d);
  return { diagnostic: JSON.parse(json) as Diagnostic, bytes: utf8.encode(json) };
}

/** `before`, then the items as a JSON array, then `after`, in one buffer: the commas and brackets as bytes. */
function listIn(before: Uint8Array, items: readonly Uint8Array[], after: Uint8Array): Uint8Array {
  let length = before.length + after.length + 2 + Math.max(0, items.length - 1);
  for (const item of items) length += item.length;
  const bytes = new Uint8Array(length);
  bytes.set(before, 0);
  let at = before.length;
  bytes[at++] = OPEN;
  items.forEach((item, i) => {
    if (i > 0) bytes[at++] = COMMA;
    bytes.set(item, at);
    at += item.length;
  });
  bytes[at++] = CLOSE;
  bytes.set(after, at);
  return bytes;
}
