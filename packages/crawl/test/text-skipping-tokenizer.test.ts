import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { gunzipSync } from 'node:zlib';
import { describe, expect, it } from '@jest/globals';
import { Parser, Tokenizer } from 'htmlparser2';
import { textSkippingTokenizer } from '../src/html/text-skipping-tokenizer.js';

/** Every event htmlparser2's Parser reports, in order, so two tokenizers can be compared exactly. */
function events(html: string, tokenizer: typeof Tokenizer, chunkSize = html.length): string[] {
  const seen: string[] = [];
  const parser = new Parser(
    {
      onopentag: (name, attributes) => seen.push(`open ${name} ${JSON.stringify(attributes)}`),
      onclosetag: (name, implied) => seen.push(`close ${name} ${implied}`),
      ontext: (text) => seen.push(`text ${JSON.stringify(text)}`),
      oncomment: (text) => seen.push(`comment ${JSON.stringify(text)}`),
      onprocessinginstruction: (name, text) => seen.push(`pi ${name} ${JSON.stringify(text)}`),
      oncdatastart: () => seen.push('cdata'),
    },
    { decodeEntities: true, Tokenizer: tokenizer },
  );
  for (let at = 0; at < html.length; at += Math.max(1, chunkSize)) parser.write(html.slice(at, at + chunkSize));
  parser.end();
  return seen;
}

const TRICKY = [
  '<!DOCTYPE html><html lang="fr&amp;x"><head><title>A &amp; B &copy 2024 &#x41;&#66;</title>',
  '<script>if (a < b && c > d) document.write("<p>&amp;</p>")</script><style>p::after { content: "&lt;" }</style></head>',
  '<body>AT&T, 3 < 4 and 5 > 4, fish &chips; &notin; &notit; &amp &#128512; &#xD800; &#0; &unknown; & alone',
  '<p class="a&quot;b" title=\'x &lt; y\' data-x=un&amp;quoted>para&nbsp;graph</p><!-- a & comment < -->',
  '<textarea>raw &amp; <b>text</b></textarea><pre>\n  line &gt; one\r\n</pre>',
  '<svg><![CDATA[x < y & z]]></svg><?php echo "&"; ?>',
  'tail text with an entity at the very end &amp',
].join('\n');

describe('textSkippingTokenizer', () => {
  it('is the text-skipping subclass, not the stock tokenizer this htmlparser2 would fall back to', () => {
    expect(textSkippingTokenizer).not.toBe(Tokenizer);
    expect(Object.getPrototypeOf(textSkippingTokenizer)).toBe(Tokenizer);
  });

  it('reports exactly the stock tokenizer’s events on entities, raw text, comments, CDATA and stray < and &', () => {
    const stock = events(TRICKY, Tokenizer);
    // Decoded entities arrive as text events of their own, between the plain runs.
    const bodyAt = stock.indexOf('open body {}');
    const body = stock.slice(bodyAt + 1, bodyAt + 15);
    expect(body.map((event) => JSON.parse(event.slice('text '.length)) as string).join('|')).toBe(
      'AT&T, 3 |< 4 and 5 > 4, fish &chips; |∉| |¬|it; |&| |😀| |�| |�| &unknown; & alone\n',
    );
    expect(events(TRICKY, textSkippingTokenizer)).toEqual(stock);
  });

  it('matches the stock tokenizer when the input arrives in chunks that cut text, tags and entities', () => {
    for (const size of [1, 2, 3, 7, 64]) expect(events(TRICKY, textSkippingTokenizer, size)).toEqual(events(TRICKY, Tokenizer, size));
  });

  it('forgets what it found in one document when its parser is reset for the next', () => {
    const reused = (tokenizer: typeof Tokenizer): string[] => {
      const seen: string[] = [];
      const parser = new Parser({ ontext: (text) => seen.push(text) }, { decodeEntities: true, Tokenizer: tokenizer });
      // Same length, the entity earlier in the second: a search remembered from the first would skip it.
      for (const html of ['<p>plain text, then &amp;</p>', '<p>a &amp; then plain text</p>']) {
        parser.end(html);
        parser.reset();
      }
      return seen;
    };
    expect(reused(Tokenizer)).toEqual(['plain text, then ', '&', 'a ', '&', ' then plain text']);
    expect(reused(textSkippingTokenizer)).toEqual(reused(Tokenizer));
  });

  it('matches the stock tokenizer on a real Common Crawl page', () => {
    const warc = gunzipSync(readFileSync(fileURLToPath(new URL('fixtures/warcio/whirlwind/whirlwind.warc.gz', import.meta.url)))).toString('utf8');
    const html = warc.slice(warc.indexOf('<!DOCTYPE html>'));
    const stock = events(html, Tokenizer);
    expect(stock.length).toBeGreaterThan(1000);
    expect(events(html, textSkippingTokenizer)).toEqual(stock);
  });
});
