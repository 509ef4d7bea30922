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
 * Score histograms (stats.json `histograms`, drawn in report.html), per language and thresholded measure:
 *   `filter.<name>.lang.<tag>.<measure>` and `filter.<name>.lang.<tag>.sentences.<measure>`.
 */
import { defineStep, dropKey, mapStep, UND, type Doc, type DropMark, type OptionSchema, type OptionValues, type Segment, type Stats, type StepContext, type StepDefinition } from '@ntl/core';
import { isScored, type FilterRecord, type ScoredUnit, type SkippedUnit, type UnitRecord } from './filter-record.js';
import { defaultThresholdsFile } from '../thresholds/default-thresholds.js';
import { LanguageThresholds, parsePerLanguage, thresholdsFromFile } from './language-thresholds.js';
import { measureHistograms, ScoreHistograms } from './score-histograms.js';
import { copyWith, rememberUniform, withUniformSegments } from './shared-shapes.js';
import { thresholdChecker, type Scores, type ThresholdSchema } from './threshold-spec.js';

export type FilterLevel = 'document' | 'sentence';
/** `both`: sentences first (dropping the failing ones), then the whole document. */
export type LevelChoice = FilterLevel | 'both';

/** Why a unit was not scored; it passes, counted under `skipped.<why>`. Each distinct `warning` is logged once per task. */
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
  /**
   * Where `text` sits in `doc.text` (UTF-16 offsets): the segment's span, or the whole text. Scorers that
   * tokenize read `doc.text` between them, so that the filters of a chain share one scan of the document.
   */
  readonly start: number;
  readonly end: number;
}

export interface Scorer {
  /**
   * A new Scores object for each unit: the helper rounds its values in place and keeps it in the unit's
   * record (copying the scores of every unit of a crawl would only make garbage). The unit is the scorer's
   * during the call only: the helper fills the same object with the next unit.
   */
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

const round = (value: number): number => Math.round(value * 1e4) / 1e4;

/**
 * Unit records shared between units that have the same one: a skip reason's, and a kept unit's with a single
 * measure while consecutive units score the same (most sentences score hits 0 for the blocklist,
 * disagreement 0 for consistency); and the step's drop mark for each reason. Documents waiting for the writer
 * then hold one object for them instead of two each, and those are what the garbage collector copies and
 * marks. Records and marks are values: nothing changes them once made (readers only read, and the JSON is
 * the same).
 */
class SharedRecords {
  private readonly skipped = new Map<string, SkippedUnit>();
  private readonly drops = new Map<string, DropMark>();
  private kept: ScoredUnit | undefined;
  private keptMeasure = '';
  private keptValue = 0;

  skip(why: string): SkippedUnit {
    let record = this.skipped.get(why);
    if (!record) this.skipped.set(why, (record = { skipped: why }));
    return record;
  }

  /** The mark of a unit this step drops for `reason`. */
  drop(step: string, reason: string): DropMark {
    let mark = this.drops.get(reason);
    if (!mark) this.drops.set(reason, (mark = { filter: step, reason }));
    return mark;
  }

  /** The record of a kept unit whose `scores` hold `measures` measures, the last of them `measure`. */
  keep(scores: Scores, measures: number, measure: string): ScoredUnit {
    if (measures !== 1) return { scores };
    const value = scores[measure] as number;
    if (this.kept !== undefined && measure === this.keptMeasure && Object.is(value, this.keptValue)) return this.kept;
    this.keptMeasure = measure;
    this.keptValue = value;
    return (this.kept = { scores });
  }
}

type CountedOutcome = 'dropped' | 'would_drop' | 'skipped';

/**
 * The counter keys of one unit kind (documents or sentences) in one language, each built once: for a
 * sentence filter, template strings per unit (and hashing each fresh key) cost more than the filter's idea.
 * A key is `<base>.kept`, `<base>.dropped.<reason>` (Stats.drop's) or `<base>.<outcome>.<detail>`, for the
 * step's base and the language's.
 */
class UnitCounters {
  readonly kept: readonly string[];
  /**
   * The Stats in which the `kept` counters exist already: kept sentences are then added once per document
   * rather than per sentence (the first one is added at once, so that counters keep the order units made them).
   */
  keptIn: Stats | undefined;
  private readonly byOutcome = new Map<CountedOutcome, Map<string, readonly string[]>>();

  constructor(private readonly bases: readonly string[]) {
    this.kept = bases.map((base) => `${base}.kept`);
  }

  keys(outcome: CountedOutcome, detail: string): readonly string[] {
    let byDetail = this.byOutcome.get(outcome);
    if (!byDetail) this.byOutcome.set(outcome, (byDetail = new Map()));
    let keys = byDetail.get(detail);
    if (!keys) byDetail.set(detail, (keys = this.bases.map((base) => (outcome === 'dropped' ? dropKey(base, detail) : `${base}.${outcome}.${detail}`))));
    return keys;
  }
}

/** What a step needs for one language, looked up once per document. */
interface PerLanguage {
  readonly docs: UnitCounters;
  readonly sentences: UnitCounters;
  readonly docScores: ScoreHistograms;
  readonly sentenceScores: ScoreHistograms;
  /** The language's thresholds as accept(): the drop reason of a failing unit's scores. */
  readonly failure: (scores: Scores) => string | undefined;
}

/**
 * The unit handed to the scorer, one object per step filled anew for each unit rather than one per unit
 * (tens per document). A sentence's text is sliced only when the scorer reads it (consistency reads labels).
 */
class UnitCursor implements FilterUnit {
  doc: Doc = { id: '', text: '', source: { path: '' }, meta: {} };
  lang = '';
  level: FilterLevel = 'document';
  index: number | undefined = undefined;
  start = 0;
  end = 0;

  get text(): string {
    const text = this.doc.text;
    return this.level === 'document' ? text : text.slice(this.start, this.end);
  }

  document(doc: Doc, lang: string): this {
    this.doc = doc;
    this.lang = lang;
    this.level = 'document';
    this.index = undefined;
    this.start = 0;
    this.end = doc.text.length;
    return this;
  }

  sentence(doc: Doc, lang: string, index: number, segment: Segment): this {
    this.doc = doc;
    this.lang = lang;
    this.level = 'sentence';
    this.index = index;
    this.start = segment.start;
    this.end = segment.end;
    return this;
  }
}

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

        const noSegmentsKey = `${step}.no_segments`;
        const languages = new Map<string, PerLanguage>();
        const languageFor = (lang: string): PerLanguage => {
          let language = languages.get(lang);
          if (!language) {
            const bases = [step, `${step}.lang.${lang}`];
            const languageThresholds = thresholds.for(lang);
            const measures = measureHistograms(specs, languageThresholds);
            language = {
              docs: new UnitCounters(bases),
              sentences: new UnitCounters(bases.map((base) => `${base}.sentences`)),
              docScores: new ScoreHistograms(`${step}.lang.${lang}`, measures),
              sentenceScores: new ScoreHistograms(`${step}.lang.${lang}.sentences`, measures),
              failure: thresholdChecker(specs, languageThresholds),
            };
            languages.set(lang, language);
          }
          return language;
        };

        return (input, ctx) => {
          const warned = new Set<string>();
          const count = (keys: readonly string[]): void => {
            for (const key of keys) ctx.stats.add(key);
          };
          const shared = new SharedRecords();
          const cursor = new UnitCursor();
          const skip = (counters: UnitCounters, lang: string, skipped: Skip, context: StepContext): UnitRecord => {
            count(counters.keys('skipped', skipped.why));
            // Once per distinct warning: per language when the warning names it, per run when it does not.
            if (skipped.warning && !warned.has(skipped.warning)) {
              warned.add(skipped.warning);
              context.log.warn(`${step}: ${skipped.warning}`, { step, lang, skipped: skipped.why });
            }
            return shared.skip(skipped.why);
          };
          /** Kept sentences of the document being judged, to add to counters that exist already. */
          let keptSentences = 0;
          /** The unit's record; a failing unit's has the drop reason, applied by the caller unless annotating. */
          const judge = (unit: FilterUnit, counters: UnitCounters, histograms: ScoreHistograms, failure: (scores: Scores) => string | undefined, context: StepContext): UnitRecord => {
            const scores = scorer.score(unit);
            if (scores instanceof Skip) return skip(counters, unit.lang, scores, context);
            let measures = 0;
            let last = '';
            for (const measure in scores) {
              const value = scores[measure] as number;
              const rounded = round(value);
              // Counts and zeros are rounded already: writing them again costs a store and, for a double field, a new box.
              if (rounded !== value) scores[measure] = rounded;
              measures++;
              last = measure;
            }
            histograms.add(scores, context.stats);
            const reason = failure(scores);
            if (reason === undefined) {
              if (unit.level === 'sentence' && counters.keptIn === context.stats) {
                keptSentences++;
              } else {
                count(counters.kept);
                counters.keptIn = context.stats;
              }
              return shared.keep(scores, measures, last);
            }
            count(counters.keys(annotate ? 'would_drop' : 'dropped', reason));
            return { scores, drop: reason };
          };
          const applied = (record: UnitRecord): string | undefined => (annotate || !isScored(record) ? undefined : record.drop);

          return mapStep(step, (received, context) => {
            const doc = withUniformSegments(received);
            const lang = doc.lang?.tag ?? UND;
            const language = languageFor(lang);
            const record: { annotate?: true; document?: UnitRecord; sentences?: Array<UnitRecord | null> } = annotate ? { annotate: true } : {};
            let result: Doc = doc;
            if (definition.needsLanguage && lang === UND) {
              record.document = skip(language.docs, lang, new Skip('undetermined'), context);
            } else {
              const segments = doc.segments;
              const bySentence = level !== 'document' && segments !== undefined && segments.length > 0;
              if (bySentence) {
                const sentences: Array<UnitRecord | null> = new Array<UnitRecord | null>(segments.length);
                // Copied on the first sentence dropped: most documents keep theirs and are not copied.
                let next: Segment[] | undefined;
                for (let index = 0; index < segments.length; index++) {
                  const segment = segments[index] as Segment;
                  if (segment.drop) {
                    sentences[index] = null;
                    continue;
                  }
                  const judged = judge(cursor.sentence(doc, lang, index, segment), language.sentences, language.sentenceScores, language.failure, context);
                  sentences[index] = judged;
                  const reason = applied(judged);
                  if (reason === undefined) continue;
                  if (!next) {
                    next = segments.slice();
                    rememberUniform(next);
                  }
                  next[index] = copyWith(segment, 'drop', shared.drop(step, reason));
                }
                record.sentences = sentences;
                if (next) result = copyWith(result, 'segments', next);
                if (keptSentences > 0) for (const key of language.sentences.kept) context.stats.add(key, keptSentences);
                keptSentences = 0;
              } else if (level === 'sentence') {
                context.stats.add(noSegmentsKey);
              }
              if (level !== 'sentence' || !bySentence) {
                const judged = judge(cursor.document(doc, lang), language.docs, language.docScores, language.failure, context);
                record.document = judged;
                const reason = applied(judged);
                if (reason !== undefined) result = copyWith(result, 'drop', shared.drop(step, reason));
              }
            }
            // Copies key by key (shared-shapes.ts): a spread that gains a key makes a hidden class per document.
            const filters = copyWith(doc.meta['filters'] as Record<string, FilterRecord> | undefined, definition.name, record);
            return copyWith(result, 'meta', copyWith(result.meta, 'filters', filters));
          })(input, ctx);
        };
      },
    }),
    filterName: definition.name,
    thresholdSpecs: definition.thresholds,
  };
}
