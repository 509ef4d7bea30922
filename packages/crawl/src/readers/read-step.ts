import { defineStep, type Doc, type StepContext } from '@ntl/core';
import { decodeBody, DEFAULT_FALLBACK_CHARSET, DEFAULT_PRESCAN_BYTES } from '../charset/decode-body.js';
import { DEFAULT_ARCHIVE_OPTIONS } from './archive-records.js';
import type { RawDocument } from './raw-document.js';
import { DEFAULT_CONTENT_TYPES, emptyCounts, readDocuments, type ReadCounts } from './read-documents.js';

const STEP = 'crawl.read';

const options = {
  maxRecordBytes: {
    type: 'integer',
    default: DEFAULT_ARCHIVE_OPTIONS.maxRecordBytes,
    min: 1,
    description: 'Records (and text blocks) larger than this many bytes are skipped and counted as crawl.read.skipped.oversize (64 MiB).',
  },
  contentTypes: {
    type: 'strings',
    default: DEFAULT_CONTENT_TYPES,
    description: 'Payload media types to keep; other records are counted as crawl.read.skipped.content_type.',
  },
  includeNon200: { type: 'boolean', default: false, description: 'Keep HTTP responses whose status is not 200.' },
  keepDamaged: { type: 'boolean', default: false, description: 'Keep documents from damaged records (cut short, or with a wrong length).' },
  prescanBytes: { type: 'integer', default: DEFAULT_PRESCAN_BYTES, min: 0, description: 'Bytes of HTML searched for a <meta> charset.' },
  fallbackCharset: {
    type: 'string',
    default: DEFAULT_FALLBACK_CHARSET,
    description: 'Charset for undeclared payloads that are not UTF-8 (WHATWG default: windows-1252).',
  },
} as const;

/**
 * `crawl.read`: every file in `ctx.inputs` as Docs whose text is the decoded payload (HTML stays
 * HTML; extraction is a later step). Damage never stops the run: it is logged and counted.
 */
export const readStep = defineStep({
  name: STEP,
  description: 'Reads WARC/ARC (gzip or not), JSONL, JSON arrays and text files into documents, decoding charsets.',
  options,
  create: (values) =>
    async function* (_input, ctx) {
      for (const file of ctx.inputs) {
        if (ctx.signal.aborted) return;
        yield* readFile(file.path, values, ctx);
      }
    },
});

type Values = { maxRecordBytes: number; contentTypes: string[]; includeNon200: boolean; keepDamaged: boolean; prescanBytes: number; fallbackCharset: string };

async function* readFile(path: string, values: Values, ctx: StepContext): AsyncGenerator<Doc> {
  const counts = emptyCounts();
  let reported = 0;
  const progress = (): void => {
    if (counts.bytes > reported) ctx.progress(counts.bytes - reported);
    reported = Math.max(reported, counts.bytes);
  };
  let started = performance.now();
  ctx.stats.add(`${STEP}.files`);
  try {
    for await (const event of readDocuments(path, values, counts)) {
      if (event.damage) {
        const { path: where, offset, kind, line } = event.damage;
        ctx.stats.damage({ path: where, offset, kind, message: line === undefined ? event.damage.message : `line ${line}: ${event.damage.message}` });
        ctx.log.warn(event.damage.message, line === undefined ? { path: where, offset, kind } : { path: where, offset, kind, line });
        continue;
      }
      const doc = toDoc(event.doc, values, ctx);
      progress();
      ctx.stats.time(STEP, performance.now() - started);
      yield doc;
      started = performance.now();
      if (ctx.signal.aborted) return;
    }
    ctx.stats.time(STEP, performance.now() - started);
  } finally {
    progress();
    fold(counts, ctx);
  }
}

/** Folds one file's counts into the run's stats under `crawl.read.*`. */
function fold(counts: ReadCounts, ctx: StepContext): void {
  ctx.stats.add(`${STEP}.bytes`, counts.bytes);
  if (counts.emptyFile) ctx.stats.add(`${STEP}.empty_files`);
  for (const [type, n] of Object.entries(counts.records)) ctx.stats.add(`${STEP}.records.${type}`, n);
  for (const [reason, n] of Object.entries(counts.skipped)) ctx.stats.add(`${STEP}.skipped.${reason}`, n ?? 0);
}

function toDoc(raw: RawDocument, values: Values, ctx: StepContext): Doc {
  const meta: Record<string, unknown> = { format: raw.format, contentType: raw.contentType };
  let text: string;
  if (raw.text !== undefined) {
    text = raw.text;
    Object.assign(meta, { charset: 'utf-8', charsetSource: 'default', invalidBytes: raw.invalidBytes ?? 0 });
  } else {
    const html = raw.contentType === 'text/html' || raw.contentType === 'application/xhtml+xml';
    const decoded = decodeBody(raw.body ?? Buffer.alloc(0), {
      ...(raw.contentTypeHeader === undefined ? {} : { contentTypeHeader: raw.contentTypeHeader }),
      htmlSniff: html,
      prescanBytes: values.prescanBytes,
      fallback: values.fallbackCharset,
    });
    text = decoded.text;
    Object.assign(meta, { charset: decoded.charset, charsetSource: decoded.source, invalidBytes: decoded.invalidBytes });
    if (decoded.unknownLabel !== undefined) meta['unknownCharset'] = decoded.unknownLabel;
  }
  ctx.stats.add(`${STEP}.docs`);
  ctx.stats.add(`${STEP}.invalid_bytes`, meta['invalidBytes'] as number);
  if (raw.warcType !== undefined) meta['warcType'] = raw.warcType;
  if (raw.httpStatus !== undefined) meta['httpStatus'] = raw.httpStatus;
  if (raw.date !== undefined) meta['date'] = raw.date;
  if (raw.headerLanguage !== undefined) meta['headerLanguage'] = raw.headerLanguage;
  if (raw.sourceId !== undefined) meta['sourceId'] = raw.sourceId;
  if (raw.damage !== undefined) meta['damage'] = raw.damage;
  const source = raw.offset !== undefined && raw.format !== 'jsonl' ? { path: raw.path, offset: raw.offset } : { path: raw.path, record: raw.record ?? 0 };
  const doc: Doc = { id: raw.id, text, source, meta };
  if (raw.url !== undefined) doc.url = raw.url;
  return doc;
}
