/**
 * The default blocklist. Bapna et al. 2022 list "cursed substrings" in an appendix; that list is not
 * reproduced here (we had no copy to check it against). This default is ours: web boilerplate that is never
 * training text in any language, markup that leaked through extraction, and mojibake — UTF-8 read as
 * Windows-1252 (`â€™` for ’, `Ã©` for é) and the replacement character — which marks a misdecoded page.
 * Matching is case-insensitive; extend or replace it with the step's `strings` / `file` options.
 */
export const DEFAULT_BLOCKLIST: readonly string[] = [
  'lorem ipsum',
  'javascript is disabled',
  'enable javascript',
  'we use cookies',
  'accept cookies',
  'cookie policy',
  'privacy policy',
  'terms of use',
  'terms and conditions',
  'all rights reserved',
  'click here',
  'powered by wordpress',
  'page not found',
  'skip to content',
  'log in to reply',
  '{{',
  '}}',
  '&nbsp;',
  '</',
  'â€™',
  'â€œ',
  'Ã©',
  'Ã¨',
  '\ufffd',
];
