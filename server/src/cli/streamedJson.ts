// A JSON document written as `JSON.stringify(document, null, 2)` would write it, but with one of its lists written
// item by item as the items come: a report on thousands of files is not held whole before it is printed.

/** Where the list goes in the document: a string no report holds. */
const LIST = `bulletin-list-${Math.random().toString(36).slice(2)}`;
const LIST_JSON = JSON.stringify(LIST);

/** The document's text before and after its list, and how far the list's items are indented. */
function around(document: unknown): { before: string; after: string; indent: number } {
  const json = JSON.stringify(document, null, 2);
  const at = json.indexOf(LIST_JSON);
  if (at < 0 || json.indexOf(LIST_JSON, at + 1) >= 0) throw new Error('the document must hold the list exactly once');
  const lineStart = json.lastIndexOf('\n', at) + 1;
  let indent = lineStart;
  while (json.charCodeAt(indent) === 0x20) indent++;
  return { before: json.slice(0, at), after: json.slice(at + LIST_JSON.length), indent: indent - lineStart };
}

export class StreamedList {
  /** Stands for the list in the documents given. */
  static readonly LIST = LIST;
  private items = 0;
  private readonly before: string;
  private readonly pad: string;

  /** `start` is the document with `StreamedList.LIST` where the list goes: what comes after it may change until `end`. */
  constructor(
    start: unknown,
    private readonly write: (text: string) => void,
  ) {
    const { before, indent } = around(start);
    this.before = before;
    this.pad = ' '.repeat(indent + 2);
  }

  add(item: unknown): void {
    const json = JSON.stringify(item, null, 2).split('\n').join(`\n${this.pad}`);
    this.write(`${this.items++ === 0 ? `${this.before}[\n` : ',\n'}${this.pad}${json}`);
  }

  /** `end` is the whole document, again with `StreamedList.LIST` where the list goes; its text before the list must not have changed. */
  end(end: unknown): void {
    const { before, after, indent } = around(end);
    if (before !== this.before) throw new Error('the document changed before its list');
    this.write(`${this.items === 0 ? `${before}[]` : `\n${' '.repeat(indent)}]`}${after}\n`);
  }
}
