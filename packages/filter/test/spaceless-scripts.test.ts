import { loadUdhr } from '@ntl/langid';
import { repetitionMeasures, textMeasures } from '@ntl/filter';

/** Gopher's word rules are for space-separated text: not applied to text mostly in scripts without spaces. */
describe('word rules and scripts without spaces', () => {
  it('leaves out word length, short lines and word n-grams for Khmer, Thai and Chinese, not for English or Tamil', async () => {
    const udhr = await loadUdhr({ unit: 'paragraph' });
    const page = (tag: string): string =>
      udhr
        .filter((t) => t.tag === tag)
        .slice(0, 12)
        .map((t) => t.text)
        .join('\n');
    for (const tag of ['khm_Khmr', 'tha_Thai', 'cmn_Hans']) {
      const text = page(tag);
      expect(text.length).toBeGreaterThan(500);
      const measures = textMeasures(text, { shortLineChars: 30 });
      expect(measures['meanWordLength']).toBeUndefined();
      expect(measures['shortLines']).toBeUndefined();
      expect(repetitionMeasures(text)['dup5gram']).toBeUndefined();
      expect(repetitionMeasures(text)['dupLines']).toBe(0);
    }
    for (const tag of ['eng_Latn', 'tam_Taml']) {
      const text = page(tag);
      expect(textMeasures(text, { shortLineChars: 30 })['meanWordLength']).toBeGreaterThan(3);
      expect(repetitionMeasures(text)['dup5gram']).toBeGreaterThanOrEqual(0);
    }
  });
});
