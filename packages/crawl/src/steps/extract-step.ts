import { type Doc, defineStep, mapStep } from '@ntl/core';
import { DEFAULT_BLOCK_CLASSIFIER_OPTIONS } from '../html/block-classifier.js';
import { extractMainText, isHtmlContentType, looksLikeHtml } from '../html/extract-main-text.js';

const NAME = 'crawl.extract';

function isHtmlDoc(doc: Doc): boolean {
  const contentType = doc.meta['contentType'];
  return (typeof contentType === 'string' && isHtmlContentType(contentType)) || looksLikeHtml(doc.text);
}

/**
 * Replaces the text of HTML documents (meta.contentType text/html or application/xhtml+xml, or
 * text that starts like HTML) by its main text; the raw HTML is not kept. Puts `title` and
 * `htmlLang` in meta. A page with no main text is marked dropped (`crawl.extract.dropped.empty`)
 * and still passed on, so the writer can audit it. Other documents and documents already
 * dropped pass through untouched.
 */
export const extractStep = defineStep({
  name: NAME,
  description: 'HTML → main text (htmlparser2 stream + jusText-style paragraph classifier without stop-word lists)',
  options: {
    maxLinkDensity: {
      type: 'number',
      default: DEFAULT_BLOCK_CLASSIFIER_OPTIONS.maxLinkDensity,
      min: 0,
      max: 1,
      description: 'paragraphs with a larger share of link text are boilerplate (jusText default 0.2)',
    },
    lengthLow: {
      type: 'integer',
      default: DEFAULT_BLOCK_CLASSIFIER_OPTIONS.lengthLow,
      min: 0,
      description: 'paragraphs shorter than this (code points, East Asian wide ×2) are "short" and judged by their neighbours (jusText 70)',
    },
    lengthHigh: {
      type: 'integer',
      default: DEFAULT_BLOCK_CLASSIFIER_OPTIONS.lengthHigh,
      min: 0,
      description: 'paragraphs longer than this are good on their own, shorter ones are near-good (jusText 200)',
    },
    maxHeadingDistance: {
      type: 'integer',
      default: DEFAULT_BLOCK_CLASSIFIER_OPTIONS.maxHeadingDistance,
      min: 0,
      description: 'a short heading is kept when good text follows within this many characters (jusText 200)',
    },
    minLetterRatio: {
      type: 'number',
      default: DEFAULT_BLOCK_CLASSIFIER_OPTIONS.minLetterRatio,
      min: 0,
      max: 1,
      description: 'paragraphs with fewer letters per non-space character (numbers, symbols, separators) are boilerplate',
    },
  },
  create(options) {
    return mapStep(NAME, (doc, ctx) => {
      if (!isHtmlDoc(doc)) {
        ctx.stats.add(`${NAME}.not_html`);
        return doc;
      }
      const extracted = extractMainText(doc.text, options);
      ctx.stats.add(`${NAME}.html_chars`, doc.text.length);
      ctx.stats.add(`${NAME}.text_chars`, extracted.text.length);
      ctx.stats.add(`${NAME}.paragraphs_kept`, extracted.paragraphs);
      ctx.stats.add(`${NAME}.paragraphs_dropped`, extracted.droppedParagraphs);
      const meta = { ...doc.meta };
      if (extracted.title !== undefined) meta['title'] = extracted.title;
      if (extracted.htmlLang !== undefined) meta['htmlLang'] = extracted.htmlLang;
      const result: Doc = { ...doc, text: extracted.text, meta };
      if (extracted.text) return result;
      ctx.stats.drop(NAME, 'empty');
      return { ...result, drop: { filter: NAME, reason: 'empty' } };
    });
  },
});
