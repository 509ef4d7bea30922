import { resolveCharset } from './charset-label.js';

/**
 * The WHATWG HTML "prescan a byte stream to determine its encoding" algorithm (§13.2.3.2):
 * skips comments and other tags, reads <meta charset> and <meta http-equiv="content-type"
 * content="…charset=…">, and applies the spec's fix-ups (a UTF-16 declaration in bytes that were
 * readable as ASCII means UTF-8; x-user-defined means windows-1252).
 */
export interface MetaCharset {
  /** Canonical encoding name, or null if no usable declaration was found. */
  charset: string | null;
  /** The first declared label that named no encoding. */
  unknownLabel?: string;
}

const SPACE = new Set([0x09, 0x0a, 0x0c, 0x0d, 0x20]);
const GT = 0x3e;
const SLASH = 0x2f;

function lower(byte: number): number {
  return byte >= 0x41 && byte <= 0x5a ? byte + 0x20 : byte;
}

function isLetter(byte: number | undefined): boolean {
  return byte !== undefined && ((byte >= 0x41 && byte <= 0x5a) || (byte >= 0x61 && byte <= 0x7a));
}

function startsWithLower(bytes: Uint8Array, at: number, ascii: string): boolean {
  for (let i = 0; i < ascii.length; i++) if (lower(bytes[at + i] ?? 0) !== ascii.charCodeAt(i)) return false;
  return true;
}

interface Attribute {
  name: string;
  value: string;
}

/** The spec's "get an attribute": returns the attribute and the position after it, or null at '>' or the end. */
function getAttribute(bytes: Uint8Array, start: number, end: number): { attribute: Attribute; next: number } | null {
  let i = start;
  while (i < end && (SPACE.has(bytes[i]!) || bytes[i] === SLASH)) i++;
  if (i >= end || bytes[i] === GT) return null;
  let name = '';
  let value = '';
  for (;;) {
    if (i >= end) return null;
    const b = bytes[i]!;
    if (b === 0x3d && name) {
      i++;
      break;
    }
    if (SPACE.has(b)) {
      while (i < end && SPACE.has(bytes[i]!)) i++;
      if (bytes[i] !== 0x3d) return { attribute: { name, value }, next: i };
      i++;
      break;
    }
    if (b === SLASH || b === GT) return { attribute: { name, value }, next: i };
    name += String.fromCharCode(lower(b));
    i++;
  }
  while (i < end && SPACE.has(bytes[i]!)) i++;
  if (i >= end) return null;
  const quote = bytes[i]!;
  if (quote === 0x22 || quote === 0x27) {
    for (i++; i < end; i++) {
      if (bytes[i] === quote) return { attribute: { name, value }, next: i + 1 };
      value += String.fromCharCode(lower(bytes[i]!));
    }
    return null;
  }
  if (quote === GT) return { attribute: { name, value }, next: i };
  for (; i < end; i++) {
    const b = bytes[i]!;
    if (SPACE.has(b) || b === GT) return { attribute: { name, value }, next: i };
    value += String.fromCharCode(lower(b));
  }
  return null;
}

/** The spec's "extracting a character encoding from a meta element" (the content attribute). */
export function charsetFromContent(content: string): string | null {
  let from = 0;
  for (;;) {
    const at = content.toLowerCase().indexOf('charset', from);
    if (at < 0) return null;
    let i = at + 7;
    while (i < content.length && /\s/.test(content[i]!)) i++;
    if (content[i] !== '=') {
      from = i;
      continue;
    }
    i++;
    while (i < content.length && /\s/.test(content[i]!)) i++;
    const quote = content[i];
    if (quote === '"' || quote === "'") {
      const close = content.indexOf(quote, i + 1);
      return close < 0 ? null : content.slice(i + 1, close);
    }
    const m = /^[^\s;]+/.exec(content.slice(i));
    return m ? m[0] : null;
  }
}

export function prescanMetaCharset(bytes: Uint8Array, limit: number): MetaCharset {
  const end = Math.min(bytes.length, limit);
  let unknownLabel: string | undefined;
  let i = 0;
  while (i < end) {
    if (bytes[i] !== 0x3c) {
      i++;
      continue;
    }
    if (startsWithLower(bytes, i, '<!--')) {
      const close = Buffer.from(bytes.buffer, bytes.byteOffset, end).indexOf('-->', i + 2);
      if (close < 0) break;
      i = close + 3;
    } else if (startsWithLower(bytes, i, '<meta') && (SPACE.has(bytes[i + 5] ?? 0) || bytes[i + 5] === SLASH)) {
      const found = readMeta(bytes, i + 5, end);
      if (found.label !== null && found.charset === null) unknownLabel ??= found.label;
      if (found.charset) {
        const charset = found.charset.startsWith('utf-16') ? 'utf-8' : found.charset;
        return unknownLabel === undefined ? { charset } : { charset, unknownLabel };
      }
      i = found.next;
    } else if (isLetter(bytes[i + 1]) || (bytes[i + 1] === SLASH && isLetter(bytes[i + 2]))) {
      i += bytes[i + 1] === SLASH ? 2 : 1;
      while (i < end && !SPACE.has(bytes[i]!) && bytes[i] !== GT) i++;
      for (let next = getAttribute(bytes, i, end); next; next = getAttribute(bytes, i, end)) i = next.next;
    } else if (bytes[i + 1] === 0x21 || bytes[i + 1] === SLASH || bytes[i + 1] === 0x3f) {
      const close = Buffer.from(bytes.buffer, bytes.byteOffset, end).indexOf(GT, i + 1);
      if (close < 0) break;
      i = close + 1;
    } else {
      i++;
    }
  }
  return unknownLabel === undefined ? { charset: null } : { charset: null, unknownLabel };
}

/** Attributes of one <meta>: the declared label (if the element declares one) and what it resolves to. */
function readMeta(bytes: Uint8Array, start: number, end: number): { label: string | null; charset: string | null; next: number } {
  const seen = new Set<string>();
  let gotPragma = false;
  let needPragma: boolean | null = null;
  let label: string | null = null;
  let i = start;
  for (let next = getAttribute(bytes, i, end); next; next = getAttribute(bytes, i, end)) {
    i = next.next;
    const { name, value } = next.attribute;
    if (seen.has(name)) continue;
    seen.add(name);
    if (name === 'http-equiv' && value === 'content-type') gotPragma = true;
    else if (name === 'content' && label === null) {
      const fromContent = charsetFromContent(value);
      if (fromContent !== null) {
        label = fromContent;
        needPragma = true;
      }
    } else if (name === 'charset' && label === null) {
      label = value;
      needPragma = false;
    }
  }
  if (needPragma === null || (needPragma && !gotPragma) || label === null) return { label: null, charset: null, next: i };
  const resolved = label.trim().toLowerCase() === 'x-user-defined' ? 'windows-1252' : resolveCharset(label);
  return { label, charset: resolved, next: i };
}
