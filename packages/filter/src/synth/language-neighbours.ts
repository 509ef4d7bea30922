/**
 * Which language a page "about" X is really in when it is not in X. Two hand lists:
 *
 * - Closely related languages (mutually intelligible or nearly, and written alike), the confusions
 *   Caswell et al. 2020 §3 ("language similarity") and Kreutzer et al. 2022 §4 (mislabelled corpora)
 *   found most often. Tags as FLORES-200 writes them, plus the UDHR spellings (`zlm`, `ekk`, `cmn`).
 * - Contact languages: the big language of the region a small language's pages borrow from — their
 *   chrome, their untranslated pages, their code-switching. By ISO 639-3 code, then by script, then English.
 */
import { languageInfo, likelyScript, parseTag } from '@ntl/core';

export const RELATED_GROUPS: ReadonlyArray<readonly string[]> = [
  ['zsm_Latn', 'zlm_Latn', 'ind_Latn', 'min_Latn', 'bjn_Latn'],
  ['bos_Latn', 'hrv_Latn', 'srp_Latn', 'srp_Cyrl'],
  ['mai_Deva', 'bho_Deva', 'mag_Deva', 'awa_Deva', 'hne_Deva', 'hin_Deva'],
  ['ary_Arab', 'arz_Arab', 'apc_Arab', 'ajp_Arab', 'acm_Arab', 'acq_Arab', 'aeb_Arab', 'ars_Arab', 'arb_Arab'],
  ['nno_Latn', 'nob_Latn', 'dan_Latn', 'swe_Latn'],
  ['glg_Latn', 'ast_Latn', 'spa_Latn', 'por_Latn'],
  ['bel_Cyrl', 'ukr_Cyrl', 'rus_Cyrl'],
  ['slk_Latn', 'ces_Latn'],
  ['xho_Latn', 'zul_Latn', 'ssw_Latn'],
  ['nso_Latn', 'sot_Latn', 'tsn_Latn'],
  ['kin_Latn', 'run_Latn'],
  ['bam_Latn', 'dyu_Latn'],
  ['twi_Latn', 'aka_Latn', 'fat_Latn'],
  ['prs_Arab', 'pes_Arab'],
  ['azj_Latn', 'tur_Latn', 'crh_Latn', 'tuk_Latn'],
  ['kir_Cyrl', 'kaz_Cyrl', 'tat_Cyrl', 'bak_Cyrl'],
  ['fao_Latn', 'isl_Latn'],
  ['mkd_Cyrl', 'bul_Cyrl'],
  ['afr_Latn', 'nld_Latn', 'lim_Latn'],
  ['ltz_Latn', 'deu_Latn'],
  ['est_Latn', 'ekk_Latn', 'fin_Latn'],
  ['gla_Latn', 'gle_Latn'],
  ['szl_Latn', 'pol_Latn'],
  ['scn_Latn', 'vec_Latn', 'lij_Latn', 'lmo_Latn', 'fur_Latn', 'ita_Latn'],
  ['ltg_Latn', 'lvs_Latn'],
  ['asm_Beng', 'ben_Beng'],
  ['dzo_Tibt', 'bod_Tibt'],
  ['yue_Hant', 'zho_Hant', 'cmn_Hant', 'zho_Hans', 'cmn_Hans'],
  ['quy_Latn', 'quz_Latn'],
  ['oci_Latn', 'cat_Latn'],
  ['taq_Tfng', 'tzm_Tfng', 'zgh_Tfng'],
  ['kab_Latn', 'taq_Latn', 'tzm_Latn'],
];

/** Each list: the first tag the source has wins (FLORES writes Chinese `zho`, UDHR `cmn`). */
const CONTACT_BY_CODE: ReadonlyMap<string, readonly string[]> = new Map(
  (
    [
      ['bam dyu wol fon mos ewe lin kon lua sag kab taq tzm zgh fuv kbp hat oci', ['fra_Latn']],
      ['glg ast cat eus quy quz ayr grn', ['spa_Latn']],
      ['kea umb kmb', ['por_Latn']],
      ['jav sun min ban bjn bug ace', ['ind_Latn']],
      ['ltz lim', ['deu_Latn']],
      ['tuk uzn kir kaz tat bak bel ukr khk', ['rus_Cyrl']],
    ] as const
  ).flatMap(([codes, tags]) => codes.split(' ').map((code): [string, readonly string[]] => [code, tags])),
);

const CONTACT_BY_SCRIPT: Record<string, readonly string[]> = {
  Cyrl: ['rus_Cyrl'],
  Arab: ['arb_Arab'],
  Deva: ['hin_Deva'],
  Hans: ['zho_Hans', 'cmn_Hans'],
  Hant: ['zho_Hans', 'cmn_Hans'],
  Tibt: ['zho_Hans', 'cmn_Hans'],
};

const ENGLISH = 'eng_Latn';

/** The contact languages themselves: big on the web, so never an "about" language of the crawl. */
export const CONTACT_LANGUAGES: ReadonlySet<string> = new Set([
  ENGLISH,
  ...[...CONTACT_BY_CODE.values()].flat(),
  ...Object.values(CONTACT_BY_SCRIPT).flat(),
]);

/** The related languages of `tag` the source has, same script first, in list order. */
export function relatedLanguages(tag: string, available: ReadonlySet<string>): string[] {
  const group = RELATED_GROUPS.find((g) => g.includes(tag)) ?? [];
  const script = parseTag(tag).script;
  const others = group.filter((t) => t !== tag && available.has(t));
  return [...others.filter((t) => parseTag(t).script === script), ...others.filter((t) => parseTag(t).script !== script)];
}

/** The regional big language of `tag` (English by default), never `tag` itself; undefined if the source has none. */
export function contactLanguage(tag: string, available: ReadonlySet<string>): string | undefined {
  const { language, script } = parseTag(tag);
  const candidates = [...(CONTACT_BY_CODE.get(language) ?? []), ...(CONTACT_BY_SCRIPT[script] ?? []), ENGLISH];
  return candidates.find((t) => t !== tag && available.has(t));
}

/** The BCP 47 tag a page in `tag` declares: the ISO 639-1 code when there is one, the script only when it is not the language's likely one (`srp_Cyrl` → `sr`, `srp_Latn` → `sr-Latn`). */
export function bcp47(tag: string): string {
  const { language, script } = parseTag(tag);
  const primary = languageInfo(language)?.iso6391 ?? language;
  return likelyScript(language) === script ? primary : `${primary}-${script}`;
}
