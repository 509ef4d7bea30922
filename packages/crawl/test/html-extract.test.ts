import { describe, expect, it } from '@jest/globals';
import { extractMainText, isHtmlContentType, looksLikeHtml } from '../src/html/extract-main-text.js';
import { parseHtmlBlocks } from '../src/html/html-blocks.js';

const ARTICLE_1 =
  'All human beings are born free and equal in dignity and rights. They are endowed with reason and conscience and should act towards one another in a spirit of brotherhood.';
const ARTICLE_3 = 'Everyone has the right to life, liberty and the security of person.';
const ARTICLE_4 = 'No one shall be held in slavery or servitude; slavery and the slave trade shall be prohibited in all their forms.';

const page = (body: string, head = '<title>Declaration</title>'): string =>
  `<!DOCTYPE html><html lang="en"><head>${head}</head><body>${body}</body></html>`;

describe('extractMainText', () => {
  it('keeps the article and drops navigation, banners, sidebars, share links, comments and footers', () => {
    const html = `<!DOCTYPE html>
<html lang="en-GB"><head><title>  Human &amp; Rights
 </title><script>var p = "<p>not text</p>";</script><style>p { color: red }</style></head>
<body class="page has-sidebar">
<header><nav><ul><li><a href="/">Home</a></li><li><a href="/about">About us</a></li></ul></nav></header>
<div id="cookie-banner">We use cookies to improve your experience on this site. By continuing you agree to that.</div>
<main><article>
<h1>Article 1</h1>
<p>${ARTICLE_1}</p>
<p>${ARTICLE_4}</p>
<div class="share-buttons"><a href="#">Share on Facebook</a> <a href="#">Tweet</a></div>
<section id="comments"><p>Great post, thank you so much for writing this, I really enjoyed reading it today.</p></section>
</article></main>
<aside><p>Related: ${ARTICLE_1}</p></aside>
<footer><p>© 2024 Example Inc. All rights reserved.</p></footer>
</body></html>`;
    const result = extractMainText(html);
    expect(result.text).toBe(['Article 1', ARTICLE_1, ARTICLE_4].join('\n'));
    expect(result.title).toBe('Human & Rights');
    expect(result.htmlLang).toBe('en-GB');
    expect(result.paragraphs).toBe(3);
    // Home, About us, cookie banner, share links, comment, aside, footer.
    expect(result.droppedParagraphs).toBe(7);
  });

  it('falls back to <meta http-equiv="content-language"> and omits what the page lacks', () => {
    const withMeta = extractMainText(`<html><head><meta http-equiv="Content-Language" content=" de "></head><body><p>${ARTICLE_1}</p></body></html>`);
    expect(withMeta.htmlLang).toBe('de');
    expect(withMeta.title).toBeUndefined();
    const bare = extractMainText(`<p>${ARTICLE_1}</p>`);
    expect(bare).toEqual({ text: ARTICLE_1, paragraphs: 1, droppedParagraphs: 0 });
  });

  it('never takes text from script, style, noscript, template, svg, iframe or hidden elements', () => {
    const html = page(`<p>${ARTICLE_1}</p>
<noscript><p>Please enable JavaScript to view this site properly, it is needed for everything.</p></noscript>
<template><p>Template: ${ARTICLE_1}</p></template>
<svg><title>icon title</title><text>svg text</text></svg>
<iframe src="x">iframe text</iframe>
<div style="display: none"><p>Hidden by style: ${ARTICLE_1}</p></div>
<div hidden><p>Hidden attribute: ${ARTICLE_1}</p></div>
<div aria-hidden="true"><p>Aria hidden: ${ARTICLE_1}</p></div>
<p>${ARTICLE_4}</p>`);
    const result = extractMainText(html);
    expect(result.text).toBe(`${ARTICLE_1}\n${ARTICLE_4}`);
    expect(result.title).toBe('Declaration');
  });

  it('decodes entities, collapses whitespace, turns <br> into a line break and keeps <pre> lines', () => {
    const blocks = parseHtmlBlocks(
      '<p>Caf&eacute; &amp; cr&#xE8;me&nbsp;&nbsp;br&#251;l&eacute;e,\n   \t l&#x27;&#x4E2D;&#25991;<br>second   line<br><br></p><pre>line one\n  line two\r\n\nline three</pre>',
    ).blocks;
    expect(blocks.map((block) => block.text)).toEqual(["Café & crème brûlée, l'中文\nsecond line", 'line one\nline two\nline three']);
  });

  it('drops link lists, copyright lines and number/symbol rows even when long (jusText rules)', () => {
    const links = Array.from({ length: 12 }, (_, i) => `<a href="/${i}">Section number ${i}</a>`).join(' · ');
    const html = page(`<p>${ARTICLE_1}</p><p>${links}</p><p>Copyright © 2024 The Example Foundation, a registered charity, all rights reserved worldwide.</p>
<p>12:30 | 14:45 | 16:00 | 18:15 | 20:30 | 22:45 | 01:00 | 03:15 | 05:30 | 07:45 | 10:00 | 12:15</p><p>${ARTICLE_4}</p>`);
    const result = extractMainText(html);
    expect(result.text).toBe(`${ARTICLE_1}\n${ARTICLE_4}`);
    expect(result.droppedParagraphs).toBe(3);
    // A looser link threshold keeps the link list (it sits between good paragraphs).
    expect(extractMainText(html, { maxLinkDensity: 1 }).text.split('\n')).toHaveLength(3);
  });

  it('keeps link-heavy prose such as Wikipedia paragraphs but not link lists (trafilatura 0.8 rule)', () => {
    const html = `<html><body><ul><li><a href="/a">Portalada</a></li><li><a href="/b">Actualidat</a></li><li><a href="/c">Zaguers cambeos</a></li></ul>
      <p><b>Escopete</b> ye un <a href="/m">municipio</a> d'a <a href="/p">provincia de Guadalachara</a>, en a <a href="/c">comunidat autonoma de Castiella-La Mancha</a>, <a href="/e">Espanya</a>.</p>
      <p><a href="/1">Alcaldes</a> <a href="/2">Molimentos</a> <a href="/3">Fiestas</a> <a href="/4">Referencias</a> <a href="/5">Vinclos externos</a> <a href="/6">Cheografía</a> <a href="/7">Historia</a></p></body></html>`;
    expect(extractMainText(html).text).toBe("Escopete ye un municipio d'a provincia de Guadalachara, en a comunidat autonoma de Castiella-La Mancha, Espanya.");
  });

  it('keeps short paragraphs and headings between good text and drops them next to boilerplate', () => {
    const html = page(`<nav><a href="/">Home</a></nav><p>Posted by admin</p><h2>Article 3</h2><p>${ARTICLE_3}</p><p>Short line.</p><p>${ARTICLE_4}</p>
<p>Tags: rights</p><footer><a href="/x">Contact</a></footer>`);
    expect(extractMainText(html).text).toBe(['Article 3', ARTICLE_3, 'Short line.', ARTICLE_4].join('\n'));
  });

  it('counts East Asian wide characters double, so a short Chinese sentence is not "short"', () => {
    const chinese = '人人生而自由，在尊严和权利上一律平等。他们赋有理性和良心，并应以兄弟关系的精神相对待。';
    expect([...chinese]).toHaveLength(43);
    const html = page(`<nav><a href="/">首页</a></nav><p>${chinese}</p><footer>版权所有</footer>`);
    expect(extractMainText(html).text).toBe(chinese);
    // All 43 characters are wide (Han and full-width punctuation): weighted length 86. Had they
    // counted once, 43 < 70 would make it a short paragraph between two bad neighbours, as here:
    expect(extractMainText(html, { lengthLow: 87 }).text).toBe('');
    expect(extractMainText(html, { lengthLow: 86 }).text).toBe(chinese);
  });

  it('uses the text in boilerplate containers when nothing else is left (a page wrapped in <form>)', () => {
    const html = page(`<form id="aspnetForm" action="/default.aspx"><div class="sidebar-layout"><p>${ARTICLE_1}</p><p>${ARTICLE_4}</p></div></form>`);
    const result = extractMainText(html);
    expect(result.text).toBe(`${ARTICLE_1}\n${ARTICLE_4}`);
    expect(result.paragraphs).toBe(2);
  });

  it('returns empty text for a page of boilerplate only', () => {
    const result = extractMainText(page('<nav><a href="/">Home</a> <a href="/b">Blog</a></nav><footer>© 2024</footer>'));
    expect(result).toEqual({ text: '', title: 'Declaration', htmlLang: 'en', paragraphs: 0, droppedParagraphs: 2 });
  });
});

describe('looksLikeHtml / isHtmlContentType', () => {
  it('recognises documents that start with HTML', () => {
    expect(looksLikeHtml('\uFEFF  <!DOCTYPE html><html>')).toBe(true);
    expect(looksLikeHtml('<?xml version="1.0"?>\n<!-- generated --><html xmlns="http://www.w3.org/1999/xhtml">')).toBe(true);
    expect(looksLikeHtml('<div class="x">hi</div>')).toBe(true);
    expect(looksLikeHtml('Plain text mentioning <html> later.')).toBe(false);
    expect(looksLikeHtml('<dataset><row/></dataset>')).toBe(false);
    expect(looksLikeHtml('')).toBe(false);
  });

  it('accepts HTML and XHTML content types with parameters', () => {
    expect(isHtmlContentType('text/html; charset=UTF-8')).toBe(true);
    expect(isHtmlContentType('Application/XHTML+XML')).toBe(true);
    expect(isHtmlContentType('text/plain')).toBe(false);
    expect(isHtmlContentType('text/htmlx')).toBe(false);
  });
});
