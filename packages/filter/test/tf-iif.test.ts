import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from '@jest/globals';
import type { Doc } from '@ntl/core';
import { loadUdhr } from '@ntl/langid';
import { buildWordlists, computeTfIif, CountMinSketch, FrequentItems, tfIifFilter, writeTfIifTable } from '@ntl/filter';
import { countersOf, makeDoc, runFilter } from './filter-harness.js';

const LANGUAGES = ['eng_Latn', 'deu_Latn', 'hau_Latn', 'swh_Latn'];
const SPAM = 'bitcoin casino bonus jackpot';
const SEED_ARTICLES = new Set(Array.from({ length: 15 }, (_, i) => `udhr:article-${i + 1}`));

/** Seed = articles 1–15; crawl = the rest, one document per article and language, with spam injected into every Hausa page. */
async function fixture(): Promise<{ seed: Map<string, Set<string>>; crawl: Doc[] }> {
  const udhr = (await loadUdhr()).filter((item) => LANGUAGES.includes(item.tag));
  const seed = new Map([...buildWordlists(udhr.filter((item) => SEED_ARTICLES.has(item.docId)))].map(([tag, list]) => [tag, new Set(list)]));
  const pages = new Map<string, string[]>();
  for (const item of udhr) {
    if (SEED_ARTICLES.has(item.docId)) continue;
    const key = `${item.tag} ${item.docId}`;
    pages.set(key, [...(pages.get(key) ?? []), item.text]);
  }
  const crawl = [...pages].map(([key, sentences]) => {
    const [tag = ''] = key.split(' ');
    const text = tag === 'hau_Latn' ? [...sentences, SPAM].join('\n') : sentences.join('\n');
    return makeDoc(key, text, tag);
  });
  return { seed, crawl };
}

describe('computeTfIif', () => {
  it('finds boilerplate injected into one language’s crawl, with bounded tables', async () => {
    const { seed, crawl } = await fixture();
    const hausaPages = crawl.filter((doc) => doc.lang?.tag === 'hau_Latn').length;
    for (const options of [{}, { capacity: 40, sketchWidth: 4096, sketchDepth: 3 }]) {
      const table = await computeTfIif(crawl, { ...options, wordlists: seed });
      const hausa = table.languages['hau_Latn'];
      expect(hausa?.docs).toBe(hausaPages);
      expect(hausa?.reference).toBe('wordlist');
      // The injected tokens are flagged; so are a few genuine words the small seed lacks, which a reviewer would
      // strike — harmless either way, since only units dominated by flagged tokens are dropped.
      expect(hausa?.anomalous).toEqual(expect.arrayContaining(SPAM.split(' ')));
      expect(hausa?.anomalous).not.toContain('da');
      const casino = hausa?.top.find((entry) => entry.token === 'casino');
      expect(casino?.count).toBe(hausaPages);
      expect(casino?.inWordlist).toBe(false);
      // Genuine frequent Hausa words rank high too, but the seed wordlist marks them.
      expect(hausa?.top[0]).toMatchObject({ token: 'da', inWordlist: true });
      for (const tag of ['eng_Latn', 'deu_Latn', 'swh_Latn']) expect(table.languages[tag]?.anomalous.filter((token) => SPAM.includes(token))).toEqual([]);
    }
  });

  it('flags nothing for a language without a reference wordlist', async () => {
    const { crawl } = await fixture();
    const table = await computeTfIif(crawl, { top: 5 });
    expect(table.languages['hau_Latn']).toMatchObject({ reference: 'none', anomalous: [] });
    expect(table.languages['hau_Latn']?.top).toHaveLength(5);
    await expect(computeTfIif(crawl, { top: 0 })).rejects.toThrow('top must be a positive integer, got 0');
  });
});

describe('filter.tfiif', () => {
  it('drops documents dominated by anomalous tokens and keeps pages that only carry some', async () => {
    const { seed, crawl } = await fixture();
    const dir = mkdtempSync(join(tmpdir(), 'ntl-tfiif-'));
    const path = join(dir, 'tfiif.json');
    writeTfIifTable(path, await computeTfIif(crawl, { wordlists: seed }));
    const genuine = crawl.find((doc) => doc.id === 'hau_Latn udhr:article-16') as Doc;
    const { docs, stats } = await runFilter(tfIifFilter, { table: path }, [
      makeDoc('spam', `${SPAM} ${SPAM} da`, 'hau_Latn'),
      genuine,
      makeDoc('xx', 'Some text.', 'fra_Latn'),
    ]);
    const share = (doc: Doc | undefined): unknown => (doc?.meta['filters'] as { tfiif: { document: unknown } }).tfiif.document;
    expect(share(docs[0])).toEqual({ scores: { share: 0.8889, tokens: 9 }, drop: 'anomalous_tokens' });
    expect(docs[0]?.drop).toEqual({ filter: 'filter.tfiif', reason: 'anomalous_tokens' });
    expect(docs[1]?.drop).toBeUndefined();
    expect((share(docs[1]) as { scores: { share: number } }).scores.share).toBeLessThan(0.2);
    expect(countersOf(stats, 'filter.tfiif')).toMatchObject({ 'dropped.anomalous_tokens': 1, kept: 1, 'skipped.no-tfiif-list': 1 });
  });

  it('warns when the table has no reference for a language, and once when there is no table at all', async () => {
    const { crawl } = await fixture();
    const path = join(mkdtempSync(join(tmpdir(), 'ntl-tfiif-')), 'tfiif.json');
    writeTfIifTable(path, await computeTfIif(crawl));
    const { docs, warnings } = await runFilter(tfIifFilter, { table: path }, [makeDoc('spam', SPAM, 'hau_Latn'), makeDoc('spam2', SPAM, 'hau_Latn')]);
    expect(docs.map((doc) => doc.drop)).toEqual([undefined, undefined]);
    expect(warnings.map((warning) => warning['skipped'])).toEqual(['no-reference']);
    const untabled = await runFilter(tfIifFilter, {}, [makeDoc('a', SPAM, 'hau_Latn'), makeDoc('b', SPAM, 'eng_Latn')]);
    expect(untabled.docs.map((doc) => doc.drop)).toEqual([undefined, undefined]);
    expect(untabled.warnings.map((warning) => warning['skipped'])).toEqual(['no-table']);
    expect(countersOf(untabled.stats, 'filter.tfiif')).toMatchObject({ 'skipped.no-table': 2 });
  });
});

describe('bounded tables', () => {
  it('count-min never undercounts; Misra–Gries keeps items above n/(k+1)', () => {
    const sketch = new CountMinSketch(64, 4);
    const frequent = new FrequentItems(3);
    const stream = [...'aaaaaaaaaabbbbbbcd'.split(''), ...Array.from({ length: 40 }, (_, i) => `x${i}`), ...'aaaaaaaaaa'.split('')];
    for (const item of stream) {
      sketch.add(item);
      frequent.add(item);
    }
    expect(sketch.estimate('a')).toBeGreaterThanOrEqual(20);
    expect(sketch.estimate('b')).toBeGreaterThanOrEqual(6);
    // a: 20 of 68 > 68/4 = 17
    expect(frequent.items()).toContain('a');
    expect(frequent.items().length).toBeLessThanOrEqual(3);
    expect(() => new CountMinSketch(0, 1)).toThrow('positive integer width and depth');
  });
});
