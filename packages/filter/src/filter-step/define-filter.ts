/**
 * The base helper every filter is built on (datatrove's BaseFilter with OpusFilter's score/accept split):
 * a filter declares its thresholds and supplies `score()`; this file does the rest once — options (a
 * threshold per option, `level`, `mode`, `perLanguage`, `thresholds`), per-language threshold lookup,
 * document vs sentence units, skipping documents already dropped (mapStep), counters, warnings, the
 * `doc.meta.filters[<name>]` record and the drop marks. Filters never touch text (ARCHITECTURE §3).
 *
 * Counters, for step `filter.<name>`, documents then sentences, each also under `filter.<name>.lang.<tag>.`:
 *   `kept`, `dropped.<reason>`, `would_drop.<reason>` (annotate mode), `skipped.<why>`;
 *   `sentences.kept`, `sentences.dropped.<reason>`, …; and `no_segments` when sentence level met a document
 *   without segments (it is then judged whole).
 */
import { defineStep, mapStep, UND, type Doc, type OptionSchema, type OptionValues, type StepContext, type StepDefinition } from '@ntl/core';
import type { FilterRecord, UnitRecord } from './filter-record.js';
import { defaultThresholdsFile } from '../thresholds/default-thresholds.js';
import { LanguageThresholds, parsePerLanguage, thresholdsFromFile } from './language-thresholds.js';
import { accept, type Scores, type ThresholdSchema } from './threshold-spec.js';

export type FilterLevel = 'document' | 'sentence';
/** `both`: sentences first (dropping the failing ones), then the whole document. */
export type LevelChoice = FilterLevel | 'both';

/** Why a unit was not scored; it passes, counted under `skipped.<why>`. Each distinct `warning` is logged once per run. */
export class Skip {
  constructor(
    readonly why: string,
    readonly warning?: string,
  ) {}
}

export interface FilterUnit {
  readonly text: string;
  readonly doc: Doc;
  /** The document's language (`doc.lang.tag`, und_Zyyy when missing): thresholds and lists are chosen by it. */
  readonly lang: string;
  readonly level: FilterLevel;
  /** The segment's index, for sentence units. */
  readonly index?: number;
}

export interface Scorer {
  score(unit: FilterUnit): Scores | Skip;
}

export interface FilterDefinition<S extends OptionSchema, T extends ThresholdSchema> {
  /** Short name: the step is `filter.<name>`, the record `doc.meta.filters.<name>`. */
  readonly name: string;
  readonly description: string;
  readonly levels: readonly LevelChoice[];
  readonly defaultLevel: LevelChoice;
  /** Documents whose language is undetermined are skipped (`skipped.undetermined`) rather than scored. */
  readonly needsLanguage: boolean;
  /** The filter's own options, besides thresholds and the common ones. */
  readonly options: S;
  readonly thresholds: T;
  /** Builds the scorer once per step (loads lists and files); errors name the option at fault. */
  scorer(options: OptionValues<S>): Scorer;
}

type ThresholdOptions<T extends ThresholdSchema> = {
  [K in keyof T]: { type: 'number'; default: number; min: number; max: number; description: string };
};

type CommonOptions = {
  level: { type: 'enum'; values: readonly string[]; default: string; description: string };
  mode: { type: 'enum'; values: readonly string[]; default: string; description: string };
  perLanguage: { type: 'strings'; default: readonly string[]; description: string };
  thresholds: { type: 'string'; default: string; description: string };
};

export type FilterOptionSchema<S extends OptionSchema, T extends ThresholdSchema> = S & ThresholdOptions<T> & CommonOptions;

/** What calibration needs to know about a filter step, besides its step definition. */
export interface FilterStepInfo<T extends ThresholdSchema = ThresholdSchema> {
  readonly filterName: string;
  readonly thresholdSpecs: T;
}

/** A filter step: a step definition (register it like any other) plus its thresholds. */
export type FilterStepDefinition<S extends OptionSchema = OptionSchema, T extends ThresholdSchema = ThresholdSchema> = StepDefinition<S> & FilterStepInfo<T>;

function commonOptions(definition: FilterDefinition<OptionSchema, ThresholdSchema>): CommonOptions {
  return {
    level: {
      type: 'enum',
      values: definition.levels,
      default: definition.defaultLevel,
      description: 'document: judge whole documents; sentence: judge each segment (documents without segments are judged whole); both: sentences, then the document',
    },
    mode: {
      type: 'enum',
      values: ['filter', 'annotate'],
      default: 'filter',
      description: 'filter: mark failing documents/sentences dropped; annotate: only record scores and would-be reasons in meta.filters (calibration, ablations)',
    },
    perLanguage: {
      type: 'strings',
      default: [],
      description: 'per-language threshold overrides: "<tag>=<value>" (filters with one threshold) or "<tag>.<threshold>=<value>"; they win over the thresholds file',
    },
    thresholds: {
      type: 'string',
      default: '',
      description:
        'thresholds file (ntl filter calibrate); its per-language values override the global ones. Empty: the shipped seed calibration (models/filter-thresholds-udhr.json) when present; "none": no file',
    },
  };
}

interface Outcome {
  readonly record: UnitRecord;
  readonly reason?: string;
}

const round = (value: number): number => Math.round(value * 1e4) / 1e4;

export function defineFilter<S extends OptionSchema, T extends ThresholdSchema>(definition: FilterDefinition<S, T>): FilterStepDefinition<FilterOptionSchema<S, T>, T> {
  const step = `filter.${definition.name}`;
  const common = commonOptions(definition as unknown as FilterDefinition<OptionSchema, ThresholdSchema>);
  const thresholdOptions = Object.fromEntries(
    Object.entries(definition.thresholds).map(([name, spec]) => [
      name,
      { type: 'number', default: spec.default, min: spec.min, max: spec.max, description: `${spec.description} (drop reason: ${spec.reason})` },
    ]),
  );
  for (const name of [...Object.keys(common), ...Object.keys(thresholdOptions)]) {
    if (name in definition.options) throw new Error(`${step}: option "${name}" is declared twice`);
  }
  if (!definition.levels.includes(definition.defaultLevel)) throw new Error(`${step}: default level "${definition.defaultLevel}" is not among its levels`);
  const options = { ...definition.options, ...thresholdOptions, ...common } as FilterOptionSchema<S, T>;
  const specs: ThresholdSchema = definition.thresholds;

  return {
    ...defineStep({
      name: step,
      description: definition.description,
      options,
      create(values) {
        const all = values as unknown as Record<string, unknown>;
        const global = Object.fromEntries(Object.keys(specs).map((name) => [name, all[name] as number]));
        const option = all['thresholds'] as string;
        const file = option === 'none' ? undefined : option === '' ? defaultThresholdsFile() : option;
        const layers = [...(file ? [thresholdsFromFile(file, step, specs)] : []), parsePerLanguage(all['perLanguage'] as string[], specs)];
        const thresholds = new LanguageThresholds(global, layers);
        const scorer = definition.scorer(values as unknown as OptionValues<S>);
        const level = all['level'] as LevelChoice;
        const annotate = all['mode'] === 'annotate';

        return (input, ctx) => {
          const warned = new Set<string>();
          const count = (unit: 'docs' | 'sentences', lang: string, outcome: 'kept' | 'dropped' | 'would_drop' | 'skipped', detail?: string): void => {
            const suffix = unit === 'sentences' ? '.sentences' : '';
            for (const base of [`${step}${suffix}`, `${step}.lang.${lang}${suffix}`]) {
              if (outcome === 'kept') ctx.stats.add(`${base}.kept`);
              else if (outcome === 'dropped') ctx.stats.drop(base, detail as string);
              else ctx.stats.add(`${base}.${outcome}.${detail as string}`);
            }
          };
          const skip = (unit: 'docs' | 'sentences', lang: string, skipped: Skip, context: StepContext): Outcome => {
            count(unit, lang, 'skipped', skipped.why);
            // Once per distinct warning: per language when the warning names it, per run when it does not.
            if (skipped.warning && !warned.has(skipped.warning)) {
              warned.add(skipped.warning);
              context.log.warn(`${step}: ${skipped.warning}`, { step, lang, skipped: skipped.why });
            }
            return { record: { skipped: skipped.why } };
          };
          const judge = (unit: FilterUnit, context: StepContext): Outcome => {
            const kind = unit.level === 'document' ? 'docs' : 'sentences';
            const result = scorer.score(unit);
            if (result instanceof Skip) return skip(kind, unit.lang, result, context);
            const scores: Scores = {};
            for (const [measure, value] of Object.entries(result)) scores[measure] = round(value);
            const reason = accept(scores, thresholds.for(unit.lang), specs);
            if (reason === undefined) {
              count(kind, unit.lang, 'kept');
              return { record: { scores } };
            }
            count(kind, unit.lang, annotate ? 'would_drop' : 'dropped', reason);
            return { record: { scores, drop: reason }, reason };
          };

          return mapStep(step, (doc, context) => {
            const lang = doc.lang?.tag ?? UND;
            const record: { annotate?: true; document?: UnitRecord; sentences?: Array<UnitRecord | null> } = annotate ? { annotate: true } : {};
            let result: Doc = doc;
            if (definition.needsLanguage && lang === UND) {
              record.document = skip('docs', lang, new Skip('undetermined'), context).record;
            } else {
              const segments = doc.segments;
              const bySentence = level !== 'document' && segments !== undefined && segments.length > 0;
              if (bySentence) {
                const sentences: Array<UnitRecord | null> = [];
                let changed = false;
                const next = segments.map((segment, index) => {
                  if (segment.drop) {
                    sentences.push(null);
                    return segment;
                  }
                  const outcome = judge({ text: doc.text.slice(segment.start, segment.end), doc, lang, level: 'sentence', index }, context);
                  sentences.push(outcome.record);
                  if (outcome.reason === undefined || annotate) return segment;
                  changed = true;
                  return { ...segment, drop: { filter: step, reason: outcome.reason } };
                });
                record.sentences = sentences;
                if (changed) result = { ...result, segments: next };
              } else if (level === 'sentence') {
                context.stats.add(`${step}.no_segments`);
              }
              if (level !== 'sentence' || !bySentence) {
                const outcome = judge({ text: doc.text, doc, lang, level: 'document' }, context);
                record.document = outcome.record;
                if (outcome.reason !== undefined && !annotate) result = { ...result, drop: { filter: step, reason: outcome.reason } };
              }
            }
            const filters = (doc.meta['filters'] ?? {}) as Record<string, FilterRecord>;
            return { ...result, meta: { ...result.meta, filters: { ...filters, [definition.name]: record } } };
          })(input, ctx);
        };
      },
    }),
    filterName: definition.name,
    thresholdSpecs: definition.thresholds,
  };
}
