import { describe, expect, it } from '@jest/globals';
import { OptionError, Stats, parseOptions } from '@ntl/core';
import { extractStep } from '../src/steps/extract-step.js';
import { makeDoc, runStep } from './text-step-harness.js';

const ARTICLE_1 =
  'All human beings are born free and equal in dignity and rights. They are endowed with reason and conscience and should act towards one another in a spirit of brotherhood.';
const LINKS = `<p>${Array.from({ length: 6 }, (_, i) => `<a href="/${i}">Section ${i} of the site</a>`).join(' ')} and some words</p>`;
const HTML = `<html lang="sw"><head><title>Tamko</title></head><body><nav><a href="/">Nyumbani</a></nav>${LINKS}<p>${ARTICLE_1}</p></body></html>`;

const create = (raw: Record<string, unknown> = {}) => extractStep.create(parseOptions(extractStep.options, raw));

describe('crawl.extract', () => {
  it('replaces HTML by its main text, records title and language, and counts', async () => {
    const stats = new Stats();
    const [doc] = await runStep(create(), [makeDoc('a', HTML, { contentType: 'text/html; charset=utf-8', status: 200 })], stats);
    expect(doc?.text).toBe(ARTICLE_1);
    expect(doc?.meta).toEqual({ contentType: 'text/html; charset=utf-8', status: 200, title: 'Tamko', htmlLang: 'sw' });
    expect(doc?.drop).toBeUndefined();
    expect(stats.get('crawl.extract.docs_in')).toBe(1);
    expect(stats.get('crawl.extract.docs_out')).toBe(1);
    expect(stats.get('crawl.extract.paragraphs_kept')).toBe(1);
    expect(stats.get('crawl.extract.paragraphs_dropped')).toBe(2);
    expect(stats.get('crawl.extract.html_chars')).toBe(HTML.length);
    expect(stats.get('crawl.extract.text_chars')).toBe(ARTICLE_1.length);
  });

  it('passes plain text on unchanged but extracts text that looks like HTML whatever its content type', async () => {
    const stats = new Stats();
    const plain = makeDoc('plain', 'Just <b>some</b> text.', { contentType: 'text/plain' });
    const disguised = makeDoc('html', HTML, { contentType: 'text/plain' });
    const untyped = makeDoc('untyped', HTML);
    const [a, b, c] = await runStep(create(), [plain, disguised, untyped], stats);
    expect(a).toBe(plain);
    expect(b?.text).toBe(ARTICLE_1);
    expect(c?.text).toBe(ARTICLE_1);
    expect(stats.get('crawl.extract.not_html')).toBe(1);
  });

  it('marks pages without main text dropped (and keeps passing them on for the audit)', async () => {
    const stats = new Stats();
    const html = '<html><head><title>Login</title></head><body><form><input name="user"><button>Sign in</button></form></body></html>';
    const [doc] = await runStep(create(), [makeDoc('login', html, { contentType: 'text/html' })], stats);
    expect(doc?.text).toBe('');
    expect(doc?.drop).toEqual({ filter: 'crawl.extract', reason: 'empty' });
    expect(doc?.meta['title']).toBe('Login');
    expect(stats.get('crawl.extract.dropped.empty')).toBe(1);
  });

  it('leaves documents that an earlier step dropped alone', async () => {
    const stats = new Stats();
    const dropped = { ...makeDoc('x', HTML, { contentType: 'text/html' }), drop: { filter: 'crawl.warc', reason: 'truncated' } };
    const [doc] = await runStep(create(), [dropped], stats);
    expect(doc).toBe(dropped);
    expect(stats.get('crawl.extract.paragraphs_kept')).toBe(0);
  });

  it('takes the classifier thresholds as options and rejects bad ones', async () => {
    const [doc] = await runStep(create({ maxLinkDensity: 1 }), [makeDoc('a', HTML, { contentType: 'text/html' })]);
    expect(doc?.text.split('\n')).toHaveLength(2);
    expect(() => create({ maxLinkDensity: 1.5 })).toThrow(OptionError);
    expect(() => create({ lengthLow: 7.5 })).toThrow('expected an integer');
    expect(() => create({ minLetterRatios: 0.5 })).toThrow('unknown option');
  });
});
