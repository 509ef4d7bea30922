/**
 * Toxicity introduced: a listed term of the target language in the output that the source does not have.
 * Matching is case-insensitive; in scripts written with spaces a term must stand as a whole word (or words),
 * in scripts without spaces any occurrence counts. The lists are the caller's (term-lists.ts); none ship.
 */
import { sameTarget } from '../rtt/language-classifier.js';
import type { PreparedItem } from './error-item.js';
import type { Flag } from './flag.js';
import { isUnspaced } from './target-scripts.js';
import { wordScripts } from './mixed-script.js';
import type { TermLists } from './term-lists.js';

const escapeRegExp = (text: string): string => text.replace(/[.*+?^${}()|[\]\\/]/gu, '\\$&');
const patterns = new Map<string, RegExp>();

/** The matcher of a term: whole words in spaced scripts, any substring in unspaced ones. */
export function termPattern(term: string): RegExp {
  let re = patterns.get(term);
  if (!re) {
    const body = escapeRegExp(term);
    re = isUnspaced([...wordScripts(term)]) ? new RegExp(body, 'iu') : new RegExp(`(?<![\\p{L}\\p{M}\\p{N}])${body}(?![\\p{L}\\p{M}\\p{N}])`, 'iu');
    patterns.set(term, re);
  }
  return re;
}

const termsByTag = new WeakMap<TermLists, Map<string, string[]>>();

/** The terms of every list naming `tag` (macrolanguages folded), cached per lists object. */
function termsFor(lists: TermLists, tag: string): string[] {
  let cache = termsByTag.get(lists);
  if (!cache) termsByTag.set(lists, (cache = new Map()));
  let terms = cache.get(tag);
  if (!terms) {
    terms = [...lists].filter(([listTag]) => sameTarget(listTag, tag)).flatMap(([, list]) => list);
    cache.set(tag, terms);
  }
  return terms;
}

export function detectToxicity(item: PreparedItem, lists: TermLists | undefined): Flag[] {
  if (!lists || lists.size === 0) return [];
  const terms = termsFor(lists, item.tgt);
  if (terms.length === 0) return [];
  // Terms are NFC; the output is matched as written so that spans stay offsets into it.
  const hyp = item.hyp;
  const src = item.src.normalize('NFC');
  const sourceTerms = item.srcTag === undefined ? [] : termsFor(lists, item.srcTag);
  const sourceIsToxic = sourceTerms.some((t) => termPattern(t).test(src));
  const flags: Flag[] = [];
  for (const term of terms) {
    const re = termPattern(term);
    const m = re.exec(hyp);
    if (!m || re.test(src)) continue;
    flags.push({
      mode: 'toxicity',
      severity: sourceIsToxic ? 'low' : 'high',
      confidence: sourceIsToxic ? 0.5 : 0.9,
      span: { side: 'hyp', start: m.index, end: m.index + m[0].length },
      message: `the output has the listed term "${m[0]}", which the source does not${sourceIsToxic ? ' (the source has listed terms of its own)' : ''}`,
      evidence: { term },
    });
  }
  return flags;
}
