import { parseHtmlBlocks } from './html-blocks.js';
import { type BlockClassifierOptions, DEFAULT_BLOCK_CLASSIFIER_OPTIONS, classifyBlocks } from './block-classifier.js';

export type ExtractOptions = Partial<BlockClassifierOptions>;

export interface ExtractedText {
  /** Kept paragraphs joined by `\n` (a `<br>` inside a paragraph also yields `\n`). */
  text: string;
  title?: string;
  htmlLang?: string;
  /** Paragraphs (text blocks) kept. */
  paragraphs: number;
  /** Paragraphs the classifier dropped as boilerplate. */
  droppedParagraphs: number;
}

/**
 * HTML → main text: htmlparser2 stream → text blocks → jusText-style classification.
 * If trusting boilerplate containers leaves nothing (a page wrapped in one `<form>` or
 * `<div class="has-sidebar">`), the blocks are classified again on their own merits, as
 * trafilatura falls back to a baseline extraction when its main pass finds too little.
 */
export function extractMainText(html: string, options: ExtractOptions = {}): ExtractedText {
  const parsed = parseHtmlBlocks(html);
  const classifierOptions = { ...DEFAULT_BLOCK_CLASSIFIER_OPTIONS, ...options };
  let keep = classifyBlocks(parsed.blocks, classifierOptions);
  if (!keep.includes(true) && parsed.blocks.some((block) => block.boilerplateLength > 0)) {
    keep = classifyBlocks(parsed.blocks, classifierOptions, false);
  }
  const kept = parsed.blocks.filter((_, i) => keep[i]).map((block) => block.text);
  const result: ExtractedText = {
    text: kept.join('\n'),
    paragraphs: kept.length,
    droppedParagraphs: parsed.blocks.length - kept.length,
  };
  if (parsed.title !== undefined) result.title = parsed.title;
  if (parsed.htmlLang !== undefined) result.htmlLang = parsed.htmlLang;
  return result;
}

const HTML_START = /^\s*(?:<\?xml[^>]*>\s*)?(?:<!--[\s\S]*?-->\s*)*<(?:!doctype\s+html|html|head|body|meta|title|link|script|style|div|p|table)[\s>/]/i;

/** Whether a text without a content type is HTML: it starts (after a BOM, XML declaration or comments) with an HTML tag. */
export function looksLikeHtml(text: string): boolean {
  return HTML_START.test(text.slice(0, 4096).replace(/^\uFEFF/, ''));
}

const HTML_CONTENT_TYPE = /^\s*(?:text\/html|application\/xhtml\+xml)\b/i;

export function isHtmlContentType(contentType: string): boolean {
  return HTML_CONTENT_TYPE.test(contentType);
}
