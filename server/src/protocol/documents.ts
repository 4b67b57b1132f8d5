// How the server keeps its copy of each open document: as
// vscode-languageserver-textdocument does, but a notification it cannot apply
// exactly is refused whole (with an error naming the fault, which the
// connection logs), and positions past the end are clamped before the edit,
// because the library's line bookkeeping goes wrong on them.
import { TextDocument } from 'vscode-languageserver-textdocument';
import type { TextDocumentContentChangeEvent } from 'vscode-languageserver-textdocument';
import type { TextDocumentsConfiguration } from 'vscode-languageserver';
import type { EditLog } from '../workspace/editLog';
import { range } from './params';

function describe(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

/** The change, checked as the protocol defines it; throws on a change no client should send. */
function checked(change: unknown, index: number): TextDocumentContentChangeEvent {
  if (typeof change !== 'object' || change === null) throw new Error(`contentChanges[${index}] must be an object`);
  const { text, range: raw } = change as { text?: unknown; range?: unknown };
  if (typeof text !== 'string') throw new Error(`contentChanges[${index}].text must be a string`);
  if (raw === undefined) return { text };
  try {
    return { range: range(raw, `contentChanges[${index}].range`), text };
  } catch (error) {
    throw new Error(describe(error), { cause: error });
  }
}

/** The change with its range inside the document: offsetAt clamps a position past the end of its line or of the text. */
function clamped(document: TextDocument, change: TextDocumentContentChangeEvent): TextDocumentContentChangeEvent {
  if (!('range' in change)) return change;
  const start = document.positionAt(document.offsetAt(change.range.start));
  const end = document.positionAt(document.offsetAt(change.range.end));
  return { range: { start, end }, text: change.text };
}

/** The documents' sync; each edit applied is logged in `edits`, when given. */
export const syncedDocuments = (edits?: EditLog): TextDocumentsConfiguration<TextDocument> => ({
  create(uri: unknown, languageId: unknown, version: unknown, text: unknown): TextDocument {
    if (typeof uri !== 'string' || typeof text !== 'string' || typeof version !== 'number') {
      throw new Error('didOpen needs textDocument.uri and .text as strings and .version as a number: the document was not opened');
    }
    edits?.start(uri, version, text.length);
    return TextDocument.create(uri, typeof languageId === 'string' ? languageId : '', version, text);
  },
  update(document: TextDocument, changes: unknown, version: unknown): TextDocument {
    if (!Array.isArray(changes)) throw new Error(`didChange of ${document.uri} needs contentChanges as an array: ignored`);
    if (typeof version !== 'number') throw new Error(`didChange of ${document.uri} needs a version number: ignored`);
    // Every change is checked before any is applied, so a refused notification leaves the document as it was.
    let valid: TextDocumentContentChangeEvent[];
    try {
      valid = changes.map((change: unknown, i) => checked(change, i));
    } catch (error) {
      throw new Error(`didChange of ${document.uri} ignored: ${describe(error)}`, { cause: error });
    }
    // Each change applies to the text the ones before it left, so each is clamped against that text.
    for (const change of valid) {
      const edit = clamped(document, change);
      const before = document.getText().length;
      // Ranges come start first (`checked` orders them).
      const [start, end] = 'range' in edit ? [document.offsetAt(edit.range.start), document.offsetAt(edit.range.end)] : [0, before];
      TextDocument.update(document, [edit], version);
      // The library edits exactly [start, end): the length tells, should that ever change.
      if (document.getText().length === before - (end - start) + edit.text.length)
        edits?.edited(document.uri, version, start, end, edit.text.length);
      else edits?.forget(document.uri);
    }
    return document;
  },
});
