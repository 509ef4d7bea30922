export { UND, TagError, isValidTag, parseTag, formatTag, type ParsedTag } from './tag.js';
export { toTag, tryToTag, type ToTagOptions } from './to-tag.js';
export { sameLanguage, type SameLanguageOptions } from './same-language.js';
export {
  languageCode,
  languageInfo,
  languages,
  macrolanguageOf,
  membersOf,
  likelyScript,
  scriptInfo,
  scripts,
  type LanguageInfo,
  type LanguageScope,
  type LanguageType,
  type ScriptInfo,
} from './registry.js';
export { detectScript, dominantScript } from './detect-script.js';
