import { detectErrors, resolveErrorOptions, type ErrorItem, type ErrorMode, type Flag } from '../src/index.js';

/** The flags of one mode for an item (other detectors stay off, so each test reads one idea). */
function flagsOf(mode: ErrorMode, item: ErrorItem, options = {}): Flag[] {
  return detectErrors(item, { ...options, modes: [mode] });
}

const spanText = (item: ErrorItem, flag: Flag): string => {
  const span = flag.span;
  if (!span) throw new Error('flag without span');
  return (span.side === 'src' ? item.src : item.hyp).slice(span.start, span.end);
};

describe('empty output', () => {
  it('flags an empty or letterless output of a source with words, pointing at the source', () => {
    const item = { src: 'The river is wide.', hyp: '', tgtLang: 'fra_Latn' };
    expect(flagsOf('empty', item)).toEqual([
      { mode: 'empty', severity: 'high', confidence: 1, span: { side: 'src', start: 0, end: 18 }, message: 'the output is empty', evidence: { hyp: '' } },
    ]);
    expect(flagsOf('empty', { ...item, hyp: ' … ' })[0]?.message).toBe('the output has no letters or digits');
  });

  it('leaves real outputs and empty sources alone, and silences the other detectors on an empty output', () => {
    expect(flagsOf('empty', { src: 'The river is wide.', hyp: 'Le fleuve est large.', tgtLang: 'fra' })).toEqual([]);
    expect(flagsOf('empty', { src: '…', hyp: '', tgtLang: 'fra' })).toEqual([]);
    // A lost number would only restate the emptiness.
    const all = detectErrors({ src: 'In 2019 the river was 300 m wide.', hyp: '', tgtLang: 'fra_Latn' });
    expect(all.map((f) => f.mode)).toEqual(['empty']);
  });
});

describe('wrong script', () => {
  it('flags an output mostly outside the target script, spanning the foreign letters', () => {
    const item = { src: 'Water is life.', hyp: 'पानी: Water is life', tgtLang: 'hin_Deva' };
    const [flag, ...rest] = flagsOf('wrong-script', item);
    expect(rest).toEqual([]);
    expect(flag?.severity).toBe('medium');
    expect(flag && spanText(item, flag)).toBe('Water is life');
    // 4 Devanagari letters of 15: 27% in the target script.
    expect(flag?.evidence).toMatchObject({ expected: ['Deva'], dominant: 'Latn', share: 0.267 });
    expect(flagsOf('wrong-script', { ...item, hyp: 'Water is life' })[0]?.severity).toBe('high');
  });

  it('accepts names in another script, Japanese kanji with kana, and outputs with too few letters', () => {
    expect(flagsOf('wrong-script', { src: 'I use Windows.', hyp: 'मैं Windows का उपयोग करता हूँ।', tgtLang: 'hin_Deva' })).toEqual([]);
    expect(flagsOf('wrong-script', { src: 'Tokyo Tower', hyp: '東京タワーに行きました', tgtLang: 'jpn_Jpan' })).toEqual([]);
    expect(flagsOf('wrong-script', { src: 'Room 12', hyp: '12 B', tgtLang: 'hin_Deva' })).toEqual([]);
  });
});

describe('wrong language (with a LangID prediction)', () => {
  const item = { src: 'The cat is black.', hyp: 'The cat is black and the dog is white, and both of them are asleep.', tgtLang: 'fra_Latn', srcLang: 'eng_Latn' };
  const prediction = { tag: 'eng_Latn', score: 0.97, top: [['eng_Latn', 0.97], ['fra_Latn', 0.02]] as Array<[string, number]> };

  it('flags a confident prediction of another language and says when it is the source language', () => {
    const flags = detectErrors(item, { modes: ['wrong-language'] }, { prediction, targetProbability: 0.02 });
    expect(flags).toHaveLength(1);
    // confidence = score × (1 − P(target)) = 0.97 × 0.98
    expect(flags[0]).toMatchObject({ mode: 'wrong-language', severity: 'high', confidence: 0.951, span: { side: 'hyp', start: 0, end: 67 } });
    expect(flags[0]?.message).toBe('LangID says eng_Latn (0.97), the source language, not fra_Latn');
  });

  it('does not flag the target (macrolanguages folded), unsure answers, or short outputs', () => {
    const context = (tag: string, score: number, targetProbability = 0) => ({ prediction: { tag, score, top: [[tag, score]] as Array<[string, number]> }, targetProbability });
    expect(detectErrors({ ...item, tgtLang: 'cmn_Hans', hyp: '这只猫是黑色的，那只狗是白色的。' }, { modes: ['wrong-language'] }, context('zho_Hans', 0.99))).toEqual([]);
    expect(detectErrors(item, { modes: ['wrong-language'] }, context('eng_Latn', 0.25))).toEqual([]);
    expect(detectErrors(item, { modes: ['wrong-language'] }, context('eng_Latn', 0.9, 0.3))).toEqual([]);
    expect(detectErrors({ ...item, hyp: 'The cat.' }, { modes: ['wrong-language'] }, context('eng_Latn', 0.99))).toEqual([]);
  });
});

describe('copy', () => {
  const src = 'The committee approved the new budget on Tuesday evening.';

  it('flags an unchanged source with confidence 1', () => {
    expect(flagsOf('copy', { src, hyp: `  ${src.toUpperCase()} `, tgtLang: 'deu_Latn' })).toEqual([
      { mode: 'copy', severity: 'high', confidence: 1, span: { side: 'hyp', start: 0, end: src.length + 3 }, message: 'the output is the source, unchanged', evidence: { chrf: 100 } },
    ]);
  });

  it('flags a near copy by chrF and a copied run of source words', () => {
    const near = flagsOf('copy', { src, hyp: 'The committee approved the new budget on Tuesday night.', tgtLang: 'deu_Latn' });
    expect(near[0]?.severity).toBe('high');
    expect(near[0]?.evidence?.['chrf']).toBeGreaterThanOrEqual(70);
    const item = { src, hyp: 'Der Ausschuss hat nach langer Debatte zugestimmt: the new budget on Tuesday evening.', tgtLang: 'deu_Latn' };
    const [partial] = flagsOf('copy', item);
    // chrF against the source is 57 (below 60): not a whole copy, but 6 of its 13 words are a source run.
    expect(partial?.severity).toBe('medium');
    expect(partial?.confidence).toBe(0.462);
    expect(partial && spanText(item, partial)).toBe('the new budget on Tuesday evening');
    expect(partial?.evidence).toMatchObject({ runWords: 6 });
  });

  it('skips same-language pairs, short sources and links, and leaves real translations alone', () => {
    expect(flagsOf('copy', { src, hyp: src, tgtLang: 'en', srcLang: 'eng_Latn' })).toEqual([]);
    // One-word sources are left to the short-input detector (minSrcWords 2).
    expect(flagsOf('copy', { src: 'Radio', hyp: 'Radio', tgtLang: 'fra_Latn' })).toEqual([]);
    const withLink = { src: 'See the report at https://example.org/a/b/c/d/e/f today.', hyp: 'Voir le rapport sur https://example.org/a/b/c/d/e/f aujourd’hui.', tgtLang: 'fra_Latn' };
    expect(flagsOf('copy', withLink)).toEqual([]);
    expect(flagsOf('copy', { src, hyp: 'Le comité a approuvé le nouveau budget mardi soir.', tgtLang: 'fra_Latn' })).toEqual([]);
  });
});

describe('repetition', () => {
  it('flags a word repeated back to back, with its span', () => {
    const item = { src: 'When you make a DVD, the borders are cut.', hyp: 'Wenn wenn wenn wenn man eine DVD macht, werden die Ränder abgeschnitten.', tgtLang: 'deu_Latn' };
    const [flag, ...rest] = flagsOf('repetition', item);
    expect(rest).toEqual([]);
    expect(flag && spanText(item, flag)).toBe('Wenn wenn wenn wenn');
    expect(flag?.evidence).toEqual({ kind: 'tandem', period: 1, repeats: 4, atEnd: false, sourceRepeats: 1 });
    expect(flag?.severity).toBe('medium');
  });

  it('calls a long loop that runs to the end a degenerate loop', () => {
    const item = { src: 'He left the house.', hyp: 'Il a quitté la maison de la de la de la de la de la de la', tgtLang: 'fra_Latn' };
    const [flag] = flagsOf('repetition', item);
    expect(flag?.severity).toBe('high');
    // "de la" six times from the first "de"; six copies (2 × minRepeats) reaching the end make it a loop.
    expect(flag?.evidence).toMatchObject({ period: 2, repeats: 6, atEnd: true });
    expect(flag?.message).toBe('de la ×6 (degenerate loop at the end)');
  });

  it('counts letters in scripts without spaces, and finds a sentence said twice by its n-grams', () => {
    const thai = { src: 'I like to eat rice.', hyp: 'ฉันชอบกินข้าวข้าวข้าวข้าว', tgtLang: 'tha_Thai' };
    const [t] = flagsOf('repetition', thai);
    expect(t && spanText(thai, t)).toBe('ข้าวข้าวข้าวข้าว');
    const twice = { src: 'The train leaves at noon from platform two.', hyp: 'Le train part à midi du quai deux. Le train part à midi du quai deux.', tgtLang: 'fra_Latn' };
    const [n] = flagsOf('repetition', twice);
    expect(n?.evidence).toMatchObject({ kind: 'ngram', n: 3, sourceShare: 0 });
    expect(n && spanText(twice, n)).toBe('Le train part à midi du quai deux');
  });

  it('does not flag repetition the source has, or ordinary text', () => {
    expect(flagsOf('repetition', { src: 'It was very very very very cold.', hyp: 'Il faisait très très très très froid.', tgtLang: 'fra_Latn' })).toEqual([]);
    expect(flagsOf('repetition', { src: 'He left the house.', hyp: 'Il a quitté la maison.', tgtLang: 'fra_Latn' })).toEqual([]);
  });
});

describe('length ratio', () => {
  const src = 'The museum opens at nine in the morning.';
  it('flags outputs far longer or shorter than the language pair expects', () => {
    const long = flagsOf('length-ratio', { src, hyp: `Le musée ouvre à neuf heures du matin. ${'Il y avait aussi beaucoup de visiteurs venus de très loin pour voir la collection. '.repeat(2)}`, tgtLang: 'fra_Latn', srcLang: 'eng_Latn' });
    expect(long[0]?.evidence).toMatchObject({ direction: 'long' });
    expect(long[0]?.evidence?.['z']).toBeGreaterThan(3.5);
    const short = flagsOf('length-ratio', { src: `${src} ${src} ${src}`, hyp: 'Musée.', tgtLang: 'fra_Latn', srcLang: 'eng_Latn' });
    expect(short[0]?.evidence).toMatchObject({ direction: 'short', ratio: 6 / 99 });
  });

  it('accepts a normal translation, and knows Chinese is much shorter than English', () => {
    expect(flagsOf('length-ratio', { src, hyp: 'Le musée ouvre à neuf heures du matin.', tgtLang: 'fra_Latn', srcLang: 'eng_Latn' })).toEqual([]);
    expect(flagsOf('length-ratio', { src, hyp: '博物馆早上九点开门。', tgtLang: 'zho_Hans', srcLang: 'eng_Latn' })).toEqual([]);
  });
});

describe('truncation', () => {
  const src = 'The bridge, which was built in 1932, carries more than ten thousand cars across the river every day.';
  it('flags an output that stops early without sentence punctuation, spanning its last word', () => {
    const item = { src, hyp: 'Le pont, construit en 1932, transporte plus de', tgtLang: 'fra_Latn', srcLang: 'eng_Latn' };
    const [flag] = flagsOf('truncated', item);
    expect(flag?.mode).toBe('truncated');
    expect(flag && spanText(item, flag)).toBe('de');
  });

  it('does not flag a complete sentence, or a source that does not end one', () => {
    expect(flagsOf('truncated', { src, hyp: 'Le pont, construit en 1932, transporte plus de dix mille voitures par jour.', tgtLang: 'fra_Latn' })).toEqual([]);
    expect(flagsOf('truncated', { src: src.slice(0, -1), hyp: 'Le pont, construit en 1932, transporte plus de', tgtLang: 'fra_Latn' })).toEqual([]);
  });
});

describe('round-trip chrF', () => {
  const src = 'The children played football in the park after school.';
  it('flags a round trip far from the source', () => {
    const [flag] = flagsOf('low-rtt-chrf', { src, hyp: 'x', rtt: 'Prices of oil rose sharply yesterday.', tgtLang: 'fra_Latn' });
    expect(flag?.mode).toBe('low-rtt-chrf');
    expect(flag?.evidence?.['chrf']).toBeLessThan(25);
  });
  it('accepts a close round trip and does nothing without one', () => {
    expect(flagsOf('low-rtt-chrf', { src, hyp: 'x', rtt: 'The kids played soccer in the park after school.', tgtLang: 'fra_Latn' })).toEqual([]);
    expect(flagsOf('low-rtt-chrf', { src, hyp: 'x', tgtLang: 'fra_Latn' })).toEqual([]);
  });
});

describe('named entities: novel content and lost names', () => {
  it('flags a capitalised output word that matches nothing in the source', () => {
    const item = { src: 'Yesterday the minister visited Geneva.', hyp: 'Hier, le ministre a visité Genève et Berlin.', tgtLang: 'fra_Latn' };
    const flags = flagsOf('novel-content', item);
    expect(flags.map((f) => spanText(item, f))).toEqual(['Berlin']);
  });

  it('flags source-script words in an output of another script, when the source lacks them', () => {
    const item = { src: 'I bought a new phone.', hyp: 'मैंने Samsung का नया फ़ोन खरीदा।', tgtLang: 'hin_Deva' };
    expect(flagsOf('novel-content', item).map((f) => spanText(item, f))).toEqual(['Samsung']);
    expect(flagsOf('novel-content', { ...item, src: 'I bought a new Samsung phone.' })).toEqual([]);
  });

  it('matches inflected, accented and transliterated names, and skips noun-capitalising languages', () => {
    expect(flagsOf('novel-content', { src: 'A theorem of Pythagoras about Mexico.', hyp: 'Un teorema de Pitágoras sobre México y Obaman.', tgtLang: 'spa_Latn' }).map((f) => f.evidence?.['word'])).toEqual(['Obaman']);
    expect(flagsOf('novel-content', { src: 'The house is old.', hyp: 'Das Haus ist alt.', tgtLang: 'deu_Latn' })).toEqual([]);
  });

  it('flags a source name missing from an output in the same script', () => {
    const item = { src: 'The talks in Geneva were led by Angela Merkel.', hyp: 'Les pourparlers à Genève ont été menés par Angela.', tgtLang: 'fra_Latn' };
    const flags = flagsOf('entity-mismatch', item);
    expect(flags.map((f) => [f.span?.side, spanText(item, f)])).toEqual([['src', 'Merkel']]);
    expect(flagsOf('entity-mismatch', { ...item, hyp: 'Les pourparlers à Genève ont été menés par Angela Merkel.' })).toEqual([]);
    // Different scripts: a transliterated name cannot be checked.
    expect(flagsOf('entity-mismatch', { ...item, hyp: 'Переговоры в Женеве вела Ангела.' })).toEqual([]);
  });
});

describe('links', () => {
  const src = 'Write to help@example.com or see https://example.org/faq.';
  it('flags lost and added URLs and e-mail addresses, ignoring trailing punctuation and case', () => {
    const item = { src, hyp: 'Voir https://EXAMPLE.org/faq ou www.other.net.', tgtLang: 'fra_Latn' };
    const flags = flagsOf('link-mismatch', item);
    expect(flags.map((f) => [f.evidence?.['kind'], f.span?.side, spanText(item, f)])).toEqual([
      ['lost', 'src', 'help@example.com'],
      ['added', 'hyp', 'www.other.net'],
    ]);
  });
  it('accepts links that pass through unchanged', () => {
    expect(flagsOf('link-mismatch', { src, hyp: 'Écrivez à help@example.com ou voyez https://example.org/faq.', tgtLang: 'fra_Latn' })).toEqual([]);
  });
});

describe('short inputs', () => {
  it('flags an empty, copied, wrong-script or overlong answer to a word', () => {
    expect(flagsOf('short-input', { src: 'water', hyp: '', tgtLang: 'fra_Latn' })[0]?.evidence).toEqual({ failures: ['empty'], hyp: '' });
    const copy = flagsOf('short-input', { src: 'water', hyp: 'Water', tgtLang: 'fra_Latn' })[0];
    expect(copy).toMatchObject({ severity: 'medium', confidence: 0.4, evidence: { failures: ['copy'] } });
    expect(flagsOf('short-input', { src: 'water', hyp: 'water', tgtLang: 'hin_Deva' })[0]?.evidence?.['failures']).toEqual(['copy', 'wrong-script']);
    const overlong = flagsOf('short-input', { src: 'water', hyp: 'The water of the river was cold and clear when we arrived in the village that morning.', tgtLang: 'fra_Latn' });
    expect(overlong[0]?.evidence?.['failures']).toEqual(['overlong']);
    expect(overlong[0]?.severity).toBe('high');
  });

  it('accepts a good short translation and ignores long sources', () => {
    expect(flagsOf('short-input', { src: 'water', hyp: 'eau', tgtLang: 'fra_Latn' })).toEqual([]);
    expect(flagsOf('short-input', { src: 'The water is cold today.', hyp: '', tgtLang: 'fra_Latn' })).toEqual([]);
  });
});

describe('mixed scripts and Unicode anomalies', () => {
  it('flags a word mixing Latin and Cyrillic letters, not Japanese or words copied from the source', () => {
    const item = { src: 'Enter your password.', hyp: 'Entrez votre mot de pаsse.', tgtLang: 'fra_Latn' };
    const flags = flagsOf('mixed-script', item);
    expect(flags.map((f) => [spanText(item, f), f.evidence?.['scripts']])).toEqual([['pаsse', ['Latn', 'Cyrl']]]);
    expect(flagsOf('mixed-script', { src: 'Tokyo Tower', hyp: '東京タワーへ行く', tgtLang: 'jpn_Jpan' })).toEqual([]);
    expect(flagsOf('mixed-script', { src: 'Brand pаsse', hyp: 'Marque pаsse', tgtLang: 'fra_Latn' })).toEqual([]);
  });

  it('flags look-alike scripts meeting in a word and interleaved scripts, not suffixes or unspaced run-ins', () => {
    // A Cyrillic Н in "pH" (as in a FLORES Kyrgyz sentence) and a Latin letter inside a Devanagari word.
    expect(flagsOf('mixed-script', { src: 'The pH level.', hyp: 'pН деңгээли.', tgtLang: 'kir_Cyrl' }).map((f) => f.evidence?.['word'])).toEqual(['pН']);
    expect(flagsOf('mixed-script', { src: 'Water.', hyp: 'पाxनी है।', tgtLang: 'hin_Deva' }).map((f) => f.evidence?.['scripts'])).toEqual([['Deva', 'Latn']]);
    expect(flagsOf('mixed-script', { src: 'in French Guiana', hyp: 'ফ্ৰান্স Guianaৰ', tgtLang: 'asm_Beng' })).toEqual([]);
    expect(flagsOf('mixed-script', { src: 'and Metro', hyp: '和Metro（也叫三等舱）', tgtLang: 'zho_Hans' })).toEqual([]);
  });

  it('flags control, private-use, unassigned and replacement characters with their kinds and spans', () => {
    const item = { src: 'Hello there.', hyp: 'Bon\u0007jour \uE001 à\u0378 tous\uFFFD', tgtLang: 'fra_Latn' };
    const flags = flagsOf('unicode-anomaly', item);
    expect(flags.map((f) => [f.evidence?.['kind'], f.span?.start, f.severity])).toEqual([
      ['control', 3, 'high'],
      ['private-use', 9, 'medium'],
      ['unassigned', 12, 'high'],
      ['replacement', 18, 'high'],
    ]);
  });

  it('allows format characters scripts need, and what the source already has', () => {
    expect(flagsOf('unicode-anomaly', { src: 'I see.', hyp: 'می\u200Cبینم', tgtLang: 'pes_Arab' })).toEqual([]);
    expect(flagsOf('unicode-anomaly', { src: 'Hello.', hyp: 'Bon\u200Bjour.', tgtLang: 'fra_Latn' })[0]?.evidence).toEqual({ kind: 'format', codePoints: ['U+200B'] });
    expect(flagsOf('unicode-anomaly', { src: 'Cambodia.', hyp: 'កម្ពុជា\u200Bជា', tgtLang: 'khm_Khmr' })).toEqual([]);
    expect(flagsOf('unicode-anomaly', { src: 'A\u0007B', hyp: 'A\u0007B', tgtLang: 'fra_Latn' })).toEqual([]);
  });

  it('recognises Zawgyi-encoded Burmese by its visual-order vowel and stacked-glyph code points', () => {
    // "school" — Unicode ကျောင်း; Zawgyi types the E vowel first and the medial as U+103A: ေက်ာင္း.
    const zawgyi = flagsOf('unicode-anomaly', { src: 'school', hyp: '\u1031\u1000\u103A\u102C\u1004\u1039\u1038', tgtLang: 'mya_Mymr' });
    expect(zawgyi).toHaveLength(1);
    expect(zawgyi[0]).toMatchObject({ severity: 'medium', evidence: { kind: 'zawgyi', signals: 1 } });
    // "Mingalaba" in Zawgyi (kinzi as U+1064) has both signals.
    expect(flagsOf('unicode-anomaly', { src: 'hello', hyp: '\u1019\u1002\u1064\u101C\u102C\u1015\u102B \u1031\u1000\u102C\u1004\u1039\u1038', tgtLang: 'mya_Mymr' })[0]?.evidence).toEqual({ kind: 'zawgyi', signals: 2 });
    expect(flagsOf('unicode-anomaly', { src: 'school', hyp: '\u1000\u103B\u1031\u102C\u1004\u103A\u1038', tgtLang: 'mya_Mymr' })).toEqual([]);
  });
});

describe('options', () => {
  it('fills every detector group from the documented defaults and rejects unknown modes', () => {
    const o = resolveErrorOptions({ copy: { minChrf: 50 } });
    expect(o.copy.minChrf).toBe(50);
    expect(o.copy.minRunWords).toBeGreaterThan(0);
    expect(o.modes).toContain('toxicity');
    expect(() => resolveErrorOptions({ modes: ['nonsense' as ErrorMode] })).toThrow('unknown error mode "nonsense"');
  });

  it('rejects an unknown target tag, naming it', () => {
    expect(() => detectErrors({ src: 'a', hyp: 'b', tgtLang: 'xx_Nope' })).toThrow(/xx_Nope/u);
  });
});
