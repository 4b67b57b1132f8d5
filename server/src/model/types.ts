// The bulletin's document model. Every node carries UTF-16 offsets into the
// document text; nothing here knows about lines, LSP or the file system.
// An offset added to an article, a block or a contents entry is to be moved
// in `shift.ts` too.

export interface Span {
  readonly start: number;
  readonly end: number;
}

/** A run of non-blank lines. `end` is the end of its last line's text. */
export interface Paragraph extends Span {
  readonly lineCount: number;
  /** End of the first line's text. */
  readonly firstLineEnd: number;
  /** Start of the last line. */
  readonly lastLineStart: number;
  /** Blank lines between this paragraph and whatever came before it. */
  readonly blanksBefore: number;
}

export type DividerKind = 'asterisks' | 'url';

/** A `****` line: a plain divider, a `**** URL ****` divider or a notice header. */
export interface Divider extends Span {
  readonly kind: DividerKind;
  readonly blanksBefore: number;
}

export interface NoticeHeader extends Span {
  /** What follows the asterisks: `NEW`, `IWPR RESOURCES`, `www.iwpr.net`. */
  readonly title: Span;
  readonly blanksBefore: number;
}

/** A titled piece of text with its normalised form for matching. */
export interface Text extends Span {
  readonly text: string;
}

export interface IssueDate {
  readonly year: number;
  readonly month: number;
  readonly day?: number;
}

export interface Masthead extends Span {
  /** `REPORTING CENTRAL ASIA`, `TRIBUNAL UPDATE`. */
  readonly publication?: Text;
  readonly number?: Text & { readonly value: number; readonly part?: string };
  readonly date?: Text & { readonly value: IssueDate };
}

export interface Author extends Span {
  readonly name: string;
  readonly place?: string;
}

export type BylineProblem = 'keyword-case' | 'colon' | 'trailing-full-stop' | 'no-name';

export interface Byline extends Span {
  /** The `By` word (or `by`, `By:`). */
  readonly keyword: Span;
  readonly authors: readonly Author[];
  readonly problems: readonly BylineProblem[];
}

export type SectionLabel = Text;

export interface Headline extends Text {
  /** `KYRGYZSTAN` in `KYRGYZSTAN: REBELS WITHOUT COMMON CAUSE`. */
  readonly country?: string;
}

export type SpeakerRole = 'question' | 'answer';

/** A speaker turn: the paragraph opening with `IWPR:` or `Name:` and the paragraphs after it up to the next turn. */
export interface Turn extends Span {
  readonly role: SpeakerRole;
  readonly label: Text;
  readonly paragraphs: readonly Paragraph[];
}

export interface SignOff extends Span {
  readonly kind: 'author-note' | 'interview';
  /** The person the sign-off names, with its offsets. */
  readonly person: Text;
}

export type CrossReferenceProblem = 'comma-without-issue' | 'missing-close-paren' | 'missing-full-stop' | 'full-stop-outside';

/** An issue named in a cross-reference: `RCA No. 574, 24-Apr-09`. */
export interface Citation extends Text {
  readonly publication: string;
  readonly number: number;
  readonly date?: IssueDate;
}

/** `(See Title and Other Title.)` or, in running text, `see Title.` */
export interface CrossReference extends Span {
  readonly kind: 'parenthetical' | 'running';
  /** The words naming one or more titles, before any citation or `on this`. */
  readonly target: Text;
  /** Offsets (inside `target`) of each ` and ` that may separate two titles. */
  readonly conjunctions: readonly Span[];
  readonly citation?: Citation;
  readonly problems: readonly CrossReferenceProblem[];
}

export interface Article extends Span {
  readonly label?: SectionLabel;
  readonly headline?: Headline;
  readonly standfirst?: Paragraph;
  readonly byline?: Byline;
  /** Paragraphs after the byline (or after the head when the byline is missing). */
  readonly body: readonly Paragraph[];
  /** Byline-shaped paragraphs found inside the body. */
  readonly strayBylines: readonly Byline[];
  readonly turns: readonly Turn[];
  readonly signOff?: SignOff;
  readonly crossReferences: readonly CrossReference[];
}

export interface ContentsEntry extends Span {
  readonly paragraph: Paragraph;
  readonly headline?: Text;
  readonly standfirst?: Text;
  readonly byline?: Byline;
}

export interface Contents extends Span {
  readonly entries: readonly ContentsEntry[];
  readonly labels: readonly SectionLabel[];
}

export interface Notice extends Span {
  readonly label: Text;
  readonly url?: Text;
}

export interface NoticeBlock extends Span {
  readonly header?: NoticeHeader;
  readonly notices: readonly Notice[];
}

export type FooterElement =
  { readonly type: 'divider'; readonly divider: Divider } | { readonly type: 'paragraph'; readonly paragraph: Paragraph };

/** The part of the footer between two dividers. */
export interface FooterBlock extends Span {
  readonly divider?: Divider;
  readonly paragraphs: readonly Paragraph[];
}

export interface Footer extends Span {
  readonly elements: readonly FooterElement[];
  readonly blocks: readonly FooterBlock[];
}

/** A section label and the articles that follow it. */
export interface Section extends Span {
  readonly label?: SectionLabel;
  readonly articles: readonly Article[];
}

export interface BulletinDocument {
  readonly text: string;
  readonly masthead?: Masthead;
  readonly contents?: Contents;
  readonly notices: readonly NoticeBlock[];
  readonly dividers: readonly Divider[];
  readonly articles: readonly Article[];
  readonly sections: readonly Section[];
  readonly footer?: Footer;
  /** Every paragraph of the document in order, for checks that read all prose. */
  readonly paragraphs: readonly Paragraph[];
  /** Paragraphs that belong to no region (e.g. stray text before the first article). */
  readonly strays: readonly Paragraph[];
}
