/** `ntl langid predict`: lines in, one JSON prediction per line out (ARCHITECTURE §5: `{"tag","score","top"}`). */
import { createReadStream } from 'node:fs';
import { createInterface } from 'node:readline';
import { predictDocument, type SentenceClassifier } from '@ntl/langid';
import { Option, type Command } from 'commander';
import { parsePositiveInteger } from '../arguments.js';
import { loadModelChoice, type ModelChoice } from '../langid-model.js';

interface PredictOptions extends ModelChoice {
  level: 'sentence' | 'document';
  reject?: boolean;
  top: number;
  batch: number;
  refiners: boolean;
}

const CLASSIFIER_K = 5;

function predictBatch(classifier: SentenceClassifier, lines: readonly string[], options: PredictOptions): string {
  if (options.level === 'document') {
    return lines
      .map((line) => {
        const { tag, score, top, reason, agreement } = predictDocument(classifier, line, { k: options.top, refine: options.refiners });
        return `${JSON.stringify({ tag, score, top, ...(reason ? { reason } : {}), agreement })}\n`;
      })
      .join('');
  }
  return classifier
    .predict(lines, { k: Math.max(options.top, CLASSIFIER_K), reject: options.reject ?? false, refine: options.refiners })
    .map(({ tag, score, top, reason, belowThreshold }) => `${JSON.stringify({ tag, score, top: top.slice(0, options.top), ...(reason ? { reason } : {}), ...(belowThreshold ? { belowThreshold } : {}) })}\n`)
    .join('');
}

export function registerLangIdPredict(langid: Command): void {
  langid
    .command('predict')
    .description('Identify the language of each input line; prints one JSON object per line: {"tag","score","top"[,"reason"][,"belowThreshold"]}.')
    .argument('[files...]', 'text files, one text per line (default: standard input)')
    .option('--model <dir>', 'model folder (default: models/langid-full when built, else models/langid-udhr)')
    .option('--neural', "combine the folder's SSLID neural stage with stage 1 (needs a model trained with it)")
    .addOption(new Option('--level <level>', 'sentence: each line as one text; document: each line split into sentences whose evidence is aggregated').choices(['sentence', 'document']).default('sentence'))
    .option('--top <k>', 'labels listed in "top"', parsePositiveInteger, 3)
    .option('--reject', 'sentence level: answer und_Zyyy (reason below-threshold) under a language\'s reject threshold, as the corpus pipeline does; by default the best label is given, marked "belowThreshold"')
    .option('--no-refiners', "stage 1 alone: do not let the folder's cluster refiners decide inside confusable clusters (A/B, speed)")
    .option('--batch <n>', 'lines per model call', parsePositiveInteger, 1000)
    .addHelpText('after', '\nExample:\n  echo "Habari ya asubuhi, rafiki yangu" | ntl langid predict\n  {"tag":"swh_Latn","score":0.99,"top":[["swh_Latn",0.99],…]}')
    .action(async (files: string[], options: PredictOptions) => {
      const { classifier } = await loadModelChoice(options);
      try {
        const inputs = files.length ? files.map((file) => createReadStream(file)) : [process.stdin];
        for (const input of inputs) {
          let batch: string[] = [];
          for await (const line of createInterface({ input, crlfDelay: Infinity })) {
            batch.push(line);
            if (batch.length >= options.batch) {
              process.stdout.write(predictBatch(classifier, batch, options));
              batch = [];
            }
          }
          if (batch.length) process.stdout.write(predictBatch(classifier, batch, options));
        }
      } finally {
        classifier.dispose();
      }
    });
}
