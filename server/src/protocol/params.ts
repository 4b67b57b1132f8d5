// Checks the params of each request before its handler reads them: a client
// that sends the wrong shape gets InvalidParams naming the field, rather than
// an empty answer, a stack trace in the log, or positions computed from NaN.
// Each check looks at the fields its handler reads and returns the params.
import { ErrorCodes, Message, ResponseError } from 'vscode-languageserver';
import type {
  CodeActionParams,
  ConnectionOptions,
  DocumentRangeFormattingParams,
  ExecuteCommandParams,
  Position,
  Range,
  ReferenceParams,
  RenameParams,
  RequestMessage,
  SelectionRangeParams,
  SemanticTokensDeltaParams,
  TextDocumentIdentifier,
  TextDocumentPositionParams,
  WorkspaceSymbolParams,
} from 'vscode-languageserver';

/**
 * JSON-RPC allows params to be left out but not to be `null`. The connection answers a request without
 * params with InvalidParams; one with `null` would reach the library's handlers, which read fields of it
 * and answer InternalError. So `null` is taken as left out.
 */
export const CONNECTION_OPTIONS: ConnectionOptions = {
  messageStrategy: {
    handleMessage: (message, next) => {
      if (!Message.isRequest(message) || message.params !== null) return next(message);
      const request: RequestMessage = { ...message, params: undefined };
      return next(request);
    },
  },
};

/** The protocol's `uinteger`. */
const MAX_UINTEGER = 2 ** 31 - 1;

const invalid = (message: string): ResponseError<void> => new ResponseError(ErrorCodes.InvalidParams, message);

type Fields = Record<string, unknown>;

function object(value: unknown, name: string): Fields {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) throw invalid(`${name} must be an object`);
  return value as Fields;
}

function string(value: unknown, name: string): string {
  if (typeof value !== 'string') throw invalid(`${name} must be a string`);
  return value;
}

function uinteger(value: unknown, name: string): number {
  if (typeof value !== 'number' || !Number.isInteger(value) || value < 0 || value > MAX_UINTEGER) {
    throw invalid(`${name} must be an integer from 0 to ${MAX_UINTEGER}`);
  }
  return value;
}

/** A position of the protocol; past the end of its line or of the document is allowed (it means the end). */
export function position(value: unknown, name = 'position'): Position {
  const p = object(value, name);
  return { line: uinteger(p.line, `${name}.line`), character: uinteger(p.character, `${name}.character`) };
}

const before = (a: Position, b: Position): boolean => a.line < b.line || (a.line === b.line && a.character < b.character);

/** A range; one whose end comes before its start is taken with its ends swapped, as document changes are. */
export function range(value: unknown, name = 'range'): Range {
  const r = object(value, name);
  const start = position(r.start, `${name}.start`);
  const end = position(r.end, `${name}.end`);
  return before(end, start) ? { start: end, end: start } : { start, end };
}

function textDocument(params: unknown): Fields {
  const p = object(params, 'params');
  string(object(p.textDocument, 'textDocument').uri, 'textDocument.uri');
  return p;
}

/** Requests on a whole document: symbols, folding, semantic tokens, code lenses, links, formatting, diagnostics. */
export function documentParams<P extends { textDocument: TextDocumentIdentifier }>(params: P): P {
  const p = textDocument(params);
  if (p.previousResultId !== undefined && p.previousResultId !== null) string(p.previousResultId, 'previousResultId');
  return params;
}

/** `codeLens/resolve`: a lens as the server listed it, its data naming its issue and its headline's key. */
export function codeLensParams(params: unknown): { range: Range; data: { uri: string; key: string } } {
  const lens = object(params, 'params');
  const data = object(lens.data, 'data');
  return { range: range(lens.range), data: { uri: string(data.uri, 'data.uri'), key: string(data.key, 'data.key') } };
}

export function semanticTokensDeltaParams(params: SemanticTokensDeltaParams): SemanticTokensDeltaParams {
  string(textDocument(params).previousResultId, 'previousResultId');
  return params;
}

/** `bulletin/visibleRange`: the lines of a document the editor shows. */
export interface VisibleRangeParams {
  readonly textDocument: TextDocumentIdentifier;
  readonly range: Range;
}

export function visibleRangeParams(params: unknown): VisibleRangeParams {
  const p = textDocument(params);
  return { textDocument: { uri: (p.textDocument as TextDocumentIdentifier).uri }, range: range(p.range) };
}

/** Requests at a position: definition, hover, completion, prepare rename. */
export function positionParams<P extends TextDocumentPositionParams>(params: P): P {
  return { ...params, position: position(textDocument(params).position) };
}

export function referenceParams(params: ReferenceParams): ReferenceParams {
  const valid = positionParams(params);
  const includeDeclaration = object(params.context, 'context').includeDeclaration;
  if (typeof includeDeclaration !== 'boolean') throw invalid('context.includeDeclaration must be a boolean');
  return valid;
}

export function renameParams(params: RenameParams): RenameParams {
  const valid = positionParams(params);
  string(params.newName, 'newName');
  return valid;
}

export function codeActionParams(params: CodeActionParams): CodeActionParams {
  const p = textDocument(params);
  const valid = { ...params, range: range(p.range) };
  const context = object(p.context, 'context');
  if (!Array.isArray(context.diagnostics)) throw invalid('context.diagnostics must be an array');
  context.diagnostics.forEach((d: unknown, i) => range(object(d, `context.diagnostics[${i}]`).range, `context.diagnostics[${i}].range`));
  if (context.only !== undefined && context.only !== null) {
    if (!Array.isArray(context.only) || context.only.some((kind) => typeof kind !== 'string')) {
      throw invalid('context.only must be an array of strings');
    }
  }
  return valid;
}

export function selectionRangeParams(params: SelectionRangeParams): SelectionRangeParams {
  const p = textDocument(params);
  if (!Array.isArray(p.positions)) throw invalid('positions must be an array');
  return { ...params, positions: p.positions.map((value: unknown, i) => position(value, `positions[${i}]`)) };
}

export function rangeFormattingParams(params: DocumentRangeFormattingParams): DocumentRangeFormattingParams {
  return { ...params, range: range(textDocument(params).range) };
}

export function workspaceSymbolParams(params: WorkspaceSymbolParams): WorkspaceSymbolParams {
  string(object(params, 'params').query, 'query');
  return params;
}

/** The server's commands take the URI of an open bulletin as their one argument. */
export function commandParams(params: ExecuteCommandParams, commands: readonly string[]): ExecuteCommandParams & { uri: string } {
  const p = object(params, 'params');
  const command = string(p.command, 'command');
  if (!commands.includes(command)) throw invalid(`Unknown command ${command}: the server runs ${commands.join(', ')}`);
  if (!Array.isArray(p.arguments) || typeof p.arguments[0] !== 'string') {
    throw invalid(`${command} takes the URI of an open bulletin as its argument`);
  }
  return { ...params, uri: p.arguments[0] };
}

export function uriParams<P extends { uri: string }>(params: P): P {
  string(object(params, 'params').uri, 'uri');
  return params;
}
