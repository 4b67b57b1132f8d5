// Bulletins of any size built from the sample's structure: its articles (with
// their interviews and references), given headlines, a contents list, notices,
// cross-references between the generated articles, and the footer. Also the
// same content as Markdown, for the comparison with VS Code's Markdown service.
import { githubSlugifier } from 'vscode-markdown-languageservice';

interface Part {
  readonly standfirst: string;
  readonly byline: string;
  readonly body: string;
}

const COUNTRIES = ['KAZAKSTAN', 'KYRGYZSTAN', 'TAJIKISTAN', 'UZBEKISTAN', 'TURKMENISTAN'];
const WORDS = [
  'OIL',
  'TOWN',
  'WAITS',
  'STRIKERS',
  'PROTEST',
  'POWER',
  'CUTS',
  'ELECTION',
  'REFORM',
  'BORDER',
  'WATER',
  'TALKS',
  'COURT',
  'MEDIA',
  'MINERS',
];

/** Splits the sample into its preamble, its articles and its footer. */
export function sampleParts(sample: string): { head: string; articles: Part[]; footer: string } {
  const lines = sample.split('\n');
  const firstArticle = lines.findIndex((l) => l.startsWith('MEP pressing'));
  const footerAt = lines.findIndex(
    (l, i) => i > firstArticle && l.startsWith('**** http') && lines[i + 2]?.startsWith('REPORTING CENTRAL ASIA provides'),
  );
  const chunks = lines
    .slice(firstArticle, footerAt)
    .join('\n')
    .split(/\n\n\n+/);
  const articles = chunks.map((chunk) => {
    const [standfirst, byline, ...body] = chunk.split(/\n\n/);
    return { standfirst: standfirst!, byline: byline!, body: body.join('\n\n') };
  });
  return { head: lines.slice(0, firstArticle).join('\n'), articles, footer: lines.slice(footerAt).join('\n') };
}

function headline(n: number): string {
  const a = WORDS[n % WORDS.length]!;
  const b = WORDS[Math.floor(n / WORDS.length) % WORDS.length]!;
  return `${COUNTRIES[n % COUNTRIES.length]}: ${a} ${b} REPORT ${n}`;
}

function titleCase(h: string): string {
  return h
    .slice(h.indexOf(':') + 2)
    .toLowerCase()
    .replace(/\b\w/g, (c) => c.toUpperCase());
}

export interface Generated {
  readonly bulletin: string;
  readonly markdown: string;
  readonly articles: number;
}

/**
 * A bulletin of at least `bytes` characters. `offset` numbers the articles (so
 * issues of an archive have distinct headlines); `issue` adds a masthead.
 */
export function generate(
  sample: string,
  bytes: number,
  options: { offset?: number; issue?: { number: number; date: string } } = {},
): Generated {
  const { articles: parts, footer } = sampleParts(sample);
  const offset = options.offset ?? 0;
  const chosen: { headline: string; part: Part }[] = [];
  let size = 0;
  for (let i = 0; size < bytes; i++) {
    const part = parts[i % parts.length]!;
    chosen.push({ headline: headline(offset + i), part });
    size += part.standfirst.length + part.byline.length + part.body.length + 80;
  }
  const reference = (i: number): string => titleCase(chosen[(i + 1) % chosen.length]!.headline);
  const masthead = options.issue ? `WELCOME TO IWPR'S REPORTING CENTRAL ASIA, No. ${options.issue.number}, ${options.issue.date}\n\n` : '';
  const contents = chosen.map(({ headline: h, part }) => `${h}  ${part.standfirst.replace(/\n/g, ' ')}  ${part.byline}`).join('\n\n');
  const body = chosen.map(
    ({ headline: h, part }, i) =>
      `${h}\n\n${part.standfirst}\n\n${part.byline}\n\n${part.body}\n\nMore on this story. (See ${reference(i)}.)`,
  );
  const bulletin = `${masthead}${contents}\n\n**** NEW\nVACANCIES: http://iwpr.net/what-we-do/vacancies\n\n\n${body.join('\n\n\n')}\n\n${footer}`;
  const md = chosen.map(({ headline: h, part }, i) => {
    const target = reference(i);
    const slug = githubSlugifier.fromHeading(chosen[(i + 1) % chosen.length]!.headline).value;
    return `# ${h}\n\n${part.standfirst}\n\n${part.byline}\n\n${part.body}\n\nMore on this story. (See [${target}](#${slug}).)`;
  });
  const markdown = `${contents}\n\n${md.join('\n\n')}\n\n${footer}`;
  return { bulletin, markdown, articles: chosen.length };
}
