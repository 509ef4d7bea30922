/** The synthetic noisy crawl with ground truth (`ntl synth-crawl`); docs/synth-crawl.md. */
export { synthCrawl, writeSynthCrawl, DEFAULT_PAGES_PER_FILE, TRUTH_FILE, SYNTH_MANIFEST, type SynthCrawlOptions, type SynthCrawlSummary, type SynthFile } from './synth-crawl.js';
export { planSynthCrawl, claimableLanguages, pageDirection, DEFAULT_SYNTH_LANGUAGES, DEFAULT_PAGES_PER_LANGUAGE, MIN_SENTENCES, SynthPlanError, type SynthPlan, type SynthPlanOptions, type PlannedPage } from './page-plan.js';
export { loadHeldOutText, floresDir, UDHR_HELD_OUT, SynthSourceError, type HeldOutText, type HeldOutTextOptions, type SynthSourceName } from './held-out-text.js';
export { PAGE_KINDS, NOISE_KINDS, DEFAULT_MIX, DEFAULT_MIX_JITTER, allocatePages, validateMix, type PageKind, type NoiseKind, type PageMix } from './page-kinds.js';
export { readTruth, labelText, truthText, type TruthRow, type TruthSentence, type SentenceRole, type TextLabel } from './truth.js';
export { RELATED_GROUPS, CONTACT_LANGUAGES, relatedLanguages, contactLanguage, bcp47 } from './language-neighbours.js';
export { mojibake, MOJIBAKE_CHARSETS, type MojibakeCharset } from './mojibake.js';
export { legacyFontDevanagari } from './legacy-font.js';
export { homoglyphs, hasHomoglyphs } from './homoglyphs.js';
export { recordId, sha1Digest, warcRecord, requestBlock, responseBlock, warcFields, warcDate, httpDate, type HeaderField } from './warc-records.js';
