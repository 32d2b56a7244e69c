/**
 * Value fingerprints: what lets the flow state recognise private data inside a later outbound action without keeping
 * the data. Distinctive values are extracted from a text (JSON leaf values, e-mail addresses, long digit runs, ids that
 * mix letters and digits) and kept only as keyed one-way hashes (HMAC-SHA256 with a per-process random key, cut to
 * 64 bits). A text the app already hashed (capture mode hashed: `hmac-sha256:…`) is one value: its hash.
 */
import { createHmac, randomBytes } from 'node:crypto';
import RE2 from 're2';
import { HASH_PREFIX } from '@tracehound/core/privacy';

const MAX_TEXT = 64 * 1024;
const MAX_VALUES = 256;
const MIN_LEAF = 6;
const MAX_LEAF = 256;

const EMAIL = new RE2(String.raw`[A-Za-z0-9._%+-]{1,64}@[A-Za-z0-9.-]{1,253}\.[A-Za-z]{2,63}`, 'g');
/** Digit runs with the separators people write in phone, account and card numbers. */
const DIGITS = new RE2(String.raw`\+?[0-9][0-9 .\-/]{4,30}[0-9]`, 'g');
/** Tokens that mix letters and digits (CUST-88231, order ids, IBANs). */
const ID_TOKEN = new RE2(String.raw`\b[A-Za-z0-9][A-Za-z0-9_\-]{5,63}\b`, 'g');

export class Fingerprinter {
  private readonly key: Buffer;

  constructor(key: Buffer = randomBytes(32)) {
    this.key = key;
  }

  fingerprint(value: string): string {
    return createHmac('sha256', this.key).update(value).digest('base64url').slice(0, 11);
  }

  /** The fingerprints of the distinctive values of a text (at most MAX_VALUES). */
  values(text: string | undefined): string[] {
    if (!text) return [];
    const t = text.trim();
    if (t.startsWith(HASH_PREFIX)) return [this.fingerprint(`h:${t.slice(HASH_PREFIX.length)}`)];
    const out = new Set<string>();
    for (const v of extractValues(t.length > MAX_TEXT ? t.slice(0, MAX_TEXT) : t)) {
      if (out.size >= MAX_VALUES) break;
      out.add(this.fingerprint(v));
    }
    return [...out];
  }
}

/** Distinctive values of a text, normalized (lower case, whitespace collapsed, digits without separators). */
export function extractValues(text: string): string[] {
  const values = new Set<string>();
  const add = (v: string) => {
    if (values.size < MAX_VALUES * 2) values.add(v);
  };
  for (const leaf of jsonLeaves(text)) {
    const norm = leaf.replace(/\s+/g, ' ').trim().toLowerCase();
    if (norm.length >= MIN_LEAF && norm.length <= MAX_LEAF && !/^(true|false|null)$/.test(norm)) add(`v:${norm}`);
  }
  for (const m of text.match(EMAIL) ?? []) add(`e:${m.toLowerCase()}`);
  for (const m of text.match(DIGITS) ?? []) {
    const d = m.replace(/[^0-9]/g, '');
    if (d.length >= 6) add(`d:${d}`);
  }
  for (const m of text.match(ID_TOKEN) ?? []) if (/[0-9]/.test(m) && /[A-Za-z]/.test(m)) add(`i:${m.toLowerCase()}`);
  return [...values];
}

/** String and number leaves of a JSON text (bounded walk); the text itself when it is not JSON. */
function jsonLeaves(text: string): string[] {
  const first = text[0];
  if (first !== '{' && first !== '[' && first !== '"') return [text];
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    return [text];
  }
  const out: string[] = [];
  const stack: unknown[] = [parsed];
  let visited = 0;
  while (stack.length > 0 && visited++ < 4096) {
    const v = stack.pop();
    if (typeof v === 'string') {
      // A JSON string that is itself JSON (tool results are often double-encoded).
      if ((v.startsWith('{') || v.startsWith('[')) && v.length <= MAX_TEXT) {
        try {
          stack.push(JSON.parse(v));
          continue;
        } catch {
          // a plain string
        }
      }
      out.push(v);
    } else if (typeof v === 'number' && Number.isFinite(v)) out.push(String(v));
    else if (Array.isArray(v)) for (const x of v) stack.push(x);
    else if (v && typeof v === 'object') for (const x of Object.values(v)) stack.push(x);
  }
  return out;
}
