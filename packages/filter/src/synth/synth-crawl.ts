/**
 * `ntl synth-crawl`: a noisy crawl with ground truth. Writes `<outDir>/synth-00000.warc.gz`, … (WARC/1.1:
 * warcinfo, then request + response per page, a metadata record for every 10th), `<outDir>/truth.jsonl`
 * (one TruthRow per page, in WARC order) and `<outDir>/synth-crawl.json` (what was asked for and made),
 * each temp-then-rename; the manifest goes last, so its presence means the crawl is complete.
 */
import { readdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { parseTag, sha256Hex, writeFileAtomic } from '@ntl/core';
import { loadHeldOutText, type HeldOutText, type HeldOutTextOptions, type SynthSourceName } from './held-out-text.js';
import { DEFAULT_MIX, DEFAULT_MIX_JITTER, PAGE_KINDS, type PageKind } from './page-kinds.js';
import { DEFAULT_PAGES_PER_LANGUAGE, DEFAULT_SYNTH_LANGUAGES, pageDirection, planSynthCrawl, type PlannedPage, type SynthPlan, type SynthPlanOptions } from './page-plan.js';
import { renderPage } from './render-page.js';
import { SynthRandom } from './synth-random.js';
import { truthText, type TruthRow, type TruthSentence } from './truth.js';
import { httpDate, recordId, requestBlock, responseBlock, sha1Digest, warcDate, warcFields, warcRecord, type HeaderField } from './warc-records.js';
import { isSpaceless } from './words.js';

export const DEFAULT_PAGES_PER_FILE = 250;
export const TRUTH_FILE = 'truth.jsonl';
export const SYNTH_MANIFEST = 'synth-crawl.json';
const WARC_NAME = /^synth-\d{5}\.warc\.gz$/;
const warcName = (i: number) => `synth-${String(i).padStart(5, '0')}.warc.gz`;

/** The crawl "ran" on 2024-06-01 from 00:00 UTC: no clock is read, so reruns give the same bytes. */
const CRAWL_START = Date.UTC(2024, 5, 1, 0, 0, 0);
const USER_AGENT = 'ntl-synthbot/1.0 (synthetic crawl; see docs/synth-crawl.md)';

export interface SynthCrawlOptions extends SynthPlanOptions, HeldOutTextOptions {
  outDir: string;
  /** Pages per WARC file (default 250), so a pipeline has several inputs to shard over. */
  pagesPerFile?: number;
  /** Already loaded text (tests load it once); otherwise loaded from `source`/`sharedDataDir`. */
  text?: HeldOutText;
}

export interface SynthFile {
  name: string;
  pages: number;
  bytes: number;
  sha256: string;
}

export interface SynthCrawlSummary {
  outDir: string;
  seed: number;
  source: SynthSourceName;
  sourceDescription: string;
  languages: string[];
  pages: number;
  kinds: Record<PageKind, number>;
  reusedSentences: number;
  files: SynthFile[];
  truth: string;
  manifest: string;
}

export async function synthCrawl(options: SynthCrawlOptions): Promise<SynthCrawlSummary> {
  const text = options.text ?? (await loadHeldOutText(options));
  return writeSynthCrawl(planSynthCrawl(text, options), text, options);
}

export function writeSynthCrawl(plan: SynthPlan, text: HeldOutText, options: SynthCrawlOptions): SynthCrawlSummary {
  const pagesPerFile = options.pagesPerFile ?? DEFAULT_PAGES_PER_FILE;
  if (!(Number.isInteger(pagesPerFile) && pagesPerFile >= 1)) throw new RangeError(`pagesPerFile must be a positive integer, got ${pagesPerFile}`);
  const ids = plan.pages.map((page) => recordId(`ntl-synth-crawl|${plan.seed}|response|${page.url}`));
  const fetchRandom = new SynthRandom(plan.seed, 'fetch');
  const files: SynthFile[] = [];
  const truth: string[] = [];
  let ms = CRAWL_START;
  for (let start = 0, fileIndex = 0; start < plan.pages.length; start += pagesPerFile, fileIndex++) {
    const name = warcName(fileIndex);
    const warcinfoId = recordId(`ntl-synth-crawl|${plan.seed}|${name}|warcinfo`);
    const info = warcFields([
      ['software', 'ntl synth-crawl (packages/filter/src/synth)'],
      ['isPartOf', `ntl-synth-crawl-seed-${plan.seed}`],
      ['description', `Synthetic crawl of pages claiming ${plan.about.length} languages, text from ${text.description}; ground truth in ${TRUTH_FILE}`],
      ['publisher', 'ntl'],
      ['format', 'WARC File Format 1.1'],
      ['conformsTo', 'https://iipc.github.io/warc-specifications/specifications/warc-format/warc-1.1/'],
    ]);
    const members: Buffer[] = [
      warcRecord(
        [
          ['WARC-Type', 'warcinfo'], ['WARC-Date', warcDate(ms)], ['WARC-Filename', name], ['WARC-Record-ID', warcinfoId],
          ['Content-Type', 'application/warc-fields'], ['Content-Length', info.length], ['WARC-Block-Digest', sha1Digest(info)],
        ],
        info,
      ),
    ];
    let offset = (members[0] as Buffer).length;
    const pages = plan.pages.slice(start, start + pagesPerFile);
    pages.forEach((page, k) => {
      const index = start + k;
      ms += fetchRandom.int(3, 42) * 1000;
      const date = warcDate(ms);
      const rendered = renderPage({
        site: page.site, url: page.url, htmlLang: page.claims.htmlLang, dir: pageDirection(page), h1: page.title.text,
        blocks: page.blocks.map((block) => ({ type: page.blockType, text: block.map((s) => s.text).join(isSpaceless(parseTag(page.bodyTag).script) ? '' : ' ') })),
        date: page.date, generatedMs: page.generatedMs,
        ...(page.metaKeywords === undefined ? {} : { metaKeywords: page.metaKeywords }),
        ...(page.fontFamily === undefined ? {} : { fontFamily: page.fontFamily }),
      });
      const body = Buffer.from(rendered.html, 'utf8');
      const requestId = recordId(`ntl-synth-crawl|${plan.seed}|request|${page.url}`);
      const request = requestBlock(page.url, USER_AGENT);
      const requestMember = warcRecord(
        [
          ['WARC-Type', 'request'], ['WARC-Date', date], ['WARC-Record-ID', requestId], ['Content-Length', request.length],
          ['Content-Type', 'application/http; msgtype=request'], ['WARC-Warcinfo-ID', warcinfoId], ['WARC-IP-Address', page.site.ip],
          ['WARC-Target-URI', page.url], ['WARC-Payload-Digest', sha1Digest(Buffer.alloc(0))], ['WARC-Block-Digest', sha1Digest(request)],
        ],
        request,
      );
      const response = responseBlock(httpHeaders(page, body, ms), body);
      const responseMember = warcRecord(
        [
          ['WARC-Type', 'response'], ['WARC-Date', date], ['WARC-Record-ID', ids[index] as string], ['Content-Length', response.length],
          ['Content-Type', 'application/http; msgtype=response'], ['WARC-Warcinfo-ID', warcinfoId], ['WARC-Concurrent-To', requestId],
          ['WARC-IP-Address', page.site.ip], ['WARC-Target-URI', page.url], ['WARC-Payload-Digest', sha1Digest(body)],
          ['WARC-Block-Digest', sha1Digest(response)], ['WARC-Identified-Payload-Type', 'text/html'],
        ],
        response,
      );
      members.push(requestMember, responseMember);
      const responseOffset = offset + requestMember.length;
      offset = responseOffset + responseMember.length;
      if (index % 10 === 0) {
        const block = warcFields([['fetchTimeMs', 40 + fetchRandom.int(0, 900)]]);
        const metadata = warcRecord(
          [
            ['WARC-Type', 'metadata'], ['WARC-Date', date], ['WARC-Record-ID', recordId(`ntl-synth-crawl|${plan.seed}|metadata|${page.url}`)],
            ['Content-Length', block.length], ['Content-Type', 'application/warc-fields'], ['WARC-Warcinfo-ID', warcinfoId],
            ['WARC-Concurrent-To', ids[index] as string], ['WARC-Target-URI', page.url], ['WARC-Block-Digest', sha1Digest(block)],
          ],
          block,
        );
        members.push(metadata);
        offset += metadata.length;
      }
      truth.push(JSON.stringify(truthRow(page, plan, ids, index, name, responseOffset, rendered.chrome)));
    });
    const bytes = Buffer.concat(members);
    writeFileAtomic(join(options.outDir, name), bytes);
    files.push({ name, pages: pages.length, bytes: bytes.length, sha256: sha256Hex(bytes) });
  }
  removeStaleFiles(options.outDir, new Set(files.map((f) => f.name)));
  const truthPath = join(options.outDir, TRUTH_FILE);
  const truthJsonl = `${truth.join('\n')}\n`;
  writeFileAtomic(truthPath, truthJsonl);

  const kinds = Object.fromEntries(PAGE_KINDS.map((k) => [k, plan.pages.filter((p) => p.kind === k).length])) as Record<PageKind, number>;
  const summary: SynthCrawlSummary = {
    outDir: options.outDir,
    seed: plan.seed,
    source: text.source,
    sourceDescription: text.description,
    languages: plan.about,
    pages: plan.pages.length,
    kinds,
    reusedSentences: plan.reusedSentences,
    files,
    truth: truthPath,
    manifest: join(options.outDir, SYNTH_MANIFEST),
  };
  const manifest = {
    version: 1,
    seed: plan.seed,
    source: text.source,
    sourceDescription: text.description,
    options: {
      languages: options.aboutLanguages ? plan.about.length : (options.languages ?? DEFAULT_SYNTH_LANGUAGES),
      pages: options.pages ?? DEFAULT_PAGES_PER_LANGUAGE,
      mix: options.mix ?? DEFAULT_MIX,
      mixJitter: options.mixJitter ?? DEFAULT_MIX_JITTER,
      pagesPerFile,
    },
    about: plan.about,
    pages: plan.pages.length,
    kinds,
    reusedSentences: plan.reusedSentences,
    files,
    truth: { name: TRUTH_FILE, sha256: sha256Hex(truthJsonl) },
  };
  writeFileAtomic(summary.manifest, `${JSON.stringify(manifest, null, 2)}\n`);
  return summary;
}

function httpHeaders(page: PlannedPage, body: Buffer, ms: number): HeaderField[] {
  return [
    ['Date', httpDate(ms)],
    ['Server', page.site.server],
    ['Content-Type', 'text/html; charset=UTF-8'],
    ['Content-Length', body.length],
    ['Last-Modified', httpDate(page.date.getTime())],
    ...(page.claims.contentLanguage === null ? [] : [['Content-Language', page.claims.contentLanguage] as const]),
    ...page.site.headers,
  ];
}

function truthRow(page: PlannedPage, plan: SynthPlan, ids: readonly string[], index: number, file: string, offset: number, chrome: readonly string[]): TruthRow {
  const sentences: TruthSentence[] = [
    page.title,
    ...page.blocks.flatMap((block, p) => block.map((s) => ({ ...s, p }))),
    ...chrome.map((text): TruthSentence => ({ text: truthText(text), role: 'chrome', lang: page.site.chromeLang })),
  ];
  const row: TruthRow = {
    id: ids[index] as string,
    url: page.url,
    file,
    offset,
    about: page.about,
    claims: page.claims,
    kind: page.kind,
    ...(page.flavor === undefined ? {} : { flavor: page.flavor }),
    lang: page.lang,
    noise: page.noise,
    chromeLang: page.site.chromeLang,
    sentences,
  };
  if (page.nearDuplicateOf !== undefined) {
    const original = plan.pages[page.nearDuplicateOf] as PlannedPage;
    row.nearDuplicateOf = { id: ids[page.nearDuplicateOf] as string, url: original.url };
  }
  return row;
}

/** WARC files of an earlier, larger crawl in the same folder would be read with no truth: remove them. */
function removeStaleFiles(outDir: string, keep: ReadonlySet<string>): void {
  for (const name of readdirSync(outDir)) {
    if (WARC_NAME.test(name) && !keep.has(name)) rmSync(join(outDir, name), { force: true });
  }
}
