/**
 * Element sets for main-text extraction. Hard-skipped elements never contribute text; soft
 * boilerplate containers (trafilatura's and jusText's usual suspects) contribute text that is
 * dropped unless a page has nothing else — ASP.NET pages wrap the whole body in one <form>, and
 * some sites put their article inside <header> or <aside>.
 */

/** Content that is not running text: code, styling, embedded media, form controls, metadata. */
export const HARD_SKIPPED_ELEMENTS: ReadonlySet<string> = new Set([
  'script', 'style', 'noscript', 'template', 'svg', 'math', 'iframe', 'frame', 'frameset', 'head', 'title',
  'object', 'embed', 'applet', 'canvas', 'audio', 'video', 'picture', 'map', 'button', 'select', 'option',
  'optgroup', 'datalist', 'textarea', 'input', 'dialog',
]);

/** Page furniture: navigation, site header/footer, sidebars, forms, menus. */
export const SOFT_BOILERPLATE_ELEMENTS: ReadonlySet<string> = new Set(['nav', 'header', 'footer', 'aside', 'form', 'menu']);

/** Elements that start and end a paragraph (jusText's PARAGRAPH_TAGS plus the HTML5 sectioning elements). */
export const BLOCK_ELEMENTS: ReadonlySet<string> = new Set([
  'address', 'article', 'aside', 'blockquote', 'body', 'caption', 'center', 'col', 'colgroup', 'dd', 'details',
  'dialog', 'dir', 'div', 'dl', 'dt', 'fieldset', 'figcaption', 'figure', 'footer', 'form', 'h1', 'h2', 'h3', 'h4',
  'h5', 'h6', 'header', 'hgroup', 'hr', 'html', 'iframe', 'legend', 'li', 'main', 'menu', 'nav', 'noscript', 'ol',
  'optgroup', 'option', 'p', 'pre', 'section', 'select', 'summary', 'table', 'tbody', 'td', 'template', 'textarea',
  'tfoot', 'th', 'thead', 'tr', 'ul', 'video',
]);

export const HEADING_ELEMENTS: ReadonlySet<string> = new Set(['h1', 'h2', 'h3', 'h4', 'h5', 'h6']);

/**
 * Never judged by class/id/style: WordPress and friends put layout words on these
 * (`<body class="has-sidebar">`), anti-flicker scripts hide `<body>` until they run, and
 * dropping them would drop the page.
 */
export const ROOT_ELEMENTS: ReadonlySet<string> = new Set(['html', 'body', 'main', 'article']);
