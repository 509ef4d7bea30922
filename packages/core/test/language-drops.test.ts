import { languageDrops, languageDropsTable } from '../src/report/language-drops.js';
import type { StatsSnapshot } from '../src/stats.js';

const snapshot = (counters: Record<string, number>): StatsSnapshot => ({ counters, timings: {}, events: {} });

const stats = snapshot({
  'filter.wordlist.docs_in': 9,
  'filter.wordlist.lang.amh_Ethi.sentences.kept': 7,
  'filter.wordlist.lang.amh_Ethi.sentences.dropped.low_wordlist_share': 3,
  'filter.wordlist.lang.amh_Ethi.sentences.skipped.no-tokens': 4,
  'filter.heuristics.lang.amh_Ethi.kept': 2,
  'filter.heuristics.lang.amh_Ethi.dropped.too_few_words': 1,
  'filter.heuristics.lang.amh_Ethi.dropped.short_words': 1,
  'filter.heuristics.lang.deu_Latn.would_drop.too_few_words': 5,
  'filter.heuristics.dropped.too_few_words': 1,
});

test('per-language kept and dropped counts by filter and unit; skips and totals are not counted', () => {
  const drops = languageDrops(stats);
  expect([...drops.keys()].sort()).toEqual(['amh_Ethi', 'deu_Latn']);
  expect(drops.get('amh_Ethi')?.get('filter.wordlist')).toEqual({ documents: { kept: 0, dropped: 0 }, sentences: { kept: 7, dropped: 3 } });
  expect(drops.get('amh_Ethi')?.get('filter.heuristics')).toEqual({ documents: { kept: 2, dropped: 2 }, sentences: { kept: 0, dropped: 0 } });
  expect(drops.get('deu_Latn')?.get('filter.heuristics')?.documents).toEqual({ kept: 0, dropped: 5 });
});

test('the table follows pipeline order and draws each bar with its counts', () => {
  const html = languageDropsTable(languageDrops(stats), ['crawl.read', 'filter.heuristics', 'filter.wordlist']);
  expect(html.indexOf('<th>filter.heuristics</th>')).toBeLessThan(html.indexOf('<th>filter.wordlist</th>'));
  expect(html).toContain('<title>sentences: 7 kept, 3 dropped</title><rect width="56" height="8" fill="#54aeff"/><rect x="56" width="24"');
  expect(html).toContain('<title>documents: 2 kept, 2 dropped</title><rect width="40"');
  expect(html).toContain('d 5/5');
  expect(languageDropsTable(new Map(), ['filter.heuristics'])).toBe('');
});
