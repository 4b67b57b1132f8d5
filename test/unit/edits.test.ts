import { describe, expect, test } from 'vitest';
import { contentsText } from '../../server/src/edits/contents';
import { footerText } from '../../server/src/edits/footer';
import { wrap } from '../../server/src/edits/wrap';
import { restyle, titleCase, wrapLike } from '../../server/src/features/retitle';
import { parseBulletin } from '../../server/src/model/parse';
import { applyEdits, clean, problemsOf } from '../support/fixture';

describe('wrap', () => {
  test('fills lines up to the width, keeps the double spaces of contents entries where no break falls', () => {
    expect(wrap('POWER CUTS RETURN  Analyst explains why the lights go out.  By Dina Tokbaeva', 30, '\n')).toBe(
      'POWER CUTS RETURN  Analyst\nexplains why the lights go\nout.  By Dina Tokbaeva',
    );
    expect(wrap('a verylongwordthatcannotbreak b', 10, '\r\n')).toBe('a\r\nverylongwordthatcannotbreak\r\nb');
  });
});

describe('retitling for rename', () => {
  test('Title Case keeps the old spelling of words it had (EU, Kazak) and small words low', () => {
    expect(titleCase("KAZAKSTAN'S UNHAPPY OIL WORKERS")).toBe("Kazakstan's Unhappy Oil Workers");
    expect(titleCase('POLICE ROUND UP MEN AFTER THE VIOLENCE')).toBe('Police Round Up Men After the Violence');
    expect(titleCase('EU PRESSES KAZAK LEADERS', 'EU Presses Kazak Leaders Again')).toBe('EU Presses Kazak Leaders');
    expect(titleCase('ANTI-MONOPOLY BODY')).toBe('Anti-Monopoly Body');
  });

  test('a wrapped title breaks where the first line is filled to the width', () => {
    expect(wrapLike("Kazakstan's Discontented Oil Workers", "Kazakstan's Unhappy Oil\nWorkers", 47, 72)).toBe(
      "Kazakstan's Discontented\nOil Workers",
    );
    expect(wrapLike('A B C', 'A\r\n  B', 70, 72)).toBe('A\r\n  B C');
    expect(wrapLike('Unwrapped Title', 'Old Title', 0, 72)).toBe('Unwrapped Title');
  });

  test('restyle: capitals stay capitals, a reference without the country prefix stays without', () => {
    expect(restyle('KAZAKSTAN: OIL TOWN STILL WAITS', 'KAZAKSTAN: OIL TOWN WAITS', 'KAZAKSTAN: OIL TOWN WAITS', 0, 72)).toBe(
      'KAZAKSTAN: OIL TOWN STILL WAITS',
    );
    expect(restyle('KAZAKSTAN: OIL TOWN STILL WAITS', 'Oil Town Waits', 'KAZAKSTAN: OIL TOWN WAITS', 0, 72)).toBe('Oil Town Still Waits');
    expect(restyle('KAZAKSTAN: OIL TOWN STILL WAITS', 'Kazakstan: Oil Town Waits', 'KAZAKSTAN: OIL TOWN WAITS', 0, 72)).toBe(
      'Kazakstan: Oil Town Still Waits',
    );
  });
});

describe('generated text', () => {
  test('the contents of the clean bulletin, regenerated, are what it has', () => {
    const text = clean();
    const doc = parseBulletin(text);
    const generated = contentsText(doc, 70, '\n');
    expect(generated.split('\n\n').map((e) => e.replace(/\s+/g, ' '))).toEqual(
      text
        .slice(doc.contents!.start, doc.contents!.end)
        .split('\n\n')
        .map((e) => e.replace(/\s+/g, ' ')),
    );
  });

  test('the footer template takes the year and the document line breaks', () => {
    expect(footerText('A\n\nISSN: 1 Copyright © {{year}} X\n', 2011, '\r\n')).toBe('A\r\n\r\nISSN: 1 Copyright © 2011 X');
  });
});

describe('fixes that copy between the contents and the articles', () => {
  const ARTICLE = '\n\nPOWER CUTS RETURN\n\nAnalyst explains why the lights go out every winter.\n\nBy Dina Tokbaeva\n\nBody.\n';

  test('headline.missing offers the headline the contents list, inserted above the standfirst', () => {
    const text = 'POWER CUTS RETURN  Analyst explains why.  By Dina Tokbaeva\n\n\nAnalyst explains why.\n\nBy Dina Tokbaeva\n\nBody.\n';
    const [problem] = problemsOf('headline.missing', text);
    expect(problem!.message).toContain('The contents list it as “POWER CUTS RETURN”.');
    expect(applyEdits(text, problem!.fixes![0]!.edits)).toBe(text.replace('\n\n\nAnalyst', '\n\n\nPOWER CUTS RETURN\n\nAnalyst'));
  });

  test('a standfirst copied either way changes only the entry or only the standfirst', () => {
    const text = `POWER CUTS RETURN  promises have not been kept.  By Dina Tokbaeva\n${ARTICLE}`;
    const [problem] = problemsOf('contents.standfirst-mismatch', text);
    const [toContents, toArticle] = problem!.fixes!;
    expect(applyEdits(text, toContents!.edits)).toBe(
      text.replace(
        'POWER CUTS RETURN  promises have not been kept.  By Dina Tokbaeva',
        'POWER CUTS RETURN  Analyst explains why the lights go out every winter.\nBy Dina Tokbaeva',
      ),
    );
    expect(applyEdits(text, toArticle!.edits)).toBe(
      text.replace('Analyst explains why the lights go out every winter.\n', 'promises have not been kept.\n'),
    );
  });

  test('a byline copied either way', () => {
    const text = `POWER CUTS RETURN  Analyst explains why the lights go out every winter.  By Saule Mukhametrakhimova\n${ARTICLE}`;
    const [problem] = problemsOf('contents.byline-mismatch', text);
    const [toContents, toArticle] = problem!.fixes!;
    // 72 columns: the entry rewraps before its byline.
    expect(applyEdits(text, toContents!.edits)).toBe(text.replace('winter.  By Saule Mukhametrakhimova\n', 'winter.\nBy Dina Tokbaeva\n'));
    expect(applyEdits(text, toArticle!.edits)).toBe(text.replace('\nBy Dina Tokbaeva\n', '\nBy Saule Mukhametrakhimova\n'));
  });
});
