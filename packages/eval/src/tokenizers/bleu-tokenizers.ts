import { tokenize13a } from './tokenizer-13a.js';
import { tokenizeChar } from './tokenizer-char.js';
import { tokenizeIntl } from './tokenizer-intl.js';

/** The BLEU tokenizers ntl implements, named as in sacrebleu's `--tokenize` and signature. */
export const BLEU_TOKENIZERS = ['13a', 'intl', 'char', 'none'] as const;
export type BleuTokenizerName = (typeof BLEU_TOKENIZERS)[number];

/** sacrebleu tokenizers that need external segmenters or models ntl does not ship. */
const UNSUPPORTED: Readonly<Record<string, string>> = {
  zh: 'it needs sacrebleu\'s Chinese segmentation rules',
  'ja-mecab': 'it needs MeCab with the ipadic dictionary',
  'ko-mecab': 'it needs MeCab with the mecab-ko dictionary',
  spm: 'it needs the FLORES SentencePiece model',
  flores101: 'it needs the FLORES-101 SentencePiece model',
  flores200: 'it needs the FLORES-200 SentencePiece model',
};

/** A BLEU tokenizer sacrebleu knows but ntl cannot run, or a name neither knows. */
export class UnsupportedTokenizerError extends Error {
  constructor(readonly tokenizer: string) {
    const why = UNSUPPORTED[tokenizer];
    super(
      why
        ? `BLEU tokenizer '${tokenizer}' is not supported: ${why}; use one of ${BLEU_TOKENIZERS.join(', ')} ('char' or 'intl' for CJK)`
        : `unknown BLEU tokenizer '${tokenizer}'; expected one of ${BLEU_TOKENIZERS.join(', ')}`,
    );
    this.name = 'UnsupportedTokenizerError';
  }
}

export function isBleuTokenizerName(name: string): name is BleuTokenizerName {
  return (BLEU_TOKENIZERS as readonly string[]).includes(name);
}

/** The tokenizer function for `name`; throws `UnsupportedTokenizerError` for anything else. */
export function bleuTokenizer(name: string): (line: string) => string {
  switch (name) {
    case '13a':
      return tokenize13a;
    case 'intl':
      return tokenizeIntl;
    case 'char':
      return tokenizeChar;
    case 'none':
      return (line) => line;
    default:
      throw new UnsupportedTokenizerError(name);
  }
}
