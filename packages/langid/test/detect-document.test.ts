import { UND } from '@ntl/core';
import { predictDocument, predictSentences } from '../src/detect/predict.js';
import { splitSentences } from '../src/detect/sentences.js';
import type { LangPrediction, SentenceClassifier } from '../src/prediction.js';

/** A classifier with fixed answers per sentence, to check the aggregation arithmetic exactly. */
function fixedClassifier(answers: Record<string, LangPrediction>): SentenceClassifier & { calls: string[][] } {
  const calls: string[][] = [];
  return {
    languages: ['xxx_Latn', 'yyy_Latn'],
    calls,
    predict(texts) {
      calls.push([...texts]);
      return texts.map((text) => answers[text] ?? { tag: UND, score: 1, top: [], reason: 'no-letters' });
    },
  };
}

const answers: Record<string, LangPrediction> = {
  'Aaaa aaaaa.': { tag: 'xxx_Latn', score: 0.9, top: [['xxx_Latn', 0.9], ['yyy_Latn', 0.1]] },
  'Bb?': { tag: 'yyy_Latn', score: 1, top: [['yyy_Latn', 1]] },
};

describe('splitSentences', () => {
  it('returns trimmed UTF-16 spans across paragraphs and scripts', () => {
    const text = 'Hello world. How are you?\n\n  第一句。第二句！ ሰላም ነው። \n';
    const spans = splitSentences(text);
    expect(spans.map(({ start, end }) => text.slice(start, end))).toEqual(['Hello world.', 'How are you?', '第一句。', '第二句！', 'ሰላም ነው።']);
    expect(spans[0]).toEqual({ start: 0, end: 12 });
    expect(spans[2]).toEqual({ start: 29, end: 33 });
    expect(splitSentences(' \n\t ')).toEqual([]);
  });

  it('handles a 1 MB line in bounded windows (V8’s segmenter alone runs out of memory)', () => {
    const text = 'Abc def. '.repeat(120_000);
    const spans = splitSentences(text);
    expect(spans.length).toBeGreaterThanOrEqual(120_000);
    expect(spans.length).toBeLessThanOrEqual(120_000 + Math.ceil(text.length / 2048));
    const outOfOrder = spans.filter((span, i) => span.end <= span.start || span.start < (spans[i - 1]?.end ?? 0));
    expect(outOfOrder).toEqual([]);
    expect(spans.at(-1)?.end).toBe(text.length - 1);
  });
});

describe('predictDocument', () => {
  const text = 'Aaaa aaaaa. Bb? 123.';

  it('weighs each sentence’s top-k by its letters and reports agreement', () => {
    const model = fixedClassifier(answers);
    const result = predictDocument(model, text, { k: 2 });
    // xxx: 9 letters × 0.9 / 11; yyy: (9 × 0.1 + 2 × 1) / 11; the digits sentence weighs nothing.
    expect(result.tag).toBe('xxx_Latn');
    expect(result.score).toBeCloseTo(8.1 / 11, 12);
    expect(result.top[1]?.[0]).toBe('yyy_Latn');
    expect(result.top[1]?.[1]).toBeCloseTo(2.9 / 11, 12);
    expect(result.agreement).toBe(0.5);
    expect(result.sentences.map(({ start, end, prediction }) => [start, end, prediction.tag])).toEqual([
      [0, 11, 'xxx_Latn'],
      [12, 15, 'yyy_Latn'],
      [16, 20, UND],
    ]);
    expect(model.calls).toEqual([['Aaaa aaaaa.', 'Bb?', '123.']]);
  });

  it('applies minScore to the aggregate, and needs one sentence the classifier answers with the tag', () => {
    expect(predictDocument(fixedClassifier(answers), text, { minScore: 0.8 })).toMatchObject({ tag: UND, reason: 'below-min-score' });
    const rejected: LangPrediction = { tag: UND, score: 0.1, top: [['xxx_Latn', 0.9], ['yyy_Latn', 0.1]], reason: 'below-threshold' };
    const weak = fixedClassifier({ ...answers, 'Aaaa aaaaa.': rejected });
    expect(predictDocument(weak, text)).toMatchObject({ tag: UND, reason: 'below-threshold', agreement: 0.5 });
    expect(predictDocument(weak, text).score).toBeCloseTo(1 - 8.1 / 11, 12);
    expect(predictDocument(weak, 'Aaaa aaaaa. Aaaa aaaaa.')).toMatchObject({ tag: UND, reason: 'below-threshold', agreement: 1 });
  });

  it('uses given segments, and answers und with the sentences’ reason when none has letters', () => {
    const model = fixedClassifier(answers);
    expect(predictDocument(model, text, { segments: [{ start: 12, end: 15 }] })).toMatchObject({ tag: 'yyy_Latn', score: 1, agreement: 1 });
    expect(predictDocument(model, '123. 456.')).toMatchObject({ tag: UND, reason: 'no-letters', top: [] });
    expect(predictDocument(model, '   ')).toMatchObject({ tag: UND, reason: 'empty', sentences: [] });
  });

  it('passes batches straight to the classifier', () => {
    const model: SentenceClassifier = fixedClassifier(answers);
    expect(predictSentences(model, ['Bb?', 'zzz']).map((p) => p.tag)).toEqual(['yyy_Latn', UND]);
  });
});
