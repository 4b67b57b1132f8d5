import { describe, expect, test } from 'vitest';
import { detached, forgetRememberedStrings, kept, rememberingStrings } from '../../server/src/model/detach';

describe('detached copies', () => {
  const text = `${'x'.repeat(100)} Kazakstan's unhappy oil workers ${'y'.repeat(100)}`;
  const slice = (from: string): string => text.slice(text.indexOf(from), text.indexOf(from) + 31);

  test('copy every list and object, with the same strings', () => {
    const value = { title: slice('Kazakstan'), places: [3, 9], parts: [{ start: 1, words: [slice('Kazakstan')] }] };
    const copy = detached(value);
    expect(copy).toEqual(value);
    expect(copy).not.toBe(value);
    expect(copy.places).not.toBe(value.places);
    expect(copy.parts[0]).not.toBe(value.parts[0]);
  });

  test('a kept list is not copied again, in whatever it is detached with; what holds it still is', () => {
    const part = kept([[slice('Kazakstan'), 1, true, [0, 9]]]);
    expect(detached(part)).toBe(part);
    const article = [[part, 0] as const, [[['Janaozen', 2, false, [4, 12]]], 40] as const];
    const copy = detached(article);
    expect(copy).toEqual(article);
    expect(copy).not.toBe(article);
    expect(copy[0]![0]).toBe(part);
    expect(copy[1]![0]).not.toBe(article[1]![0]);
  });
});

describe('answers remembered by string', () => {
  test('are given again without computing them, until forgotten; then computed anew', () => {
    const asked: string[] = [];
    const upper = rememberingStrings((text: string) => {
      asked.push(text);
      return text.toUpperCase();
    }, 10);
    expect([upper('oil'), upper('oil'), upper('gas')]).toEqual(['OIL', 'OIL', 'GAS']);
    expect(asked).toEqual(['oil', 'gas']);
    forgetRememberedStrings();
    expect(upper('oil')).toBe('OIL');
    expect(asked).toEqual(['oil', 'gas', 'oil']);
  });
});
