/**
 * One page of the synthetic crawl as HTML, laid out as scripts/build-sample-crawl.mjs lays out the
 * bundled sample: head with meta tags, inline CSS and an analytics snippet; header, navigation,
 * breadcrumb; the article; share links and pager; sidebar; footer; cookie banner. The chrome sits in
 * the elements and classes real CMS templates use (header, nav, aside, footer, class="cookie-banner"),
 * which is what a main-text extractor keys on; whatever `blocks` holds sits unmarked in the article.
 */
import type { Site } from './site-chrome.js';

export interface PageBlock {
  /** `li` blocks in a row form one list. */
  type: 'p' | 'li';
  text: string;
}

export interface PageLayout {
  site: Site;
  url: string;
  htmlLang: string | null;
  /** `rtl` for right-to-left main text. */
  dir: 'rtl' | null;
  h1: string;
  blocks: readonly PageBlock[];
  date: Date;
  metaKeywords?: string;
  /** A legacy font the article is styled with (the page only reads right in that font). */
  fontFamily?: string;
  /** "page generated in" comment, milliseconds. */
  generatedMs: number;
}

export interface RenderedPage {
  html: string;
  /** The chrome's visible text, one entry per text block a reader sees. */
  chrome: string[];
}

export const escapeHtml = (s: string): string => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

const CSS = `body{margin:0;font:16px/1.6 -apple-system,"Segoe UI",Roboto,"Noto Sans",sans-serif;color:#222}
.site-header{display:flex;align-items:center;padding:12px 24px;border-bottom:1px solid #ddd}
.main-nav ul{display:flex;gap:16px;list-style:none;margin:0;padding:8px 24px;background:#f4f4f4}
.layout{display:grid;grid-template-columns:1fr 280px;gap:32px;max-width:1100px;margin:0 auto;padding:24px}
.cookie-banner{position:fixed;bottom:0;left:0;right:0;padding:16px;background:#111;color:#fff;z-index:1000}
.cookie-banner[hidden]{display:none}
footer{padding:24px;background:#222;color:#bbb;font-size:14px}`;

const ANALYTICS = `<script async src="https://www.analytics.example/gtag/js?id=G-7Q2XK4M9PL"></script>
<script>
  window.dataLayer = window.dataLayer || [];
  function gtag(){dataLayer.push(arguments);}
  gtag('js', new Date());
  gtag('config', 'G-7Q2XK4M9PL', { 'anonymize_ip': true });
</script>`;

const COOKIE_SCRIPT = `<script>
(function () {
  var banner = document.getElementById('cookie-banner');
  if (document.cookie.indexOf('cookie_consent=') !== -1) { banner.hidden = true; return; }
  banner.addEventListener('click', function (e) {
    if (e.target.dataset.consent) {
      document.cookie = 'cookie_consent=' + e.target.dataset.consent + ';path=/;max-age=31536000';
      banner.hidden = true;
    }
  });
})();
</script>`;

const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];

function shownDate(site: Site, date: Date): string {
  if (site.chromeLang !== 'eng_Latn') return date.toISOString().slice(0, 10);
  return `${date.getUTCDate()} ${MONTHS[date.getUTCMonth()] as string} ${date.getUTCFullYear()}`;
}

function renderBlocks(blocks: readonly PageBlock[]): string {
  const out: string[] = [];
  let list: string[] | null = null;
  for (const block of blocks) {
    if (block.type === 'li') {
      (list ??= []).push(`<li>${escapeHtml(block.text)}</li>`);
      continue;
    }
    if (list) out.push(`<ul class="entries">\n${list.join('\n')}\n</ul>`);
    list = null;
    out.push(`<p>${escapeHtml(block.text)}</p>`);
  }
  if (list) out.push(`<ul class="entries">\n${list.join('\n')}\n</ul>`);
  return out.join('\n');
}

export function renderPage(page: PageLayout): RenderedPage {
  const { site, url } = page;
  const iso = page.date.toISOString().slice(0, 10);
  const byline = `${site.published} ${shownDate(site, page.date)}`;
  const [home = '', section = ''] = site.nav;
  const breadcrumb = `${home} › ${section}`;
  const shareLine = `${site.share} Facebook X Email`;
  const pager = `${site.previous} ${site.next}`;
  const footerLine = site.footerLinks.join(' | ');
  const buttons = `${site.cookie.accept} ${site.cookie.reject} ${site.cookie.settings}`;
  const chrome = [
    site.siteName, site.tagline, ...site.nav, breadcrumb, byline, shareLine, pager,
    ...site.sidebarTitles, ...site.popular, site.copyright, footerLine, site.cookie.text, buttons,
  ];
  const langAttr = page.htmlLang === null ? '' : ` lang="${escapeHtml(page.htmlLang)}"`;
  const dirAttr = page.dir ? ` dir="${page.dir}"` : '';
  const articleStyle = page.fontFamily ? ` style="font-family:'${page.fontFamily}',serif"` : '';
  const nav = site.nav.map((label, i) => `<li><a href="/${i === 0 ? '' : `section/${i}/`}">${escapeHtml(label)}</a></li>`).join('');
  const list = (items: readonly string[], prefix: string) => items.map((t, i) => `<li><a href="/${prefix}/${i + 1}/">${escapeHtml(t)}</a></li>`).join('\n');
  const footerLinks = site.footerLinks.map((label, i) => `<a href="/info/${i + 1}/">${escapeHtml(label)}</a>`).join(' | ');
  const html = `<!DOCTYPE html>
<html${langAttr}${dirAttr}>
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(page.h1)} | ${escapeHtml(site.siteName)}</title>
<meta name="description" content="${escapeHtml(page.h1)} — ${escapeHtml(site.tagline)}">
${page.metaKeywords === undefined ? '' : `<meta name="keywords" content="${escapeHtml(page.metaKeywords)}">\n`}<meta property="og:title" content="${escapeHtml(page.h1)}">
<meta property="og:type" content="article">
<meta property="og:site_name" content="${escapeHtml(site.siteName)}">
<link rel="canonical" href="${escapeHtml(url)}">
<link rel="stylesheet" href="/static/css/main.css?v=3.2.1">
<style>
${CSS}
</style>
<!-- Global site tag -->
${ANALYTICS}
</head>
<body class="page-article">
<header class="site-header">
<a class="logo" href="/"><img src="/static/img/logo.png" width="16" height="16" alt=""> ${escapeHtml(site.siteName)}</a>
<p class="tagline">${escapeHtml(site.tagline)}</p>
</header>
<nav class="main-nav" aria-label="Main"><ul>${nav}</ul></nav>
<div class="layout">
<main id="content">
<div class="breadcrumb"><a href="/">${escapeHtml(home)}</a> › <a href="/section/1/">${escapeHtml(section)}</a></div>
<article class="entry"${articleStyle}>
<h1>${escapeHtml(page.h1)}</h1>
<p class="byline">${escapeHtml(site.published)} <time datetime="${iso}">${escapeHtml(shownDate(site, page.date))}</time></p>
${renderBlocks(page.blocks)}
</article>
<div class="share">${escapeHtml(site.share)} <a href="https://social.example/share?u=${encodeURIComponent(url)}">Facebook</a> <a href="https://social.example/intent?u=${encodeURIComponent(url)}">X</a> <a href="mailto:?subject=${encodeURIComponent(site.siteName)}">Email</a></div>
<nav class="pager"><a rel="prev" href="#">${escapeHtml(site.previous)}</a> <a rel="next" href="#">${escapeHtml(site.next)}</a></nav>
</main>
<aside class="sidebar">
<h3>${escapeHtml(site.sidebarTitles[0])}</h3>
<ul>
${list(site.popular, 'post')}
</ul>
<h3>${escapeHtml(site.sidebarTitles[1])}</h3>
<ul>
${list(site.nav.slice(1), 'topic')}
</ul>
</aside>
</div>
<footer>
<p>${escapeHtml(site.copyright)}</p>
<p>${footerLinks}</p>
</footer>
<div id="cookie-banner" class="cookie-banner" role="dialog" aria-live="polite">
<p>${escapeHtml(site.cookie.text)}</p>
<button data-consent="all">${escapeHtml(site.cookie.accept)}</button> <button data-consent="none">${escapeHtml(site.cookie.reject)}</button> <a href="/cookies/">${escapeHtml(site.cookie.settings)}</a>
</div>
<script src="/static/js/app.min.js?v=3.2.1" defer></script>
${COOKIE_SCRIPT}
<!-- page generated in ${(page.generatedMs / 1000).toFixed(3)} seconds -->
</body>
</html>
`;
  return { html, chrome: [...new Set(chrome)] };
}
