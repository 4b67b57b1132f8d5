// The part before the first article: contents entries, section labels and notices.
import { asSectionLabel, isSectionLabel } from './article';
import type { Block } from './blocks';
import { parseByline } from './byline';
import { detached } from './detach';
import { movedContentsEntryInPlace } from './shift';
import { isCapitalWord, textAt, trimSpan } from './text';
import type { Byline, Contents, ContentsEntry, Divider, Notice, NoticeBlock, NoticeHeader, Paragraph, SectionLabel, Text } from './types';

const NOTICE = /^([^:\n\r]{2,80}?):\s*((?:https?:\/\/|www\.|mailto:)\S*)?/;

/** `LABEL: URL` (the URL may sit on the next line). */
export function parseNotice(text: string, paragraph: Paragraph): Notice | undefined {
  const raw = text.slice(paragraph.start, Math.min(paragraph.end, paragraph.start + 400));
  const m = NOTICE.exec(raw);
  if (!m || !m[2]) return undefined;
  const label = textAt(text, paragraph.start, paragraph.start + m[1]!.length);
  const urlAt = paragraph.start + m.index + m[0].length - m[2].length;
  return { start: paragraph.start, end: paragraph.end, label, url: textAt(text, urlAt, urlAt + m[2].length) };
}

/** Finds the inline byline of a contents entry: the last `By` after a sentence end or a wide gap. */
function entryByline(text: string, paragraph: Paragraph): Byline | undefined {
  const raw = text.slice(paragraph.start, paragraph.end);
  const pattern = /\bby:?(?=\s)/gi;
  let found: Byline | undefined;
  // Trimmed once: each candidate trimming the paragraph's trailing spaces again would be quadratic.
  const end = trimSpan(text, paragraph.start, paragraph.end).end;
  for (let m = pattern.exec(raw); m; m = pattern.exec(raw)) {
    if (!opensByline(raw, m.index)) continue;
    const byline = parseByline(text, paragraph.start + m.index, end);
    if (byline) found = byline;
  }
  return found;
}

/** A `By` opens the entry's byline after a sentence end, two spaces or a line break. */
function opensByline(raw: string, at: number): boolean {
  let i = at;
  let gap = 0;
  while (i > 0 && /\s/.test(raw.charAt(i - 1))) {
    if (raw.charAt(i - 1) === '\n' || raw.charAt(i - 1) === '\r') return true;
    i--;
    gap++;
  }
  if (i === 0) return true;
  return gap >= 2 || (gap >= 1 && /[.!?’”"'…]/.test(raw.charAt(i - 1)));
}

interface Word {
  readonly start: number;
  readonly end: number;
  readonly gapAfter: string;
}

function leadingCapitals(text: string, from: number, to: number): Text | undefined {
  const raw = text.slice(from, to);
  const pattern = /(\S+)(\s*)/g;
  const run: Word[] = [];
  for (let m = pattern.exec(raw); m; m = pattern.exec(raw)) {
    if (!isCapitalWord(m[1]!) && !/^(?:[:–—-]|\d[\d.,%-]*)$/.test(m[1]!)) break;
    run.push({ start: from + m.index, end: from + m.index + m[1]!.length, gapAfter: m[2]! });
    if (run.length > 30) return undefined;
  }
  let last = -1;
  run.forEach((word, i) => {
    if (/ {2,}|[\r\n]/.test(word.gapAfter) || word.end === to) last = i;
  });
  if (last < 0 && run.length >= 3) last = run.length - 2;
  if (last < 1) return undefined;
  return textAt(text, run[0]!.start, run[last]!.end);
}

export function parseContentsEntry(text: string, paragraph: Paragraph): ContentsEntry {
  const byline = entryByline(text, paragraph);
  const bodyEnd = byline ? byline.start : paragraph.end;
  const headline = leadingCapitals(text, paragraph.start, bodyEnd);
  const standfirst = textAt(text, headline ? headline.end : paragraph.start, bodyEnd);
  return {
    start: paragraph.start,
    end: paragraph.end,
    paragraph,
    ...(headline ? { headline } : {}),
    ...(standfirst.end > standfirst.start ? { standfirst } : {}),
    ...(byline ? { byline } : {}),
  };
}

/**
 * Entries already read, by paragraph: the parse keeps a paragraph's object only while its text is unchanged (an
 * edit above it moves it in place, and its entry with it).
 */
const readEntries = new WeakMap<Paragraph, ContentsEntry>();

/**
 * The contents entry of the paragraph, read once per paragraph (kept across edits, so holding none of the text).
 * After an edit above it, the entry is moved where its paragraph now stands: reading the list again took a
 * keystroke near the top of a long issue a millisecond, and the entries' keys and pairing with it.
 */
function contentsEntryOf(text: string, paragraph: Paragraph): ContentsEntry {
  let entry = readEntries.get(paragraph);
  if (!entry) readEntries.set(paragraph, (entry = Object.assign({}, detached(parseContentsEntry(text, paragraph)), { paragraph })));
  else if (entry.start !== paragraph.start) movedContentsEntryInPlace(entry, paragraph.start - entry.start);
  return entry;
}

export interface Preamble {
  readonly contents?: Contents;
  readonly notices: NoticeBlock[];
  readonly dividers: Divider[];
  readonly strays: Paragraph[];
}

/** Reads the blocks before the first article. */
export function parsePreamble(text: string, blocks: readonly Block[]): Preamble {
  const entries: ContentsEntry[] = [];
  const labels: SectionLabel[] = [];
  const notices: NoticeBlock[] = [];
  const dividers: Divider[] = [];
  const strays: Paragraph[] = [];
  let inNotices = false;
  // The contents list is one run: once notices or dividers follow its entries, it has ended.
  let contentsEnded = false;
  const endContents = (): void => {
    inNotices = true;
    if (entries.length > 0 || labels.length > 0) contentsEnded = true;
  };
  let block: { header?: NoticeHeader; notices: Notice[]; start: number; end: number } | undefined;
  const closeBlock = (): void => {
    if (block && (block.header || block.notices.length > 0)) {
      notices.push({
        start: block.start,
        end: block.end,
        notices: block.notices,
        ...(block.header ? { header: block.header } : {}),
      });
    }
    block = undefined;
  };
  for (const item of blocks) {
    if (item.type === 'notice-header') {
      closeBlock();
      endContents();
      block = { header: item.header, notices: [], start: item.header.start, end: item.header.end };
      continue;
    }
    if (item.type === 'divider') {
      dividers.push(item.divider);
      if (block?.header && block.notices.length === 0 && item.divider.kind === 'asterisks' && item.divider.blanksBefore === 0) {
        block.end = item.divider.end;
        continue;
      }
      closeBlock();
      endContents();
      continue;
    }
    const paragraph = item.paragraph;
    const notice = inNotices ? parseNotice(text, paragraph) : undefined;
    if (notice) {
      block ??= { notices: [], start: paragraph.start, end: paragraph.end };
      block.notices.push(notice);
      block.end = paragraph.end;
      continue;
    }
    if (contentsEnded) {
      strays.push(paragraph);
      continue;
    }
    if (isSectionLabel(text, paragraph)) {
      labels.push(asSectionLabel(text, paragraph));
      continue;
    }
    const entry = contentsEntryOf(text, paragraph);
    if (!inNotices || entry.byline) entries.push(entry);
    else strays.push(paragraph);
  }
  closeBlock();
  const first = entries[0] ?? labels[0];
  const last = entries[entries.length - 1];
  const contents: Contents | undefined =
    first && (entries.length > 0 || labels.length > 0)
      ? {
          start: Math.min(first.start, labels[0]?.start ?? first.start),
          end: Math.max(last?.end ?? 0, labels[labels.length - 1]?.end ?? 0),
          entries,
          labels,
        }
      : undefined;
  return Object.assign(contents ? { contents } : {}, { notices, dividers, strays });
}
