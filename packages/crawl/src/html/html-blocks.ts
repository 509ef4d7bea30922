import { Parser } from 'htmlparser2';
import { BLOCK_ELEMENTS, HARD_SKIPPED_ELEMENTS, HEADING_ELEMENTS, ROOT_ELEMENTS, SOFT_BOILERPLATE_ELEMENTS } from './html-elements.js';
import { hasBoilerplateMarker, isHidden } from './boilerplate-attributes.js';
import { textSkippingTokenizer } from './text-skipping-tokenizer.js';

/** One paragraph-level run of text, as jusText's ParagraphMaker builds them. */
export interface TextBlock {
  /** Whitespace-collapsed text; `<br>` and newlines inside `<pre>` become `\n` between trimmed lines. */
  text: string;
  /** UTF-16 units of the block's text nodes as written (whitespace-only nodes left out); the base of the two shares below. */
  rawLength: number;
  /** Of `rawLength`, the units inside `<a>` elements. */
  linkLength: number;
  /** Of `rawLength`, the units inside soft boilerplate containers (nav, footer, class="sidebar", …). */
  boilerplateLength: number;
  /** Some of the text sits inside h1–h6. */
  heading: boolean;
}

export interface ParsedHtml {
  blocks: TextBlock[];
  title?: string;
  /** `<html lang>` (or `xml:lang`), else `<meta http-equiv="content-language">`, as written. */
  htmlLang?: string;
}

const HTML_WHITESPACE = /[\t\n\f\r \u00a0]+/g;
/** Whitespace that collapsing changes: runs, and single characters other than a space (single spaces, the common case, are not matched). */
const COLLAPSIBLE_WHITESPACE = /[\t\n\f\r\u00a0][\t\n\f\r \u00a0]*| [\t\n\f\r \u00a0]+/g;
const NOT_WHITESPACE = /[^\t\n\f\r \u00a0]/;
const PRE_LINE_BREAK = /\r\n?|\n/g;
/**
 * Stands for a line break (`<br>`, a newline in `<pre>`) among the chunks until the block is
 * joined, so source newlines can be collapsed as whitespace in one pass. U+0000 cannot survive
 * as text anyway: normalisation removes control characters.
 */
const LINE_BREAK = '\u0000';

/** Joins a block's chunks: whitespace collapsed in one pass, one trimmed line per line break, empty lines dropped. */
function joinChunks(chunks: readonly string[]): string {
  const joined = chunks.join('').replace(COLLAPSIBLE_WHITESPACE, ' ');
  if (!joined.includes(LINE_BREAK)) return joined.trim();
  let text = '';
  for (const rawLine of joined.split(LINE_BREAK)) {
    const line = rawLine.trim();
    if (line) text = text ? `${text}\n${line}` : line;
  }
  return text;
}

/**
 * Streams the HTML through htmlparser2's callback parser (no DOM) and cuts it into text blocks.
 * Entities are decoded by the parser, whose tokenizer skips plain runs with `indexOf`
 * (text-skipping-tokenizer.ts); implied end tags (`<p>` closed by `<div>`) come from its
 * HTML tree rules, so opens and closes stay balanced and depth counting is exact.
 */
export function parseHtmlBlocks(html: string): ParsedHtml {
  const blocks: TextBlock[] = [];
  let chunks: string[] = [];
  let rawLength = 0;
  let linkLength = 0;
  let boilerplateLength = 0;
  let heading = false;

  let depth = 0;
  /** Depth of the hard-skipped element we are inside, or -1. */
  let skipDepth = -1;
  let skipElement = '';
  /** Depth of the outermost soft boilerplate container we are inside, or -1. */
  let softDepth = -1;
  let linkDepth = 0;
  let headingDepth = 0;
  let preDepth = 0;

  let title: string | undefined;
  let titleChunks: string[] | undefined;
  let htmlLang: string | undefined;
  let metaLang: string | undefined;

  const flush = (): void => {
    // rawLength 0: only whitespace (indentation between tags, most text nodes of a page), which joins to nothing.
    if (rawLength > 0) {
      const text = joinChunks(chunks);
      if (text) blocks.push({ text, rawLength, linkLength, boilerplateLength, heading });
    }
    if (chunks.length > 0) chunks = [];
    rawLength = 0;
    linkLength = 0;
    boilerplateLength = 0;
    heading = false;
  };

  /** `<title>` and `<meta>` count wherever they appear, except inside SVG, MathML and the like. */
  const readsMetadata = (): boolean => skipDepth < 0 || skipElement === 'head';

  const parser = new Parser(
    {
      onopentag(name, attributes) {
        depth += 1;
        if (name === 'html' && htmlLang === undefined) htmlLang = (attributes['lang'] ?? attributes['xml:lang'])?.trim() || undefined;
        if (readsMetadata()) {
          if (name === 'title' && title === undefined) titleChunks = [];
          else if (name === 'meta' && attributes['http-equiv']?.toLowerCase() === 'content-language') {
            metaLang ??= attributes['content']?.trim() || undefined;
          }
        }
        if (skipDepth >= 0) return;
        if (BLOCK_ELEMENTS.has(name)) flush();
        const root = ROOT_ELEMENTS.has(name);
        if (HARD_SKIPPED_ELEMENTS.has(name) || (!root && isHidden(attributes))) {
          skipDepth = depth;
          skipElement = name;
          return;
        }
        if (softDepth < 0 && (SOFT_BOILERPLATE_ELEMENTS.has(name) || (!root && hasBoilerplateMarker(attributes)))) {
          softDepth = depth;
        }
        if (name === 'br') chunks.push(LINE_BREAK);
        else if (name === 'a') linkDepth += 1;
        else if (name === 'pre') preDepth += 1;
        else if (HEADING_ELEMENTS.has(name)) headingDepth += 1;
      },
      onclosetag(name) {
        if (name === 'title' && titleChunks) {
          title = titleChunks.join('').replace(HTML_WHITESPACE, ' ').trim() || undefined;
          titleChunks = undefined;
        }
        if (skipDepth >= 0) {
          if (depth === skipDepth) {
            skipDepth = -1;
            if (BLOCK_ELEMENTS.has(name)) flush();
          }
          depth -= 1;
          return;
        }
        if (BLOCK_ELEMENTS.has(name)) flush();
        if (depth === softDepth) softDepth = -1;
        if (name === 'a') linkDepth -= 1;
        else if (name === 'pre') preDepth -= 1;
        else if (HEADING_ELEMENTS.has(name)) headingDepth -= 1;
        depth -= 1;
      },
      ontext(data) {
        if (titleChunks) titleChunks.push(data);
        if (skipDepth >= 0) return;
        chunks.push(preDepth > 0 ? data.replace(PRE_LINE_BREAK, LINE_BREAK) : data);
        if (!NOT_WHITESPACE.test(data)) return;
        rawLength += data.length;
        if (headingDepth > 0) heading = true;
        if (linkDepth > 0) linkLength += data.length;
        if (softDepth >= 0) boilerplateLength += data.length;
      },
    },
    { decodeEntities: true, Tokenizer: textSkippingTokenizer },
  );
  parser.end(html);
  flush();

  const result: ParsedHtml = { blocks };
  if (title !== undefined) result.title = title;
  const lang = htmlLang ?? metaLang;
  if (lang !== undefined) result.htmlLang = lang;
  return result;
}
