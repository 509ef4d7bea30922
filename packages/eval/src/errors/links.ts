/** URLs and e-mail addresses: they must pass through translation unchanged. */
import type { PreparedItem } from './error-item.js';
import type { Flag } from './flag.js';
import type { TextSpan } from './text-spans.js';

const URL = /\b(?:https?:\/\/|www\.)[^\s<>"'«»“”‘’]+/giu;
const EMAIL = /[\p{L}\p{N}._%+-]+@[\p{L}\p{N}-]+(?:\.[\p{L}\p{N}-]+)+/gu;
/** Sentence punctuation after a link is not part of it. */
const TRAILING = /[.,;:!?)\]}>。、，！？」』）]+$/u;

export interface Link extends TextSpan {
  kind: 'url' | 'email';
  /** Compared form: lower case, no trailing punctuation or slash. */
  key: string;
}

export function findLinks(text: string): Link[] {
  const links: Link[] = [];
  for (const [kind, re] of [['url', URL], ['email', EMAIL]] as const) {
    for (const m of text.matchAll(re)) {
      const raw = m[0].replace(TRAILING, '');
      const start = m.index;
      if (links.some((l) => start < l.end && start + raw.length > l.start)) continue;
      links.push({ kind, text: raw, start, end: start + raw.length, key: raw.toLowerCase().replace(/\/+$/u, '') });
    }
  }
  return links.sort((a, b) => a.start - b.start);
}

/** The text with its links blanked out (same length), so numbers inside links are not counted twice. */
export function withoutLinks(text: string, links: readonly Link[]): string {
  let out = text;
  for (const l of links) out = out.slice(0, l.start) + ' '.repeat(l.end - l.start) + out.slice(l.end);
  return out;
}

function unmatched(from: readonly Link[], to: readonly Link[]): Link[] {
  const pool = to.map((l) => l.key);
  return from.filter((l) => {
    const i = pool.indexOf(l.key);
    if (i < 0) return true;
    pool.splice(i, 1);
    return false;
  });
}

export function detectLinkMismatch(item: PreparedItem): Flag[] {
  const src = findLinks(item.src);
  const hyp = findLinks(item.hyp);
  if (src.length === 0 && hyp.length === 0) return [];
  const ref = item.ref === undefined ? [] : findLinks(item.ref);
  const lost = unmatched(src, hyp).map<Flag>((l) => ({
    mode: 'link-mismatch',
    severity: 'high',
    confidence: 0.9,
    span: { side: 'src', start: l.start, end: l.end },
    message: `the ${l.kind === 'url' ? 'URL' : 'e-mail address'} ${l.text} is missing from the output`,
    evidence: { kind: 'lost', link: l.text },
  }));
  const added = unmatched(hyp, [...src, ...ref]).map<Flag>((l) => ({
    mode: 'link-mismatch',
    severity: 'high',
    confidence: 0.9,
    span: { side: 'hyp', start: l.start, end: l.end },
    message: `the output has the ${l.kind === 'url' ? 'URL' : 'e-mail address'} ${l.text}, which the source does not`,
    evidence: { kind: 'added', link: l.text },
  }));
  return [...lost, ...added];
}
