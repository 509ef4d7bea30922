/**
 * The synthetic crawl's plan: which languages the pages claim, which kind each page is, its site, URL,
 * claims and text, with the truth of every sentence. Pure: same text and options, same plan.
 */
import { parseTag } from '@ntl/core';
import type { HeldOutText } from './held-out-text.js';
import { hasHomoglyphs, homoglyphs } from './homoglyphs.js';
import { bcp47, CONTACT_LANGUAGES, contactLanguage, RELATED_GROUPS, relatedLanguages } from './language-neighbours.js';
import { legacyFontDevanagari } from './legacy-font.js';
import { MOJIBAKE_CHARSETS, mojibake } from './mojibake.js';
import { allocatePages, DEFAULT_MIX, DEFAULT_MIX_JITTER, PAGE_KINDS, validateMix, type NoiseKind, type PageKind, type PageMix } from './page-kinds.js';
import { BODY_BOILERPLATE, ENGLISH_SITES, sitesFor, type Site } from './site-chrome.js';
import { nameList, seoSpam } from './spam-text.js';
import { SynthRandom } from './synth-random.js';
import { truthText, type TruthSentence } from './truth.js';
import { isSpaceless, joinWords, letterWords, splitWords } from './words.js';

export const DEFAULT_SYNTH_LANGUAGES = 50;
export const DEFAULT_PAGES_PER_LANGUAGE = 20;
/** A language needs this many held-out sentences to be claimed by pages (UDHR's held-out articles give ~15). */
export const MIN_SENTENCES = 5;

export interface SynthPlanOptions {
  seed: number;
  /** How many languages pages claim (default 50). */
  languages?: number;
  /** Pages per claimed language (default 20). */
  pages?: number;
  /** Share of each page kind (default DEFAULT_MIX); missing kinds get 0. */
  mix?: Partial<Record<PageKind, number>>;
  /** Per-language spread around the mix (default DEFAULT_MIX_JITTER, 0 = every language gets the mix). */
  mixJitter?: number;
  /** Claimed languages to use instead of the default choice. */
  aboutLanguages?: readonly string[];
}

export interface PlannedPage {
  about: string;
  kind: PageKind;
  flavor?: string;
  site: Site;
  url: string;
  claims: { htmlLang: string | null; urlLang: string; contentLanguage: string | null };
  date: Date;
  title: TruthSentence;
  /** The article body: blocks of sentences (one paragraph or list item each). */
  blocks: TruthSentence[][];
  blockType: 'p' | 'li';
  /** The language the body's text was taken from (its script sets word joins and text direction). */
  bodyTag: string;
  metaKeywords?: string;
  fontFamily?: string;
  /** Index in `pages` of the page this one copies. */
  nearDuplicateOf?: number;
  lang: string | null;
  noise: NoiseKind | null;
  generatedMs: number;
}

export interface SynthPlan {
  seed: number;
  about: string[];
  pages: PlannedPage[];
  /** Sentences taken again after a language's held-out pool ran out (the pool is small: UDHR ~15, FLORES 99). */
  reusedSentences: number;
}

export class SynthPlanError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'SynthPlanError';
  }
}

/** Cycles through one language's sentences in a seeded order; counts takes after the first pass. */
class SentencePool {
  private next = 0;
  reused = 0;
  constructor(private readonly sentences: readonly string[]) {}
  take(): string {
    if (this.next >= this.sentences.length) this.reused++;
    return this.sentences[this.next++ % this.sentences.length] as string;
  }
}

const RTL_SCRIPTS: ReadonlySet<string> = new Set(['Arab', 'Hebr', 'Thaa', 'Syrc', 'Nkoo', 'Adlm']);
const LEGACY_FONT = 'Kruti Dev 010';
const ENGLISH = 'eng_Latn';
const scriptOf = (tag: string) => parseTag(tag).script;

/** Languages with at least MIN_SENTENCES held-out sentences. */
function usableLanguages(text: HeldOutText): Set<string> {
  return new Set([...text.sentences].filter(([, s]) => s.length >= MIN_SENTENCES).map(([tag]) => tag));
}

/** Languages pages may claim: big contact languages left out, members of related groups first, then the rest in tag order. */
export function claimableLanguages(text: HeldOutText): string[] {
  const set = usableLanguages(text);
  const available = [...set];
  const grouped = RELATED_GROUPS.flat().filter((tag, i, all) => set.has(tag) && all.indexOf(tag) === i && relatedLanguages(tag, set).length > 0);
  const rest = available.filter((tag) => !grouped.includes(tag)).sort();
  return [...grouped, ...rest].filter((tag) => !CONTACT_LANGUAGES.has(tag) && contactLanguage(tag, set) !== undefined);
}

export function planSynthCrawl(text: HeldOutText, options: SynthPlanOptions): SynthPlan {
  const languages = options.languages ?? DEFAULT_SYNTH_LANGUAGES;
  const pagesPerLanguage = options.pages ?? DEFAULT_PAGES_PER_LANGUAGE;
  const jitter = options.mixJitter ?? DEFAULT_MIX_JITTER;
  if (!(Number.isInteger(languages) && languages >= 1)) throw new SynthPlanError(`languages must be a positive integer, got ${languages}`);
  if (!(Number.isInteger(pagesPerLanguage) && pagesPerLanguage >= 1)) throw new SynthPlanError(`pages must be a positive integer, got ${pagesPerLanguage}`);
  if (!(jitter >= 0 && jitter < 1)) throw new SynthPlanError(`mixJitter must be in [0, 1), got ${jitter}`);
  let mix: PageMix;
  try {
    mix = options.mix ? validateMix(options.mix) : DEFAULT_MIX;
  } catch (error) {
    throw new SynthPlanError((error as Error).message);
  }
  const usable = usableLanguages(text);
  if (!usable.has(ENGLISH)) throw new SynthPlanError(`the ${text.source} text has no ${ENGLISH} (needed for boilerplate, code-switching and wrong-language pages)`);
  let about: string[];
  if (options.aboutLanguages) {
    const missing = options.aboutLanguages.filter((tag) => !usable.has(tag));
    if (missing.length) throw new SynthPlanError(`no held-out ${text.source} text (≥ ${MIN_SENTENCES} sentences) for ${missing.join(', ')}`);
    about = [...options.aboutLanguages];
  } else {
    const claimable = claimableLanguages(text);
    if (claimable.length < languages) {
      throw new SynthPlanError(`asked for ${languages} languages, but the ${text.source} text has ${claimable.length} that pages can claim (≥ ${MIN_SENTENCES} held-out sentences, not a big contact language)`);
    }
    about = claimable.slice(0, languages);
  }

  const root = new SynthRandom(options.seed);
  const pools = new Map<string, SentencePool>();
  const pool = (tag: string): SentencePool => {
    let p = pools.get(tag);
    if (!p) pools.set(tag, (p = new SentencePool(root.fork(`pool|${tag}`).shuffled(text.sentences.get(tag) ?? []))));
    return p;
  };
  const deva = [...usable].filter((tag) => scriptOf(tag) === 'Deva').sort((a, b) => Number(b === 'hin_Deva') - Number(a === 'hin_Deva') || (a < b ? -1 : 1));
  if (deva.length === 0 && mix['wrong-script'] > 0) throw new SynthPlanError(`the ${text.source} text has no Devanagari language for legacy-font pages: set the wrong-script share to 0`);

  const pages: PlannedPage[] = [];
  for (const x of about) {
    const random = root.fork(`language|${x}`);
    const related = relatedLanguages(x, usable);
    const contact = contactLanguage(x, usable) ?? ENGLISH;
    const weights = jitteredMix(mix, jitter, random.fork('mix'), related.length > 0);
    const counts = allocatePages(pagesPerLanguage, weights);
    const kinds = random.fork('kinds').shuffled(PAGE_KINDS.filter(isOriginalKind).flatMap((k) => Array<OriginalKind>(counts[k]).fill(k)));
    const context: LanguageContext = { x, related, contact, deva, pool, sites: sitesFor(contact) };
    const originals: number[] = [];
    let n = 0;
    for (const kind of kinds) {
      const page = buildPage(context, kind, random.fork(`page|${n}`), n);
      if (kind === 'in-language' || kind === 'foreign-boilerplate') originals.push(pages.length);
      pages.push(page);
      n++;
    }
    for (let i = 0; i < counts['near-duplicate']; i++, n++) {
      const pageRandom = random.fork(`page|${n}`);
      if (originals.length === 0) {
        // Nothing in X to copy yet: the page is an original instead.
        originals.push(pages.length);
        pages.push(buildPage(context, 'in-language', pageRandom, n));
        continue;
      }
      const original = originals[pageRandom.int(0, originals.length - 1)] as number;
      pages.push(nearDuplicate(context, pages[original] as PlannedPage, original, pageRandom, n));
    }
  }
  const urls = new Set(pages.map((p) => p.url));
  if (urls.size !== pages.length) throw new SynthPlanError('two pages got the same URL: claimed languages must have distinct BCP 47 codes');
  // A crawl interleaves hosts and languages; near-duplicate links follow the shuffle.
  const order = root.fork('order').shuffled(pages.map((_, i) => i));
  const position = new Map(order.map((from, to) => [from, to]));
  const shuffled = order.map((from) => {
    const page = pages[from] as PlannedPage;
    return page.nearDuplicateOf === undefined ? page : { ...page, nearDuplicateOf: position.get(page.nearDuplicateOf) as number };
  });
  return { seed: options.seed, about, pages: shuffled, reusedSentences: [...pools.values()].reduce((sum, p) => sum + p.reused, 0) };
}

type OriginalKind = Exclude<PageKind, 'near-duplicate'>;
const isOriginalKind = (kind: PageKind): kind is OriginalKind => kind !== 'near-duplicate';

function jitteredMix(mix: PageMix, jitter: number, random: SynthRandom, hasRelated: boolean): PageMix {
  const weights = Object.fromEntries(PAGE_KINDS.map((k) => [k, mix[k] * (1 + jitter * (2 * random.next() - 1))])) as Record<PageKind, number>;
  if (!hasRelated) {
    // No related language in the source: those pages are in the contact language instead.
    weights['other-language'] += weights['related-language'];
    weights['related-language'] = 0;
  }
  return weights;
}

interface LanguageContext {
  x: string;
  related: readonly string[];
  contact: string;
  /** Devanagari languages of the source, Hindi first (legacy-font pages). */
  deva: readonly string[];
  pool: (tag: string) => SentencePool;
  sites: readonly Site[];
}

interface PageText {
  title: TruthSentence;
  blocks: TruthSentence[][];
  blockType: 'p' | 'li';
  bodyTag: string;
  flavor?: string;
  metaKeywords?: string;
  fontFamily?: string;
}

const sentence = (text: string, tag: string, role: TruthSentence['role'] = 'main'): TruthSentence => ({ text: truthText(text), role, lang: tag });
const noise = (text: string, kind: NoiseKind, from: string, role: TruthSentence['role'] = 'main'): TruthSentence => ({ text: truthText(text), role, noise: kind, from });

/** The first few words of a sentence: a headline. */
function headline(text: string, tag: string, random: SynthRandom): string {
  const script = scriptOf(tag);
  const words = splitWords(text, script);
  const n = isSpaceless(script) ? random.int(3, 6) : random.int(3, 7);
  return joinWords(words.slice(0, n), script).replace(/[\p{P}\s]+$/u, '');
}

function paragraphs(context: LanguageContext, tag: string, random: SynthRandom, count: [number, number], size: [number, number]): TruthSentence[][] {
  const pool = context.pool(tag);
  return Array.from({ length: random.int(...count) }, () => Array.from({ length: random.int(...size) }, () => sentence(pool.take(), tag)));
}

/** A page whose text is in `tag`: 2–5 paragraphs of 1–4 sentences, titled by its first words. */
function prosePage(context: LanguageContext, tag: string, random: SynthRandom): PageText {
  const blocks = paragraphs(context, tag, random, [2, 5], [1, 4]);
  const first = blocks[0]?.[0]?.text ?? '';
  return { title: sentence(headline(first, tag, random), tag, 'title'), blocks, blockType: 'p', bodyTag: tag };
}

/** Every sentence of a prose page through `transform`; a sentence it leaves unchanged keeps its language. */
function transformed(page: PageText, tag: string, kind: NoiseKind, transform: (text: string) => string): PageText {
  const apply = (s: TruthSentence): TruthSentence => {
    const text = truthText(transform(s.text));
    return text === s.text ? s : noise(text, kind, tag, s.role);
  };
  return { ...page, title: apply(page.title), blocks: page.blocks.map((b) => b.map(apply)) };
}

function pageText(context: LanguageContext, kind: OriginalKind, random: SynthRandom): PageText {
  const { x } = context;
  switch (kind) {
    case 'in-language':
      return prosePage(context, x, random);
    case 'related-language': {
      // The confusable neighbour is the one written alike (srp_Cyrl has none in its script: any will do).
      const sameScript = context.related.filter((tag) => scriptOf(tag) === scriptOf(x));
      return prosePage(context, random.pick(sameScript.length ? sameScript : context.related), random);
    }
    case 'other-language':
      return prosePage(context, context.contact, random);
    case 'foreign-boilerplate': {
      const page = prosePage(context, x, random);
      const picks = random.shuffled(BODY_BOILERPLATE).slice(0, random.int(1, 3));
      const blocks = [...page.blocks];
      picks.forEach((text, i) => {
        const block = [{ ...sentence(text, ENGLISH), role: 'boilerplate' as const }];
        if (i % 2 === 0) blocks.push(block);
        else blocks.unshift(block);
      });
      return { ...page, blocks };
    }
    case 'short': {
      const pool = context.pool(x);
      const first = pool.take();
      const title = sentence(headline(first, x, random), x, 'title');
      if (random.chance(0.5)) return { title, blocks: [], blockType: 'p', bodyTag: x, flavor: 'title-only' };
      const candidates = [first, pool.take(), pool.take()].sort((a, b) => a.length - b.length);
      return { title, blocks: [[sentence(candidates[0] as string, x)]], blockType: 'p', bodyTag: x, flavor: 'one-sentence' };
    }
    case 'code-switch':
      return codeSwitchPage(context, random);
    case 'seo-spam': {
      const spam = seoSpam(random, keywordsOf(context, random));
      return {
        title: noise(spam.title, 'seo-spam', x, 'title'),
        blocks: spam.paragraphs.map((p) => [noise(p, 'seo-spam', x)]),
        blockType: 'p',
        bodyTag: x,
        metaKeywords: spam.metaKeywords,
      };
    }
    case 'name-list': {
      const list = nameList(random, keywordsOf(context, random));
      return { title: noise(list.title, 'name-list', x, 'title'), blocks: list.items.map((item) => [noise(item, 'name-list', x)]), blockType: 'li', bodyTag: x };
    }
    case 'mojibake': {
      const charset = random.pick(MOJIBAKE_CHARSETS);
      return { ...transformed(prosePage(context, x, random), x, 'mojibake', (t) => mojibake(t, charset)), flavor: charset };
    }
    case 'wrong-script': {
      const script = scriptOf(x);
      const legacySource = script === 'Deva' ? x : (context.deva[0] as string);
      if (!hasHomoglyphs(script) || random.chance(0.5)) {
        return {
          ...transformed(prosePage(context, legacySource, random), legacySource, 'legacy-font', legacyFontDevanagari),
          flavor: 'legacy-font',
          fontFamily: LEGACY_FONT,
        };
      }
      return { ...transformed(prosePage(context, x, random), x, 'homoglyph', (t) => homoglyphs(t, script)), flavor: 'homoglyph' };
    }
  }
}

/** Words of a few of X's sentences: the stuff of keyword spam and fake names. */
function keywordsOf(context: LanguageContext, random: SynthRandom): string[] {
  const pool = context.pool(context.x);
  const script = scriptOf(context.x);
  return Array.from({ length: random.int(2, 4) }, () => letterWords(pool.take(), script)).flat();
}

/**
 * X and its contact language C mixed two ways: sentences in X and in C alternating within a
 * paragraph, and sentences of X with a run of C's words inserted (insertional code-switching).
 */
function codeSwitchPage(context: LanguageContext, random: SynthRandom): PageText {
  const { x, contact } = context;
  const xPool = context.pool(x);
  const cPool = context.pool(contact);
  const sizes = Array.from({ length: random.int(2, 4) }, () => random.int(2, 4));
  // One sentence, at least, mixes within itself.
  const forced = random.int(0, sizes.reduce((a, b) => a + b, 0) - 1);
  let at = 0;
  const blocks = sizes.map((size) =>
    Array.from({ length: size }, (): TruthSentence => {
      const roll = at++ === forced ? 1 : random.next();
      if (roll < 0.4) return sentence(xPool.take(), x);
      if (roll < 0.65) return sentence(cPool.take(), contact);
      return mixedSentence(xPool.take(), cPool.take(), x, contact, random);
    }),
  );
  const first = blocks[0]?.find((s) => s.lang === x)?.text ?? xPool.take();
  return { title: sentence(headline(first, x, random), x, 'title'), blocks, blockType: 'p', bodyTag: x };
}

function mixedSentence(xText: string, cText: string, x: string, c: string, random: SynthRandom): TruthSentence {
  const xWords = splitWords(xText, scriptOf(x));
  const cWords = splitWords(cText, scriptOf(c));
  const at = random.int(Math.ceil(xWords.length / 4), Math.max(Math.ceil(xWords.length / 4), Math.floor((3 * xWords.length) / 4)));
  const length = Math.max(1, Math.round(cWords.length * (0.3 + 0.3 * random.next())));
  const start = random.int(0, Math.max(0, cWords.length - length));
  const inserted = joinWords(cWords.slice(start, start + length), scriptOf(c)).replace(/[.!?。]+$/u, '');
  const head = joinWords(xWords.slice(0, at), scriptOf(x));
  const tail = joinWords(xWords.slice(at), scriptOf(x));
  const text = truthText([head, inserted, tail].filter((part) => part !== '').join(' '));
  const xShare = Array.from(head + tail).length / Math.max(1, Array.from(head + tail + inserted).length);
  return { text, role: 'main', noise: 'code-switch', langs: [[x, round3(xShare)], [c, round3(1 - xShare)]] };
}

const round3 = (n: number) => Math.round(n * 1000) / 1000;

function buildPage(context: LanguageContext, kind: OriginalKind, random: SynthRandom, n: number): PlannedPage {
  const text = pageText(context, kind, random.fork('text'));
  return finishPage(context, kind, text, random.pick(context.sites), random, n);
}

/**
 * A copy of an earlier page about X: a mirror on another site (same text, other chrome) or an older
 * revision on the same site with a few words changed.
 */
function nearDuplicate(context: LanguageContext, original: PlannedPage, index: number, random: SynthRandom, n: number): PlannedPage {
  const base: PageText = { title: original.title, blocks: original.blocks, blockType: original.blockType, bodyTag: original.bodyTag };
  if (random.chance(0.5)) {
    const others = ENGLISH_SITES.filter((s) => s !== original.site);
    return { ...finishPage(context, 'near-duplicate', { ...base, flavor: 'mirror' }, random.pick(others), random, n), nearDuplicateOf: index };
  }
  const script = scriptOf(original.bodyTag);
  const mains = original.blocks.flatMap((b, i) => b.map((s, j) => [i, j, s] as const)).filter(([, , s]) => s.role === 'main' && splitWords(s.text, script).length >= 4);
  const edit = new Set(random.shuffled(mains).slice(0, random.int(1, 2)).map(([i, j]) => `${i}|${j}`));
  const blocks = original.blocks.map((b, i) =>
    b.map((s, j) => {
      if (!edit.has(`${i}|${j}`)) return s;
      const words = splitWords(s.text, script);
      const at = random.int(1, words.length - 2);
      const edited = random.chance(0.5) ? [...words.slice(0, at), ...words.slice(at + 1)] : [...words.slice(0, at - 1), words[at] as string, words[at - 1] as string, ...words.slice(at + 1)];
      return { ...s, text: truthText(joinWords(edited, script)) };
    }),
  );
  return { ...finishPage(context, 'near-duplicate', { ...base, blocks, flavor: 'edited' }, original.site, random, n, 'archive'), nearDuplicateOf: index };
}

function finishPage(context: LanguageContext, kind: PageKind, text: PageText, site: Site, random: SynthRandom, n: number, section?: string): PlannedPage {
  const { x } = context;
  const date = new Date(Date.UTC(random.int(2015, 2024), random.int(0, 11), random.int(1, 28)));
  const urlLang = bcp47(x).toLowerCase();
  const roll = random.next();
  const htmlLang = roll < 0.85 ? bcp47(x) : roll < 0.95 ? null : bcp47(site.chromeLang);
  const contentLanguage = random.chance(0.3) ? bcp47(x) : null;
  const main = [text.title, ...text.blocks.flat()].filter((s) => s.role !== 'boilerplate');
  const { lang, noise: noiseKind } = dominant(main);
  const page: PlannedPage = {
    about: x,
    kind,
    site,
    url: pageUrl(site, urlLang, date, text.title.text, n, section),
    claims: { htmlLang, urlLang, contentLanguage },
    date,
    title: text.title,
    blocks: text.blocks,
    blockType: text.blockType,
    bodyTag: text.bodyTag,
    lang,
    noise: noiseKind,
    generatedMs: random.int(20, 420),
  };
  if (text.flavor !== undefined) page.flavor = text.flavor;
  if (text.metaKeywords !== undefined) page.metaKeywords = text.metaKeywords;
  if (text.fontFamily !== undefined) page.fontFamily = text.fontFamily;
  return page;
}

/** The main text's language if languages hold at least half its code points, else its commonest noise. */
function dominant(sentences: readonly TruthSentence[]): { lang: string | null; noise: NoiseKind | null } {
  const langs = new Map<string, number>();
  const noises = new Map<NoiseKind, number>();
  let inLanguage = 0;
  let total = 0;
  for (const s of sentences) {
    const size = Array.from(s.text).length;
    total += size;
    const shares: Array<[string, number]> = s.langs ?? (s.lang === undefined ? [] : [[s.lang, 1]]);
    for (const [tag, share] of shares) {
      langs.set(tag, (langs.get(tag) ?? 0) + size * share);
      inLanguage += size * share;
    }
    if (shares.length === 0 && s.noise !== undefined) noises.set(s.noise, (noises.get(s.noise) ?? 0) + size);
  }
  const top = <K>(m: Map<K, number>): K | null => [...m].sort((a, b) => b[1] - a[1])[0]?.[0] ?? null;
  return inLanguage * 2 >= total && langs.size > 0 ? { lang: top(langs), noise: null } : { lang: null, noise: top(noises) };
}

function slug(title: string, n: number): string {
  const words = title.normalize('NFKD').toLowerCase().match(/[a-z0-9]+/g) ?? [];
  return [...words.slice(0, 5), String(n)].join('-');
}

function pageUrl(site: Site, urlLang: string, date: Date, title: string, n: number, section?: string): string {
  const yyyy = date.getUTCFullYear();
  const mm = String(date.getUTCMonth() + 1).padStart(2, '0');
  const prefix = section ? `/${section}` : '';
  switch (site.urlStyle) {
    case 'path':
      return `${site.scheme}://${site.host}/${urlLang}${prefix}/${yyyy}/${mm}/${slug(title, n)}.html`;
    case 'subdomain':
      return `${site.scheme}://${urlLang}.${site.host}${prefix}/${yyyy}/${mm}/${slug(title, n)}/`;
    case 'query':
      return `${site.scheme}://${site.host}${prefix}/article.php?id=${n}&lang=${urlLang}`;
  }
}

/** Whether a page's body is right-to-left. */
export function pageDirection(page: PlannedPage): 'rtl' | null {
  return RTL_SCRIPTS.has(scriptOf(page.bodyTag)) && page.flavor !== 'legacy-font' ? 'rtl' : null;
}
