import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { readEvalData } from '../src/eval/eval-data.js';

const fixtures = join(import.meta.dirname, 'fixtures');

describe('readEvalData', () => {
  test('FLORES/SIB folder: dev split by default, folders in tag order, quoted fields unquoted', async () => {
    const data = await readEvalData(join(fixtures, 'eval-sib'));
    expect(data.name).toBe('eval-sib-dev');
    expect(data.sentences.map(({ tag }) => tag)).toEqual(['ace_Arab', 'ace_Arab', 'ace_Arab', 'hau_Latn', 'hau_Latn', 'srp_Cyrl', 'srp_Cyrl']);
    expect(data.sentences[3]?.text).toBe(
      'Da samun sauyi daga kwatan gudun rabin mil guda, batun gudu ya zama maras muhimmanci sosai yayin da jajircewa kuma ya zama wani abu na lallai.',
    );
    const quoted = data.sentences[2]?.text ?? '';
    expect(quoted.startsWith('لم سابوه')).toBe(true);
    expect(quoted.endsWith('تهات."')).toBe(true);
    expect(quoted).toContain(' "ڤسوسه');
  });

  test('another split reads only the folders that have it', async () => {
    const data = await readEvalData(join(fixtures, 'eval-sib'), { split: 'train' });
    expect(data.name).toBe('eval-sib-train');
    expect(data.sentences.map(({ tag }) => tag)).toEqual(['hau_Latn']);
  });

  test('tag<TAB>text file: tags normalised (a bare code takes the text script), blank lines skipped', async () => {
    const data = await readEvalData(join(fixtures, 'eval-tagged', 'sentences.tsv'));
    expect(data.name).toBe('sentences.tsv');
    expect(data.sentences.map(({ tag }) => tag)).toEqual(['hau_Latn', 'srp_Cyrl', 'ace_Arab']);
    expect(data.sentences[1]?.text).toBe('Погледајте која путовања агент промовише.');
  });

  test('errors name the file and line', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'ntl-eval-data-'));
    const noTab = join(dir, 'no-tab.tsv');
    writeFileSync(noTab, 'eng_Latn\tfine\njust text\n');
    await expect(readEvalData(noTab)).rejects.toThrow(`${noTab}:2: expected "tag<TAB>text"`);
    const badTag = join(dir, 'bad-tag.tsv');
    writeFileSync(badTag, 'klingonish\ttext\n');
    await expect(readEvalData(badTag)).rejects.toThrow(`${badTag}:1: cannot map "klingonish"`);
    await expect(readEvalData(dir)).rejects.toThrow('no language folders');
    await expect(readEvalData(join(dir, 'missing.tsv'))).rejects.toThrow('ENOENT');
  });
});
