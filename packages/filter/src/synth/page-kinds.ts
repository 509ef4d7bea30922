/**
 * The kinds of page a crawl finds when it looks for pages "about" a low-resource language X (pages
 * whose `<html lang>`, URL or Content-Language say X), and how often each occurs.
 *
 * Sources for the mix (docs/synth-crawl.md has the long form):
 * - Caswell et al. 2020 ("Language ID in the Wild", COLING): human-judged in-language precision of web
 *   corpora was "only around 5%" for many low-resource languages (median 5.5% before their filters);
 *   §3 lists the failure modes modelled here: related languages, boilerplate, misrendered/non-Unicode
 *   fonts, repeated n-grams and keyword lists, creative use of other scripts.
 * - Kreutzer et al. 2022 ("Quality at a Glance", TACL): of 205 audited corpora, at least 15 had no usable
 *   text and a significant fraction had less than 50% acceptable in-language sentences; many were in
 *   the wrong or a related language.
 * Those figures are for corpora selected by LangID, which adds class-imbalance errors on top; a crawl
 * selected by claimed language is less extreme. The default below keeps 38% of pages wholly in X and
 * 7% partly (so "most pages about X are not in X", as both papers found) and spreads the rest over
 * the failure modes. The numbers are our choice within those findings, not measured values: change them with `mix`.
 */

export const PAGE_KINDS = [
  'in-language',
  'near-duplicate',
  'short',
  'foreign-boilerplate',
  'code-switch',
  'related-language',
  'other-language',
  'seo-spam',
  'name-list',
  'mojibake',
  'wrong-script',
] as const;
export type PageKind = (typeof PAGE_KINDS)[number];

/** What a truth sentence is when it is not text in one language. */
export const NOISE_KINDS = ['code-switch', 'seo-spam', 'name-list', 'mojibake', 'legacy-font', 'homoglyph'] as const;
export type NoiseKind = (typeof NOISE_KINDS)[number];

export type PageMix = Readonly<Record<PageKind, number>>;

export const DEFAULT_MIX: PageMix = {
  // Main text wholly in X: 38%.
  'in-language': 0.18,
  'near-duplicate': 0.06,
  short: 0.06,
  'foreign-boilerplate': 0.08,
  // X mixed with its contact language, sentence by sentence and within sentences.
  'code-switch': 0.07,
  // Main text in another language: 27%.
  'related-language': 0.13,
  'other-language': 0.14,
  // Not language text at all: 28%.
  'seo-spam': 0.07,
  'name-list': 0.06,
  mojibake: 0.08,
  'wrong-script': 0.07,
};

/**
 * How far each language's mix strays from the crawl's: every weight is multiplied by a seeded factor in
 * [1 − jitter, 1 + jitter] before normalising, so languages differ in which noise dominates (Caswell et
 * al. 2020 §3.2: one language's corpus was mostly misrendered PDFs, another's mostly one kind of spam).
 */
export const DEFAULT_MIX_JITTER = 0.5;

export function validateMix(mix: Partial<Record<string, number>>): PageMix {
  const unknown = Object.keys(mix).filter((k) => !(PAGE_KINDS as readonly string[]).includes(k));
  if (unknown.length) throw new RangeError(`unknown page kind(s) in mix: ${unknown.join(', ')} (kinds: ${PAGE_KINDS.join(', ')})`);
  const full = Object.fromEntries(PAGE_KINDS.map((k) => [k, mix[k] ?? 0])) as Record<PageKind, number>;
  for (const [kind, weight] of Object.entries(full)) {
    if (!(weight >= 0 && Number.isFinite(weight))) throw new RangeError(`mix weight for ${kind} must be a finite number ≥ 0, got ${weight}`);
  }
  if (!(Object.values(full).reduce((a, b) => a + b, 0) > 0)) throw new RangeError('mix weights sum to 0');
  return full;
}

/**
 * Page counts per kind for `pages` pages: largest-remainder rounding of `weights`, so the counts sum to
 * `pages` exactly and each is within 1 of its share.
 */
export function allocatePages(pages: number, weights: PageMix): Record<PageKind, number> {
  const total = PAGE_KINDS.reduce((sum, k) => sum + weights[k], 0);
  const exact = PAGE_KINDS.map((k) => (pages * weights[k]) / total);
  const counts = exact.map(Math.floor);
  const order = PAGE_KINDS.map((_, i) => i).sort((a, b) => (exact[b] as number) - (counts[b] as number) - ((exact[a] as number) - (counts[a] as number)) || a - b);
  for (let left = pages - counts.reduce((a, b) => a + b, 0), i = 0; left > 0; left--, i++) {
    const at = order[i % order.length] as number;
    counts[at] = (counts[at] as number) + 1;
  }
  return Object.fromEntries(PAGE_KINDS.map((k, i) => [k, counts[i] as number])) as Record<PageKind, number>;
}
