import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from '@jest/globals';
import { loadUdhr } from '@ntl/langid';
import { buildWordlists, loadWordlists, saveWordlists, wordlistFilter, WordlistFolderError } from '@ntl/filter';
import { makeDoc, runFilter } from './filter-harness.js';

const LANGUAGES = ['eng_Latn', 'deu_Latn', 'hau_Latn', 'cmn_Hans', 'tha_Thai'];

describe('buildWordlists', () => {
  it('keeps the most frequent tokens seen at least minCount times, ties in code-unit order', () => {
    const lists = buildWordlists(
      [
        { tag: 'eng_Latn', text: 'b a b a c the the the' },
        { tag: 'eng_Latn', text: 'c' },
        { tag: 'hau_Latn', text: 'da' },
      ],
      { size: 3 },
    );
    expect([...lists]).toEqual([['eng_Latn', ['the', 'a', 'b']]]);
    expect(() => buildWordlists([], { size: 0 })).toThrow('size must be a positive integer, got 0');
  });

  it('saves one <tag>.txt per language and loads them back', () => {
    const dir = mkdtempSync(join(tmpdir(), 'ntl-wordlists-'));
    saveWordlists(dir, new Map([['hau_Latn', ['da', 'ya']], ['cmn_Hans', ['人人', '自由']]]));
    expect(readFileSync(join(dir, 'hau_Latn.txt'), 'utf8')).toBe('da\nya\n');
    writeFileSync(join(dir, 'README.md'), 'notes');
    expect(loadWordlists(dir)).toEqual(new Map([['cmn_Hans', new Set(['人人', '自由'])], ['hau_Latn', new Set(['da', 'ya'])]]));
    writeFileSync(join(dir, 'hausa.txt'), 'da\n');
    expect(() => loadWordlists(dir)).toThrow(`${join(dir, 'hausa.txt')}: the file name is not <tag>.txt`);
    expect(() => loadWordlists(join(dir, 'missing'))).toThrow(WordlistFolderError);
    expect(() => saveWordlists(dir, new Map([['hau_Latn', ['da ya']]]))).toThrow('token "da ya" is empty or holds white space');
  });
});

describe('filter.wordlist on UDHR', () => {
  it('keeps held-out sentences in their own language and drops mislabelled ones', async () => {
    const udhr = (await loadUdhr()).filter((item) => LANGUAGES.includes(item.tag));
    const dir = mkdtempSync(join(tmpdir(), 'ntl-wordlists-udhr-'));
    // Article 1 is held out of the seed, as crawl text would be.
    saveWordlists(dir, buildWordlists(udhr.filter((item) => item.docId !== 'udhr:article-1')));
    const firstOfArticle1 = (tag: string): string => udhr.find((item) => item.tag === tag && item.docId === 'udhr:article-1')?.text ?? '';
    const english = firstOfArticle1('eng_Latn');
    expect(english).toBe('All human beings are born free and equal in dignity and rights.');
    const docs = [
      ...['eng_Latn', 'deu_Latn', 'cmn_Hans', 'tha_Thai'].map((tag) => makeDoc(tag, firstOfArticle1(tag), tag)),
      makeDoc('eng-as-deu', english, 'deu_Latn'),
      makeDoc('eng-as-hau', english, 'hau_Latn'),
    ];
    const { docs: out, stats } = await runFilter(wordlistFilter, { wordlists: dir, level: 'document' }, docs);
    const shares = Object.fromEntries(out.map((doc) => [doc.id, (doc.meta['filters'] as { wordlist: { document: { scores: { share: number; tokens: number } } } }).wordlist.document.scores]));
    expect(shares).toEqual({
      eng_Latn: { share: 0.8333, tokens: 12 }, // 10 of 12: all but "beings" and "dignity"
      deu_Latn: { share: 0.9091, tokens: 11 },
      cmn_Hans: { share: 0.4, tokens: 15 }, // 6 of 15 character bigrams
      tha_Thai: { share: 0.9407, tokens: 135 },
      'eng-as-deu': { share: 0.0833, tokens: 12 },
      'eng-as-hau': { share: 0.0833, tokens: 12 },
    });
    expect(out.map((doc) => doc.drop?.reason ?? 'kept')).toEqual(['kept', 'kept', 'kept', 'kept', 'low_wordlist_share', 'low_wordlist_share']);
    expect(stats.get('filter.wordlist.lang.deu_Latn.dropped.low_wordlist_share')).toBe(1);
  });
});
