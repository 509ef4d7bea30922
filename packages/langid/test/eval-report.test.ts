import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { dominantScript } from '@ntl/core';
import { evalCommand } from '../src/eval/eval-command.js';
import { readEvalData } from '../src/eval/eval-data.js';
import { trainModel } from '../src/model/train-model.js';
import { renderEvalReport } from '../src/eval/eval-report.js';
import { evaluate } from '../src/eval/evaluate.js';
import { modelFolderIdentity } from '../src/eval/model-identity.js';
import type { LangPrediction, SentenceClassifier } from '../src/prediction.js';

const fixtures = join(import.meta.dirname, 'fixtures');

/** A real (if crude) classifier: one language per script, as a script pre-check would decide alone. */
const byScript: SentenceClassifier = {
  languages: ['hau_Latn', 'ace_Arab', 'srp_Cyrl'],
  predict: (texts) =>
    texts.map((text): LangPrediction => {
      const tag = { Latn: 'hau_Latn', Arab: 'ace_Arab', Cyrl: 'srp_Cyrl' }[dominantScript(text)];
      return tag ? { tag, score: 0.9, top: [[tag, 0.9]] } : { tag: 'und_Zyyy', score: 0, top: [], reason: 'no-letters' };
    }),
};

describe('HTML report', () => {
  const gold = [
    { tag: 'eng_Latn', text: 'a' },
    { tag: 'eng_Latn', text: 'b' },
    { tag: 'sco_Latn', text: 'c' },
    { tag: 'sco_Latn', text: 'd' },
  ];
  const predictions: LangPrediction[] = ['eng_Latn', 'eng_Latn', 'eng_Latn', 'sco_Latn'].map((tag) => ({ tag, score: 0.8, top: [[tag, 0.8]] }));
  const html = renderEvalReport(evaluate(gold, predictions, { model: { name: 'm<1>', hash: '111111111111' } }));

  test('is one offline document with signature, cards, table, confusions and diagram', () => {
    expect(html.startsWith('<!doctype html>')).toBe(true);
    expect(html).not.toMatch(/<(link|img)\b|src=|https?:\/\/(?!www\.w3\.org\/2000\/svg)/);
    expect(html).toContain('model:m&#60;1&#62;@111111111111|');
    expect(html).toContain('<b>0.750</b>accuracy');
    expect(html).toContain('<svg');
    expect(html).toContain('<tr><td>sco_Latn</td><td>eng_Latn</td><td>1</td></tr>');
  });

  test('explains und_Zyyy answers by the rejected best guess', () => {
    const rejected: LangPrediction = { tag: 'und_Zyyy', score: 0.7, top: [['eng_Latn', 0.3]], reason: 'below-threshold' };
    const report = renderEvalReport(evaluate(gold, [...predictions.slice(0, 3), rejected]));
    expect(report).toContain('<td>eng_Latn (1 of 2); und_Zyyy 1 of 2, rejected best guess eng_Latn (1)</td>');
  });

  test('flags recall below 0.8 with the main confusion as explanation', () => {
    expect(html).toContain('Languages below recall 0.8 (1)');
    expect(html).toContain('<tr><td>sco_Latn</td><td>Scots</td><td>0.500</td><td>eng_Latn (1 of 2)</td></tr>');
    expect(html).toMatch(/<tr class="warn"><td>sco_Latn<\/td>/);
    expect(html).not.toMatch(/<tr class="warn"><td>eng_Latn<\/td>/);
  });
});

describe('evalCommand', () => {
  test('reads the data, predicts, scores and writes JSON and HTML', async () => {
    const out = mkdtempSync(join(tmpdir(), 'ntl-eval-'));
    const { result, files } = await evalCommand({
      classifier: byScript,
      model: { name: 'by-script', hash: 'aaaaaaaaaaaa' },
      dataPath: join(fixtures, 'eval-sib'),
      out,
      batchSize: 2,
    });
    expect(result.all.sentences).toBe(7);
    expect(result.all.accuracy).toBe(1);
    expect(result.signature).toMatch(/^model:by-script@aaaaaaaaaaaa\|data:eval-sib-dev@[0-9a-f]{12}\|n:7\|langs:3\|level:sentence\|macro:nested\|/);
    expect(files).toEqual([join(out, 'eval.json'), join(out, 'eval.html')]);
    expect(JSON.parse(readFileSync(join(out, 'eval.json'), 'utf8')).signature).toBe(result.signature);
    expect(readFileSync(join(out, 'eval.html'), 'utf8')).toContain(result.signature);
  });

  test('evaluates a model folder, loaded with loadLangIdModel and signed with its file hash', async () => {
    // A tiny real stage-1 model trained on the fixture's own sentences (so it should get them right).
    const data = (await readEvalData(join(fixtures, 'eval-sib'))).sentences.map((s, i) => ({ ...s, docId: `d${i}`, source: 'fixture' }));
    const modelDir = mkdtempSync(join(tmpdir(), 'ntl-eval-model-'));
    await trainModel({ data, heldOutFraction: 0, quantize: false, hyperparameters: { bucket: 2000, dim: 8, epoch: 50 }, outDir: modelDir });
    const { result } = await evalCommand({ modelDir, dataPath: join(fixtures, 'eval-sib') });
    expect(result.settings.model).toEqual(modelFolderIdentity(modelDir));
    expect(result.all.sentences).toBe(7);
    expect(result.all.perLanguage.map(({ tag }) => tag)).toEqual(['ace_Arab', 'hau_Latn', 'srp_Cyrl']);
    // Each language is the model's only one in its script: the script pre-check decides every sentence.
    expect(result.all.accuracy).toBe(1);
    await expect(evalCommand({ modelDir: join(modelDir, 'missing'), dataPath: join(fixtures, 'eval-sib') })).rejects.toThrow(/model\.json/);
  });

  test('a classifier returning too few predictions is an error', async () => {
    const short: SentenceClassifier = { languages: [], predict: (texts) => byScript.predict(texts.slice(1)) };
    await expect(evalCommand({ classifier: short, model: { name: 's', hash: '0' }, dataPath: join(fixtures, 'eval-tagged', 'sentences.tsv') })).rejects.toThrow(
      'classifier returned 2 predictions for 3 texts',
    );
  });
});

describe('modelFolderIdentity', () => {
  test('hashes every file, so an edit changes it', () => {
    const dir = mkdtempSync(join(tmpdir(), 'ntl-model-'));
    writeFileSync(join(dir, 'model.json'), '{"kind":"x"}');
    writeFileSync(join(dir, 'lid.ftz'), 'weights');
    const first = modelFolderIdentity(dir);
    expect(first.hash).toMatch(/^[0-9a-f]{12}$/);
    expect(modelFolderIdentity(dir)).toEqual(first);
    writeFileSync(join(dir, 'lid.ftz'), 'weights2');
    expect(modelFolderIdentity(dir).hash).not.toBe(first.hash);
  });

  test('an empty folder is an error', () => {
    const dir = mkdtempSync(join(tmpdir(), 'ntl-model-'));
    expect(() => modelFolderIdentity(dir)).toThrow('empty model folder');
  });
});
