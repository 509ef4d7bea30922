/**
 * Class/id/role markers of page furniture, after trafilatura's OVERALL_DISCARD_XPATH and
 * COMMENTS_XPATH (adbar/trafilatura, xpaths.py). Distinctive words match anywhere in the value
 * (`site-footer`, `cookieNotice`, `sidebar-left`); short ones only as a whole `-`/`_`/space
 * separated part, so `nav` does not hit `canvas` and `ad` does not hit `header` or `read-more`.
 */
const MARKER_SUBSTRINGS =
  /footer|cookie|sidebar|breadcrumb|banner|newsletter|navbar|navigation|menu|social|sharing|share-|related|comment|widget|advert|sponsor|consent|popup|pagination|disqus|subscribe/;
const MARKER_PARTS = /(?:^|[\s_-])(?:nav|ad|ads|tags?|share|skip|pager|byline|author|promo|signup|login)(?:$|[\s_-])/;

/** ARIA landmark and widget roles that are not main content. */
const BOILERPLATE_ROLES: ReadonlySet<string> = new Set([
  'navigation', 'banner', 'contentinfo', 'complementary', 'menu', 'menubar', 'search', 'dialog', 'alertdialog', 'toolbar',
]);

const HIDDEN_STYLE = /display\s*:\s*none|visibility\s*:\s*hidden/i;

export function hasBoilerplateMarker(attributes: Readonly<Record<string, string>>): boolean {
  const role = attributes['role'];
  if (role !== undefined && BOILERPLATE_ROLES.has(role.trim().toLowerCase())) return true;
  const className = attributes['class'];
  const id = attributes['id'];
  if (className === undefined && id === undefined) return false;
  const value = `${className ?? ''} ${id ?? ''}`.toLowerCase();
  return MARKER_SUBSTRINGS.test(value) || MARKER_PARTS.test(value);
}

/** Invisible elements (as trafilatura's hidden-element XPath): their text is not what readers see. */
export function isHidden(attributes: Readonly<Record<string, string>>): boolean {
  if ('hidden' in attributes) return true;
  if (attributes['aria-hidden']?.trim().toLowerCase() === 'true') return true;
  const style = attributes['style'];
  return style !== undefined && HIDDEN_STYLE.test(style);
}
