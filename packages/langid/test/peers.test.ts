import { UND } from '@ntl/core';
import { CLD2_QUIRKS } from '../src/peers/cld2.js';
import { LID176_QUIRKS } from '../src/peers/lid176.js';
import { loadPeers, PEER_NAMES } from '../src/peers/load-peers.js';
import { peerLanguages, peerPrediction, peerTag } from '../src/peers/peer-labels.js';

describe('peer labels through the tag registry', () => {
  test('bare codes take the text script; an explicit script wins', () => {
    expect(peerTag('sr', 'Dobar dan')).toBe('srp_Latn');
    expect(peerTag('sr', 'Добар дан')).toBe('srp_Cyrl');
    expect(peerTag('zh', '这是简体中文的句子。')).toBe('zho_Hans');
    expect(peerTag('zh', '這是繁體中文的句子。')).toBe('zho_Hant');
    expect(peerTag('zh-Hant', '这是简体中文的句子。')).toBe('zho_Hant');
    expect(peerTag('ja', 'これは日本語の文です。')).toBe('jpn_Jpan');
    expect(peerTag('ru-Latn', 'Привет')).toBe('rus_Latn');
    expect(peerTag('en', '12345')).toBe('eng_Latn');
  });

  test('peer quirks and undetermined labels', () => {
    expect(peerTag('__label__als', 'Grüezi mitenand', LID176_QUIRKS)).toBe('gsw_Latn');
    expect(peerTag('__label__als', 'Përshëndetje')).toBe('als_Latn');
    expect(peerTag('bh', 'नमस्कार', CLD2_QUIRKS)).toBe('bho_Deva');
    expect(peerTag('un', 'text')).toBe(UND);
    expect(peerTag('und', 'text')).toBe(UND);
    expect(peerTag('__label__nah', 'tlahtolli', LID176_QUIRKS)).toBeUndefined();
  });

  test('peerPrediction keeps mapped top entries and explains und', () => {
    expect(peerPrediction('Добар дан', [['sr', 0.9], ['mk', 0.05]])).toEqual({ tag: 'srp_Cyrl', score: 0.9, top: [['srp_Cyrl', 0.9], ['mkd_Cyrl', 0.05]] });
    expect(peerPrediction('tlahtolli', [['__label__nah', 0.7], ['__label__es', 0.1]], LID176_QUIRKS)).toEqual({
      tag: UND,
      score: 0,
      top: [['spa_Latn', 0.1]],
      reason: 'unmapped-label:__label__nah',
    });
    expect(peerPrediction('12345', [['und', 1]])).toMatchObject({ tag: UND, reason: 'peer-undetermined' });
    expect(peerPrediction('', [])).toMatchObject({ tag: UND, reason: 'no-answer' });
  });

  test('peerLanguages lists each label in every registry script', () => {
    expect(peerLanguages(['sr', 'en', 'zh-Hant', 'un'])).toEqual(['eng_Latn', 'srp_Cyrl', 'srp_Latn', 'zho_Hant']);
  });
});

// Smoke test of the installed peers (dev dependencies). A peer that cannot load is skipped with its reason.
const { peers, missing } = await loadPeers();
for (const { name, reason } of missing) console.warn(`peers.test: skipping ${name}: ${reason}`);

describe('installed peers', () => {
  test('every known peer either loads or reports why not', () => {
    expect([...peers.map((peer) => peer.name), ...missing.map((peer) => peer.name)].sort()).toEqual([...PEER_NAMES].sort());
  });

  for (const name of PEER_NAMES) {
    const peer = peers.find((candidate) => candidate.name === name);
    (peer ? test : test.skip)(`${name} labels Serbian Cyrillic and English`, async () => {
      if (!peer) return;
      const [serbian, english, empty] = await peer.predict(['Сви људи рађају се слободни и једнаки у достојанству и правима.', 'All human beings are born free and equal in dignity and rights.', '']);
      expect(serbian?.tag).toBe('srp_Cyrl');
      expect(english?.tag).toBe('eng_Latn');
      expect(empty).toBeDefined();
      expect(peer.languages).toContain('eng_Latn');
      expect(peer.version).toMatch(/@\d+\.\d+\.\d+$/);
    });
  }

  afterAll(() => peers.forEach((peer) => peer.dispose()));
});
