import { readFileSync } from 'node:fs';
import { describe, expect, it } from '@jest/globals';
import { type SegmentOptions, type SentenceSpan, segmentSentences } from '../src/segment/segment-sentences.js';

interface Sample {
  code: string;
  script: string;
  text: string;
  sentences: string[];
}

const samples = JSON.parse(readFileSync(new URL('./fixtures/text/udhr-sentences.json', import.meta.url), 'utf8')) as Sample[];

const sentences = (text: string, options?: SegmentOptions): string[] => segmentSentences(text, options).map((s) => text.slice(s.start, s.end));

/** Spans are ordered, disjoint, trimmed, inside one line, and never cut a surrogate pair. */
function expectWellFormed(text: string, spans: readonly SentenceSpan[]): void {
  let previousEnd = 0;
  for (const { start, end } of spans) {
    expect(start).toBeGreaterThanOrEqual(previousEnd);
    expect(end).toBeGreaterThan(start);
    expect(text.slice(start, end)).toBe(text.slice(start, end).trim());
    expect(text.slice(start, end)).not.toContain('\n');
    for (const offset of [start, end]) {
      const before = text.charCodeAt(offset - 1);
      expect(before >= 0xd800 && before <= 0xdbff).toBe(false);
    }
    previousEnd = end;
  }
}

describe('segmentSentences (rules)', () => {
  it.each(samples.map((sample) => [`${sample.code} (${sample.script})`, sample] as const))('splits UDHR articles 1 and 7 in %s', (_, sample) => {
    const spans = segmentSentences(sample.text);
    expect(spans.map((s) => sample.text.slice(s.start, s.end))).toEqual(sample.sentences);
    expectWellFormed(sample.text, spans);
  });

  it('returns UTF-16 offsets into the text', () => {
    expect(segmentSentences('Hello world. How are you?\n  Fine!  ')).toEqual([
      { start: 0, end: 12 },
      { start: 13, end: 25 },
      { start: 28, end: 33 },
    ]);
    expect(segmentSentences('')).toEqual([]);
    expect(segmentSentences('\n \n\t')).toEqual([]);
  });

  it('ends sentences at "." only before a space and a word that is not lowercase', () => {
    expect(sentences('Pi is 3.14 today. See example.com now. It was at 5 p.m. on Monday.')).toEqual([
      'Pi is 3.14 today.',
      'See example.com now.',
      'It was at 5 p.m. on Monday.',
    ]);
    expect(sentences('Wait... what? Yes.')).toEqual(['Wait... what?', 'Yes.']);
  });

  it('does not end sentences after initials or a leading list number', () => {
    expect(sentences('J. R. R. Tolkien wrote it. 1. Everyone has rights. 12. Nobody is a slave.')).toEqual([
      'J. R. R. Tolkien wrote it.',
      '1. Everyone has rights.',
      '12. Nobody is a slave.',
    ]);
  });

  it('keeps closing quotes and brackets with the sentence they end', () => {
    expect(sentences('He said "Stop!" Then he left. (It rained.) Fine.')).toEqual(['He said "Stop!"', 'Then he left.', '(It rained.)', 'Fine.']);
    expect(sentences('„Hallo.“ Er ging. «Oui !» Non.')).toEqual(['„Hallo.“', 'Er ging.', '«Oui !»', 'Non.']);
    expect(sentences('他说：“我们走吧！”大家都同意了。')).toEqual(['他说：“我们走吧！”', '大家都同意了。']);
    expect(sentences('「こんにちは。」『さようなら！』次です？')).toEqual(['「こんにちは。」', '『さようなら！』', '次です？']);
    // An opening quote right after a CJK terminal starts the next sentence.
    expect(sentences('这是第二句！“引用。”')).toEqual(['这是第二句！', '“引用。”']);
  });

  it('splits at script-specific terminals with or without a space after', () => {
    expect(sentences('यह पहला है।यह दूसरा है॥ तीसरा')).toEqual(['यह पहला है।', 'यह दूसरा है॥', 'तीसरा']);
    expect(sentences('ነው።ሁለት፧ሦስት፨')).toEqual(['ነው።', 'ሁለት፧', 'ሦስት፨']);
    expect(sentences('هل أنت بخير؟نعم.')).toEqual(['هل أنت بخير؟', 'نعم.']);
    expect(sentences('یہ ہے۔وہ ہے۔')).toEqual(['یہ ہے۔', 'وہ ہے۔']);
    expect(sentences('Սա է։Նա է։')).toEqual(['Սա է։', 'Նա է։']);
    expect(sentences('ဖြစ်သည်၊ ဖြစ်သည်။နောက်')).toEqual(['ဖြစ်သည်၊ ဖြစ်သည်။', 'နောက်']);
    expect(sentences('មួយ។ពីរ៕')).toEqual(['មួយ។', 'ពីរ៕']);
    expect(sentences('ཡིན། །འདི་ནི། ཡོད༎')).toEqual(['ཡིན། །', 'འདི་ནི།', 'ཡོད༎']);
  });

  it('reads ";" as a question mark after Greek letters only', () => {
    expect(sentences('Τι κάνεις; Είμαι καλά.')).toEqual(['Τι κάνεις;', 'Είμαι καλά.']);
    expect(sentences('Τι κάνεις\u037E Είμαι καλά.')).toEqual(['Τι κάνεις\u037E', 'Είμαι καλά.']);
    expect(sentences('Wait; then go. Τι; Ναι.')).toEqual(['Wait; then go.', 'Τι;', 'Ναι.']);
  });

  it('splits Thai and Lao at spaces between their letters, except before ๆ', () => {
    expect(sentences('ฉันไปตลาด เขาไปโรงเรียน ใด ๆ ทุกคน')).toEqual(['ฉันไปตลาด', 'เขาไปโรงเรียน', 'ใด ๆ', 'ทุกคน']);
    expect(sentences('ຂ້ອຍໄປຕະຫຼາດ ລາວໄປໂຮງຮຽນ')).toEqual(['ຂ້ອຍໄປຕະຫຼາດ', 'ລາວໄປໂຮງຮຽນ']);
    expect(sentences('ภาษาไทย Thai text')).toEqual(['ภาษาไทย Thai text']);
  });

  it('handles supplementary-plane characters, including astral terminals, without cutting pairs', () => {
    const brahmi = '\u{11005}\u{11006}\u{11047}\u{11007}\u{11047}';
    expect(segmentSentences(brahmi)).toEqual([
      { start: 0, end: 6 },
      { start: 6, end: 10 },
    ]);
    const text = '𝐀𝐁 said 😀. 𠀀𠀁。𠀂! Next';
    const spans = segmentSentences(text);
    expect(spans.map((s) => text.slice(s.start, s.end))).toEqual(['𝐀𝐁 said 😀.', '𠀀𠀁。', '𠀂!', 'Next']);
    expectWellFormed(text, spans);
  });

  it('merges sentences shorter than minSentenceChars into a neighbour within the paragraph', () => {
    expect(sentences('Hi. This is longer. Ok.', { minSentenceChars: 4 })).toEqual(['Hi. This is longer. Ok.']);
    expect(sentences('Hi. This is longer. And this one too.', { minSentenceChars: 4 })).toEqual(['Hi. This is longer.', 'And this one too.']);
    expect(sentences('Yes.\nNo.', { minSentenceChars: 10 })).toEqual(['Yes.', 'No.']);
    // Code points, not UTF-16 units: "𠀀𠀁。" is 3 long.
    expect(sentences('𠀀𠀁。𠀂𠀃𠀄𠀅。', { minSentenceChars: 4 })).toEqual(['𠀀𠀁。𠀂𠀃𠀄𠀅。']);
  });
});

describe('segmentSentences (Intl.Segmenter engine)', () => {
  // ICU splits at the Myanmar comma ၊ (Sentence_Terminal in Unicode), the rule engine does not.
  const agreeing = samples.filter((sample) => sample.code !== 'mya');

  it.each(agreeing.map((sample) => [sample.code, sample] as const))('agrees with the rule engine on %s', (_, sample) => {
    const spans = segmentSentences(sample.text, { engine: 'intl' });
    expect(spans.map((s) => sample.text.slice(s.start, s.end))).toEqual(sample.sentences);
    expectWellFormed(sample.text, spans);
  });

  it('adds the Thai, Tibetan and Greek rules ICU lacks, and keeps paragraphs apart', () => {
    expect(sentences('ฉันไปตลาด เขาไปโรงเรียน\nཡིན། འདི་ནི།\nΤι κάνεις; Είμαι καλά.', { engine: 'intl' })).toEqual([
      'ฉันไปตลาด',
      'เขาไปโรงเรียน',
      'ཡིན།',
      'འདི་ནི།',
      'Τι κάνεις;',
      'Είμαι καλά.',
    ]);
  });

  it('splits where ICU does, unlike the rules (initials)', () => {
    expect(sentences('J. Smith arrived. He left.', { engine: 'intl', locale: 'en' })).toEqual(['J.', 'Smith arrived.', 'He left.']);
  });
});
