/**
 * Text that is made of words but is not language: keyword stuffing and lists of names and numbers —
 * the "repeated n-grams" and list pages Caswell et al. 2020 §3 found dominating some languages'
 * corpora, and the "non-linguistic content" of Kreutzer et al. 2022's audit categories.
 */
import type { SynthRandom } from './synth-random.js';

/** The commercial words SEO pages repeat around their keywords. */
const SEO_TERMS = [
  'free download', 'best price', 'online', '2024', 'cheap', 'mp3', 'hd video', 'watch online', 'near me', 'lyrics',
  'pdf', 'login', 'apk', 'full movie', 'today', 'latest news', 'top 10', 'discount', 'official site', 'wallpaper',
];
const SEPARATORS = [', ', ' | ', ' - ', ' · ', ' '];

export interface SeoSpam {
  title: string;
  paragraphs: string[];
  metaKeywords: string;
}

/** Keyword stuffing around a few of X's words: 2–3 paragraphs of 12–30 repeated keyword phrases. */
export function seoSpam(random: SynthRandom, words: readonly string[]): SeoSpam {
  const local = random.shuffled([...new Set(words)]).slice(0, random.int(3, 6));
  const terms = random.shuffled(SEO_TERMS).slice(0, random.int(2, 4));
  const keywords = local.length ? [...local, ...terms] : terms;
  const phrase = () => {
    const n = random.int(1, 3);
    return Array.from({ length: n }, () => random.pick(keywords)).join(' ');
  };
  const paragraphs = Array.from({ length: random.int(2, 3) }, () => {
    const separator = random.pick(SEPARATORS);
    return Array.from({ length: random.int(12, 30) }, phrase).join(separator);
  });
  const title = `${phrase()} ${random.pick(terms)} - ${phrase()} ${random.int(2019, 2024)}`;
  return { title, paragraphs, metaKeywords: keywords.join(', ') };
}

export interface NameList {
  title: string;
  items: string[];
}

const capitalise = (word: string) => {
  const [first = '', ...rest] = Array.from(word);
  return first.toLocaleUpperCase() + rest.join('');
};

/** A results table, directory or score list: names made of X's words, with numbers. */
export function nameList(random: SynthRandom, words: readonly string[]): NameList {
  const pool = words.length ? words : ['A', 'B', 'C'];
  const name = () => `${capitalise(random.pick(pool))} ${capitalise(random.pick(pool))}`;
  const phone = () => `+${random.int(20, 299)} ${random.int(700, 999)} ${random.int(100, 999)} ${String(random.int(0, 9999)).padStart(4, '0')}`;
  const count = random.int(8, 25);
  const year = random.int(2015, 2024);
  const format = random.int(0, 2);
  const items = Array.from({ length: count }, (_, i) => {
    if (format === 0) return `${i + 1}. ${name()} — ${random.int(100, 99999).toLocaleString('en-US')} (${(random.next() * 40).toFixed(1)}%)`;
    if (format === 1) return `${name()}, ${random.int(18, 90)}, ${phone()}`;
    return `${year}-${String(random.int(1, 12)).padStart(2, '0')}-${String(random.int(1, 28)).padStart(2, '0')} ${name()} ${random.int(0, 5)}–${random.int(0, 5)} ${name()}`;
  });
  return { title: `${year}: 1–${count}`, items };
}
