/**
 * Which of a model's languages write each Unicode script. A tag's ISO 15924 script can stand for several
 * code-point scripts: `Jpan` is Han + Hiragana + Katakana, `Kore` Hangul + Han, `Hans`/`Hant` are Han.
 */

const COMPOSITE_SCRIPTS: Record<string, readonly string[]> = {
  Jpan: ['Hani', 'Hira', 'Kana'],
  Kore: ['Hang', 'Hani'],
  Hans: ['Hani'],
  Hant: ['Hani'],
  Hanb: ['Hani', 'Bopo'],
};

/** The Unicode Script values (detectScript's codes) that text in `tagScript` is made of. */
export function codePointScripts(tagScript: string): readonly string[] {
  return COMPOSITE_SCRIPTS[tagScript] ?? [tagScript];
}

/** Whether one writing system mixes the two code-point scripts (Japanese kanji with kana, Korean hangul with hanja). */
export function sameWritingSystem(a: string, b: string): boolean {
  return Object.values(COMPOSITE_SCRIPTS).some((scripts) => scripts.length > 1 && scripts.includes(a) && scripts.includes(b));
}

export class ScriptIndex {
  private readonly byScript = new Map<string, string[]>();

  constructor(languages: readonly string[]) {
    for (const tag of languages) {
      for (const script of codePointScripts(tag.slice(tag.indexOf('_') + 1))) {
        const list = this.byScript.get(script);
        if (list) list.push(tag);
        else this.byScript.set(script, [tag]);
      }
    }
  }

  /** The model languages written in this code-point script. */
  languagesOf(script: string): readonly string[] {
    return this.byScript.get(script) ?? [];
  }
}
