import { describe, expect, test } from 'vitest';
import { formatEdits } from '../../server/src/features/formatting';
import { DEFAULT_PROFILE } from '../../server/src/profile/profile';
import { analyse, applyEdits, clean, sample } from '../support/fixture';

const words = (t: string): string[] => t.split(/\s+/).filter((w) => w.length > 0);

function format(text: string, reflow: 'overlong' | 'all' = 'overlong', width?: number): string {
  const profile = width ? { ...DEFAULT_PROFILE, emailWidth: width } : DEFAULT_PROFILE;
  const { context } = analyse(text, { profile });
  return applyEdits(text, formatEdits(context, { reflow }));
}

describe('formatting', () => {
  test('the sample: long prose lines rewrapped, headings, bylines, URLs, dividers and footer untouched, no word added or dropped', () => {
    const text = sample();
    const formatted = format(text);
    expect(words(formatted)).toEqual(words(text));
    expect(formatted).toContain('A state of emergency was imposed in Janaozen and will last until January\n5.');
    const footer = text.indexOf('**** http://iwpr.net/ ****', text.indexOf('Interview conducted by Dina Tokbaeva'));
    expect(formatted.slice(formatted.length - (text.length - footer))).toBe(text.slice(footer));
    for (const kept of [
      'By Saule Mukhametrakhimova\n',
      '**** NEW \nKYRGYZSTAN ELECTION UPDATES 2011: http://iwpr.net/focus/kyrgyz-election-2011\n',
      'IWPR: How much leverage does the EU have?\n',
    ]) {
      expect(formatted).toContain(kept);
    }
    // Exactly two blank lines between articles.
    expect(formatted).toContain('Almaz Rysaliev is IWPR editor in Kazakstan.\n\n\nMoscow will find it hard');
    expect(formatted).not.toMatch(/Kazakstan\.\n\n\n\nMoscow/);
  });

  test('formatting twice changes nothing more', () => {
    const once = format(sample());
    expect(format(once)).toBe(once);
  });

  test('the clean bulletin is already formatted', () => {
    expect(format(clean())).toBe(clean());
  });

  test('reflow "all" fills every prose paragraph to the width and keeps every word, on generated text', () => {
    let seed = 7;
    const random = (): number => (seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648;
    const vocabulary = [
      'the',
      'Kazak',
      'government',
      'said',
      'oil',
      'workers',
      '“quoted”',
      'Janaozen’s',
      '(See',
      'Title.)',
      'and',
      'http://iwpr.net/x',
      'a',
      'very-long-hyphenated-word',
    ];
    const paragraph = (): string => {
      const n = 5 + Math.floor(random() * 60);
      const ws = Array.from({ length: n }, () => vocabulary[Math.floor(random() * vocabulary.length)]!);
      let out = '';
      for (const w of ws) out += out.length === 0 ? w : random() < 0.15 ? `\n${w}` : ` ${w}`;
      return `${out}.`;
    };
    for (let round = 0; round < 30; round++) {
      const body = Array.from({ length: 6 }, paragraph).join('\n\n');
      const text = `POWER CUTS RETURN\n\nStandfirst here.\n\nBy Dina Tokbaeva\n\n${body}\n`;
      const formatted = format(text, 'all', 50);
      expect(words(formatted)).toEqual(words(text));
      // Every line fits, unless it is one word too long to break.
      for (const line of formatted.split('\n')) expect(line.length <= 50 || !line.includes(' '), line).toBe(true);
    }
  });

  test('a range formats only the paragraphs it touches', () => {
    const text =
      'STORY\n\nStandfirst.\n\nBy Dina Tokbaeva\n\nFirst paragraph that is far too long for a forty-column email width.\n\nSecond paragraph that is also far too long for a forty-column email.\n';
    const { context } = analyse(text, { profile: { ...DEFAULT_PROFILE, emailWidth: 40 } });
    const second = text.indexOf('Second');
    const formatted = applyEdits(text, formatEdits(context, { reflow: 'overlong' }, { start: second, end: second + 5 }));
    expect(formatted).toContain('First paragraph that is far too long for a forty-column email width.');
    expect(formatted).toContain('Second paragraph that is also far too\nlong for a forty-column email.');
  });
});
