// What must hold of every result the server gives, whatever the text: ranges
// inside the document and on UTF-16 boundaries, symbols that nest, folding
// ranges that fold, edits that change only what they say. `inspect` runs the
// parser, every check and every feature on a text and throws on the first
// violation, naming it, so property tests and hostile inputs share one oracle.
import { TextDocument } from 'vscode-languageserver-textdocument';
import type { DocumentSymbol, Position, Range, TextEdit as LspTextEdit, WorkspaceEdit } from 'vscode-languageserver-types';
import type { Problem, TextEdit } from '../../server/src/checks/check';
import { createCheckContext } from '../../server/src/checks/context';
import type { CheckContext } from '../../server/src/checks/context';
import { CHECKS } from '../../server/src/checks/registry';
import { runChecks } from '../../server/src/checks/run';
import { codeActions, FIX_ALL_KIND, REGENERATE_CONTENTS_KIND, REPLACE_FOOTER_KIND } from '../../server/src/features/codeActions';
import { codeLenses, resolveCodeLens } from '../../server/src/features/codeLens';
import { completion } from '../../server/src/features/completion';
import { definition } from '../../server/src/features/definition';
import { toDiagnostics } from '../../server/src/features/diagnostics';
import { documentLinks } from '../../server/src/features/documentLinks';
import { foldingRanges } from '../../server/src/features/folding';
import { formatting } from '../../server/src/features/formatting';
import { hover } from '../../server/src/features/hover';
import { references } from '../../server/src/features/references';
import { prepareRename, rename, RenameError } from '../../server/src/features/rename';
import { selectionRanges } from '../../server/src/features/selectionRanges';
import { semanticTokens } from '../../server/src/features/semanticTokens';
import { documentSymbols } from '../../server/src/features/symbols';
import { LineIndex } from '../../server/src/model/lineIndex';
import { parseBulletin } from '../../server/src/model/parse';
import type { BulletinDocument, Span } from '../../server/src/model/types';
import { parseOptionsFor } from '../../server/src/profile/parseOptions';
import { DEFAULT_PROFILE } from '../../server/src/profile/profile';
import { WorkspaceIndex } from '../../server/src/workspace/index';
import { ReferenceGraph } from '../../server/src/workspace/references';
import { summarize } from '../../server/src/workspace/summary';
import type { FileSpec } from './fixture';

export class Violation extends Error {}

function fail(message: string): never {
  throw new Violation(message);
}

const isHigh = (c: number): boolean => c >= 0xd800 && c <= 0xdbff;
const isLow = (c: number): boolean => c >= 0xdc00 && c <= 0xdfff;

/** True when the offset falls between the two halves of a surrogate pair. */
export function splitsPair(text: string, offset: number): boolean {
  return offset > 0 && offset < text.length && isHigh(text.charCodeAt(offset - 1)) && isLow(text.charCodeAt(offset));
}

function show(text: string, offset: number): string {
  return JSON.stringify(text.slice(Math.max(0, offset - 12), offset + 12));
}

/** A model offset: inside the text, and not inside a surrogate pair. */
export function checkOffset(text: string, offset: number, what: string): void {
  if (!Number.isInteger(offset) || offset < 0 || offset > text.length) fail(`${what}: offset ${offset} outside 0..${text.length}`);
  if (splitsPair(text, offset)) fail(`${what}: offset ${offset} splits a surrogate pair near ${show(text, offset)}`);
}

export function checkSpan(text: string, span: Span, what: string): void {
  checkOffset(text, span.start, `${what} start`);
  checkOffset(text, span.end, `${what} end`);
  if (span.start > span.end) fail(`${what}: starts at ${span.start} after its end ${span.end}`);
}

/** A protocol position: on a line of the document, within that line's text, on a UTF-16 boundary. Returns its offset. */
export function checkPosition(doc: TextDocument, text: string, p: Position, what: string): number {
  if (!Number.isInteger(p.line) || !Number.isInteger(p.character) || p.line < 0 || p.character < 0 || p.line >= doc.lineCount)
    fail(`${what}: position ${p.line}:${p.character} outside the document's ${doc.lineCount} lines`);
  const offset = doc.offsetAt(p);
  const back = doc.positionAt(offset);
  if (back.line !== p.line || back.character !== p.character) fail(`${what}: position ${p.line}:${p.character} is past its line's end`);
  if (splitsPair(text, offset)) fail(`${what}: position ${p.line}:${p.character} splits a surrogate pair near ${show(text, offset)}`);
  return offset;
}

export function checkRange(doc: TextDocument, text: string, range: Range, what: string): Span {
  const start = checkPosition(doc, text, range.start, `${what} start`);
  const end = checkPosition(doc, text, range.end, `${what} end`);
  if (start > end) fail(`${what}: range ends before it starts`);
  return { start, end };
}

const LONE_SURROGATE = /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/;

/** Text the server writes (a name, a message) cuts no character in half, unless the document itself has half characters. */
function checkWellFormed(document: string, written: string | undefined, what: string): void {
  if (written !== undefined && LONE_SURROGATE.test(written) && !LONE_SURROGATE.test(document))
    fail(`${what} cuts a character in half: ${JSON.stringify(written)}`);
}

const contains = (outer: Span, inner: Span): boolean => outer.start <= inner.start && inner.end <= outer.end;

function checkSymbols(
  doc: TextDocument,
  text: string,
  symbols: readonly DocumentSymbol[],
  parent: { name: string; span: Span } | undefined,
): void {
  let previous: { name: string; span: Span } | undefined;
  for (const s of symbols) {
    checkWellFormed(text, s.name, 'symbol name');
    checkWellFormed(text, s.detail, 'symbol detail');
    const span = checkRange(doc, text, s.range, `symbol “${s.name}” range`);
    const selection = checkRange(doc, text, s.selectionRange, `symbol “${s.name}” selectionRange`);
    if (!contains(span, selection)) fail(`symbol “${s.name}”: selectionRange outside its range`);
    if (parent && !contains(parent.span, span)) fail(`symbol “${s.name}” is not inside its parent “${parent.name}”`);
    if (previous && previous.span.end > span.start)
      fail(`symbols “${previous.name}” and “${s.name}” overlap or are out of order (${previous.span.end} > ${span.start})`);
    previous = { name: s.name, span };
    checkSymbols(doc, text, s.children ?? [], { name: s.name, span });
  }
}

/**
 * Checks LSP edits to one text: each range valid, none overlapping, and the
 * text outside them unchanged when applied (by `TextDocument.applyEdits`, in
 * any order, twice alike). Returns the new text.
 */
export function checkLspEdits(text: string, edits: readonly LspTextEdit[], what: string): string {
  const doc = TextDocument.create('file:///edited', 'bulletin', 1, text);
  const spans = edits
    .map((e, i) => ({ ...checkRange(doc, text, e.range, `${what} edit ${i}`), newText: e.newText }))
    .sort((a, b) => a.start - b.start || a.end - b.end);
  for (let i = 1; i < spans.length; i++) {
    const a = spans[i - 1]!;
    const b = spans[i]!;
    if (a.end > b.start || (a.start === a.end && b.start === b.end && a.start === b.start))
      fail(`${what}: edits ${JSON.stringify(a)} and ${JSON.stringify(b)} overlap`);
  }
  const applied = TextDocument.applyEdits(doc, [...edits]);
  if (TextDocument.applyEdits(doc, [...edits].reverse()) !== applied) fail(`${what}: the result depends on the order of the edits`);
  if (TextDocument.applyEdits(doc, [...edits]) !== applied) fail(`${what}: applying twice gives two results`);
  // Walk the result: before, between and after the edits it must be the old text, byte for byte.
  let from = 0;
  let at = 0;
  for (const span of spans) {
    const kept = text.slice(from, span.start);
    if (applied.slice(at, at + kept.length) !== kept) fail(`${what}: text before offset ${span.start} changed`);
    at += kept.length;
    if (applied.slice(at, at + span.newText.length) !== span.newText) fail(`${what}: the edit at ${span.start} did not write its text`);
    at += span.newText.length;
    from = span.end;
  }
  const rest = text.slice(from);
  if (applied.slice(at) !== rest) fail(`${what}: text after offset ${from} changed`);
  return applied;
}

/** Checks offset edits of the model: inside the text, on boundaries, and exactly what the protocol ranges say. */
export function checkModelEdits(text: string, positions: LineIndex, edits: readonly TextEdit[], what: string): void {
  edits.forEach((e, i) => {
    checkSpan(text, e, `${what} edit ${i}`);
    // An offset the protocol cannot express (inside a CRLF) would make the editor change other text.
    if (positions.offsetAt(positions.positionAt(e.start)) !== e.start || positions.offsetAt(positions.positionAt(e.end)) !== e.end)
      fail(`${what} edit ${i}: offsets ${e.start}..${e.end} do not survive the conversion to a range`);
  });
}

export interface InspectOptions {
  readonly uri?: string;
  /** Other bulletins of the workspace. */
  readonly others?: readonly FileSpec[];
  /** Quick fixes for every diagnostic, source actions and rename (slow on huge texts; default true). */
  readonly edits?: boolean;
  /** Formatting, whole document and a range, both reflow settings (default true). */
  readonly format?: boolean;
  /** Offsets for selection ranges and hovers (default: a few spread over the text). */
  readonly offsets?: readonly number[];
  /** Names tried when renaming. */
  readonly newNames?: readonly string[];
}

export interface Inspection {
  readonly text: string;
  readonly doc: BulletinDocument;
  readonly document: TextDocument;
  readonly context: CheckContext;
  readonly problems: readonly Problem[];
  readonly symbols: readonly DocumentSymbol[];
  readonly foldingLines: readonly (readonly [number, number])[];
  /** Each semantic token as its offsets and type index. */
  readonly tokens: readonly (Span & { readonly type: number })[];
  /** How many renames, code actions and formats were checked. */
  readonly checkedEdits: number;
  /** Milliseconds the parse and the checks took (the checks of the invariants not counted). */
  readonly checkTime: number;
  /** Milliseconds symbols, folding, tokens, selection ranges, hovers and links took. */
  readonly featureTime: number;
}

const words = (text: string): string[] => text.split(/\s+/).filter((w) => w.length > 0);

/** Runs everything on the text and checks every invariant; throws a `Violation` (or the server's own error) on the first failure. */
export function inspect(text: string, options: InspectOptions = {}): Inspection {
  const uri = options.uri ?? 'file:///ws/rca-2011-12-issue.bulletin';
  const parseOptions = parseOptionsFor(DEFAULT_PROFILE);
  const index = new WorkspaceIndex();
  const otherTexts = new Map<string, string>();
  for (const other of options.others ?? []) {
    otherTexts.set(other.uri, other.text);
    index.set(summarize(parseBulletin(other.text, parseOptions), other.uri, new LineIndex(other.text)));
  }
  const checkStarted = performance.now();
  const doc = parseBulletin(text, parseOptions);
  const document = TextDocument.create(uri, 'bulletin', 1, text);
  const positions = new LineIndex(text);
  index.set(summarize(doc, uri, positions));
  const context = createCheckContext(doc, uri, index, DEFAULT_PROFILE);
  // Every check on its own, so a throw names the check; sorted as `runChecks` sorts them.
  const problems = CHECKS.flatMap((check) => {
    try {
      return runChecks(context, { checks: [check] });
    } catch (error) {
      return fail(`check ${check.code} threw: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
    }
  }).sort((a, b) => a.start - b.start);
  const checkTime = performance.now() - checkStarted;

  if (doc.text !== text) fail('the document does not keep its text');
  for (const paragraph of doc.paragraphs) checkSpan(text, paragraph, 'paragraph');
  for (const article of doc.articles) checkSpan(text, article, 'article');
  for (const p of problems) {
    checkWellFormed(text, p.message, `${p.code} message`);
    for (const fix of p.fixes ?? []) checkWellFormed(text, fix.title, `${p.code} fix title`);
    checkSpan(text, p, `${p.code} finding`);
    for (const r of p.related ?? []) if (!r.uri) checkSpan(text, r, `${p.code} related`);
    for (const fix of p.fixes ?? []) checkModelEdits(text, positions, fix.edits, `${p.code} fix “${fix.title}”`);
  }
  const diagnostics = toDiagnostics(problems, document, uri);
  for (const d of diagnostics) {
    checkRange(document, text, d.range, `diagnostic ${String(d.code)}`);
    for (const r of d.relatedInformation ?? []) {
      if (r.location.uri === uri) checkRange(document, text, r.location.range, `diagnostic ${String(d.code)} related`);
      else {
        const other = otherTexts.get(r.location.uri);
        if (other === undefined) fail(`diagnostic ${String(d.code)}: related information in unknown file ${r.location.uri}`);
        checkRange(
          TextDocument.create(r.location.uri, 'bulletin', 1, other),
          other,
          r.location.range,
          `diagnostic ${String(d.code)} related`,
        );
      }
    }
  }

  const featuresStarted = performance.now();
  const symbols = documentSymbols(doc, document);
  const folding = foldingRanges(doc, document);
  const { data } = semanticTokens(doc, document);
  // Spread over the text, and where features have something to say: references, headlines, bylines.
  const offsets = options.offsets ?? [0, text.length >> 2, text.length >> 1, (3 * text.length) >> 2, text.length];
  const interesting = [
    ...context.resolutions().flatMap((r) => r.titles.flatMap((t) => [t.start, t.end])),
    ...doc.articles.flatMap((a) => [a.headline?.start, a.byline?.start, a.byline?.authors[0]?.end]),
    ...(doc.contents?.entries.flatMap((e) => [e.start, e.byline?.end]) ?? []),
  ].filter((o): o is number => o !== undefined);
  const safeOffsets = [...offsets, ...interesting.slice(0, 40)].filter((o) => o >= 0 && o <= text.length && !splitsPair(text, o));
  const selections = selectionRanges(doc, document, safeOffsets);
  const hovers = safeOffsets.map((offset) => hover(context, document, offset));
  const links = documentLinks(context, document);
  const featureTime = performance.now() - featuresStarted;

  const graph = new ReferenceGraph(index);
  const documents = new Map<string, { doc: TextDocument; text: string }>([[uri, { doc: document, text }]]);
  for (const [otherUri, otherText] of otherTexts)
    documents.set(otherUri, { doc: TextDocument.create(otherUri, 'bulletin', 1, otherText), text: otherText });
  const checkLocation = (locationUri: string, range: Range, what: string): void => {
    const target = documents.get(locationUri);
    if (!target) fail(`${what}: a location in unknown file ${locationUri}`);
    checkRange(target.doc, target.text, range, what);
  };
  for (const offset of safeOffsets) {
    for (const link of definition(context, document, offset)) {
      if (link.originSelectionRange) checkRange(document, text, link.originSelectionRange, `definition at ${offset} origin`);
      checkLocation(link.targetUri, link.targetRange, `definition at ${offset} target`);
      checkLocation(link.targetUri, link.targetSelectionRange, `definition at ${offset} target selection`);
    }
    for (const location of references(context, graph, offset, true)) checkLocation(location.uri, location.range, `references at ${offset}`);
    for (const item of completion(context, document, offset)) {
      checkWellFormed(text, item.label, `completion at ${offset}`);
      const edit = item.textEdit;
      if (edit && 'range' in edit) checkRange(document, text, edit.range, `completion “${item.label}” at ${offset}`);
    }
  }
  for (const lens of codeLenses(context)) {
    checkRange(document, text, lens.range, 'code lens');
    const resolved = resolveCodeLens(context, graph, lens);
    if (!resolved.command) fail(`code lens at line ${lens.range.start.line} resolved without a command`);
    const places = (resolved.command.arguments?.[2] ?? []) as readonly { uri: string; range: Range }[];
    for (const place of places) checkLocation(place.uri, place.range, `code lens at line ${lens.range.start.line}`);
  }

  checkSymbols(document, text, symbols, undefined);
  const foldingLines = folding.map((r) => {
    if (!(r.startLine >= 0 && r.startLine < r.endLine && r.endLine < document.lineCount))
      fail(`folding range ${r.startLine}..${r.endLine} in a document of ${document.lineCount} lines`);
    return [r.startLine, r.endLine] as const;
  });

  if (data.length % 5 !== 0) fail('semantic tokens: data is not in fives');
  const tokens: (Span & { type: number })[] = [];
  let line = 0;
  let character = 0;
  let previousEnd = 0;
  for (let i = 0; i < data.length; i += 5) {
    line += data[i]!;
    character = data[i] === 0 ? character + data[i + 1]! : data[i + 1]!;
    const length = data[i + 2]!;
    if (length <= 0) fail(`semantic token ${i / 5}: length ${length}`);
    const span = checkRange(
      document,
      text,
      { start: { line, character }, end: { line, character: character + length } },
      `semantic token ${i / 5}`,
    );
    if (span.start < previousEnd) fail(`semantic token ${i / 5} overlaps the one before it`);
    previousEnd = span.end;
    tokens.push({ ...span, type: data[i + 3]! });
  }

  selections.forEach((selection, i) => {
    let inner: Span = { start: safeOffsets[i]!, end: safeOffsets[i]! };
    for (let s: typeof selection | undefined = selection; s; s = s.parent) {
      const span = checkRange(document, text, s.range, `selection range at ${safeOffsets[i]}`);
      if (!contains(span, inner)) fail(`selection range at ${safeOffsets[i]}: a parent does not contain its child`);
      inner = span;
    }
  });
  safeOffsets.forEach((offset, i) => {
    const h = hovers[i];
    const contents = h?.contents;
    if (contents && typeof contents === 'object' && 'value' in contents) checkWellFormed(text, contents.value, `hover at ${offset}`);
    if (h?.range) {
      const span = checkRange(document, text, h.range, `hover at ${offset}`);
      if (offset < span.start || offset > span.end) fail(`hover at ${offset}: its range does not hold the offset`);
    }
  });
  for (const link of links) {
    const span = checkRange(document, text, link.range, 'document link');
    if (!link.target) fail('document link without a target');
    if (/^(?:https?|mailto):/.test(link.target) && text.slice(span.start, span.end) !== link.target)
      fail(`document link ${link.target} does not cover its URL`);
  }

  let checkedEdits = 0;
  if (options.edits ?? true) {
    const editsIn = (edit: WorkspaceEdit | undefined, what: string): void => {
      for (const [editUri, edits] of Object.entries(edit?.changes ?? {})) {
        const target = editUri === uri ? text : otherTexts.get(editUri);
        if (target === undefined) fail(`${what}: edits an unknown file ${editUri}`);
        checkLspEdits(target, edits, what);
        checkedEdits++;
      }
    };
    for (const d of diagnostics) {
      for (const action of codeActions(context, problems, document, { diagnostics: [d] }))
        editsIn(action.edit, `quick fix “${action.title}”`);
    }
    for (const action of codeActions(context, problems, document, {
      diagnostics: [],
      only: [FIX_ALL_KIND, REGENERATE_CONTENTS_KIND, REPLACE_FOOTER_KIND],
    }))
      editsIn(action.edit, `source action “${action.title}”`);

    const places: number[] = [];
    for (const article of doc.articles) {
      if (article.headline) places.push(article.headline.start, (article.headline.start + article.headline.end) >> 1, article.headline.end);
    }
    for (const resolution of context.resolutions()) for (const title of resolution.titles) places.push(title.start, title.end);
    const names = options.newNames ?? ['OIL TOWN STILL WAITS'];
    for (const offset of places) {
      if (splitsPair(text, offset)) continue;
      try {
        const prepared = prepareRename(context, document, offset);
        checkRange(document, text, prepared.range, `prepareRename at ${offset}`);
      } catch (error) {
        if (error instanceof RenameError) continue;
        throw error;
      }
      for (const name of names) {
        let edit: WorkspaceEdit;
        try {
          edit = rename(context, graph, offset, name);
        } catch (error) {
          if (error instanceof RenameError) continue;
          throw error;
        }
        editsIn(edit, `rename at ${offset} to ${JSON.stringify(name)}`);
      }
    }
  }
  if (options.format ?? true) {
    for (const reflow of ['overlong', 'all'] as const) {
      const formats: [string, Span | undefined][] = [
        ['document', undefined],
        ['range', { start: text.length >> 2, end: text.length >> 1 }],
      ];
      for (const [what, range] of formats) {
        const edits = formatting(context, document, { reflow }, range);
        const formatted = checkLspEdits(text, edits, `formatting (${reflow}) of the ${what}`);
        checkedEdits++;
        const before = words(text);
        const after = words(formatted);
        if (before.length !== after.length || before.some((w, i) => w !== after[i]))
          fail(`formatting (${reflow}) of the ${what} added or dropped a word`);
      }
    }
  }
  return { text, doc, document, context, problems, symbols, foldingLines, tokens, checkedEdits, checkTime, featureTime };
}
