/**
 * Redaction: mask every credential and personal-data item Tracehound recognizes, and build short evidence snippets
 * that are redacted by construction. Every detector builds its evidence with evidenceSnippet(), so no finding can
 * carry a raw secret even when the detector itself knows nothing about secrets.
 */
import { scanPii, type PiiMatch } from './pii-formats.js';
import { scanSecrets, type SecretMatch } from './secret-formats.js';
import { shannonEntropy } from './validators.js';

export interface MaskSpan {
  start: number;
  end: number;
  mask: string;
}

export function secretMask(s: Pick<SecretMatch, 'prefix'>): string {
  return s.prefix ? `${s.prefix}…[REDACTED]` : '[REDACTED]';
}

export function piiMask(p: PiiMatch): string {
  switch (p.kind) {
    case 'payment_card':
      return `[CARD …${p.hint ?? ''}]`;
    case 'iban':
      return `[IBAN ${p.hint ?? ''}…]`;
    case 'us_ssn':
      return '[SSN]';
    case 'email':
      return '[EMAIL]';
    case 'phone':
      return '[PHONE]';
    case 'ip_address':
      return '[IP]';
    case 'person_name':
      return '[NAME]';
    case 'street_address':
      return '[ADDRESS]';
  }
}

/** Mask for the tail of a text that held too many secret/PII look-alikes to scan one by one. */
export const SATURATED_MASK = '[REDACTED: too many sensitive-looking items]';

/** All spans to mask in text (secrets first, PII where it does not overlap a secret), sorted, non-overlapping. */
export function sensitiveSpans(text: string): MaskSpan[] {
  const secrets = scanSecrets(text);
  const pii = scanPii(text);
  const spans: MaskSpan[] = secrets.matches.map((s) => ({ start: s.start, end: s.end, mask: secretMask(s) }));
  for (const p of pii.matches) {
    // user:password@host reads as an e-mail address too; the credential mask already covers the sensitive part.
    if (p.kind === 'email' && secrets.matches.some((s) => s.start < p.end && p.start < s.end)) continue;
    spans.push({ start: p.start, end: p.end, mask: piiMask(p) });
  }
  const saturatedAt = Math.min(secrets.saturatedAt ?? Infinity, pii.saturatedAt ?? Infinity);
  // Fail closed: whatever was not scanned is masked as a whole.
  if (saturatedAt < text.length) spans.push({ start: saturatedAt, end: text.length, mask: SATURATED_MASK });
  spans.sort((a, b) => a.start - b.start || b.end - a.end);
  const out: MaskSpan[] = [];
  for (const s of spans) {
    const prev = out[out.length - 1];
    if (prev && s.start < prev.end) {
      if (s.end > prev.end) prev.end = s.end; // union: never leave a tail of a secret unmasked
      if (s.mask === SATURATED_MASK) prev.mask = SATURATED_MASK;
      continue;
    }
    out.push({ ...s });
  }
  return out;
}

function applySpans(text: string, spans: MaskSpan[], from = 0, to = text.length): string {
  let out = '';
  let pos = from;
  for (const s of spans) {
    if (s.end <= from || s.start >= to) continue;
    out += text.slice(pos, Math.max(pos, s.start));
    out += s.mask;
    pos = Math.max(pos, s.end);
  }
  if (pos < to) out += text.slice(pos, to);
  return out;
}

/** text with every recognized secret and personal-data item masked (provider prefix or card last 4 kept). */
export function redactText(text: string): string {
  if (typeof text !== 'string' || text.length === 0) return text;
  const spans = sensitiveSpans(text);
  return spans.length === 0 ? text : applySpans(text, spans);
}

const DEFAULT_SNIPPET = 120;
/** How far around the snippet we look for secrets that may straddle its edges (PEM blocks can be long). */
const SCAN_MARGIN = 16384;
/** Runs of base64/hex-like characters this long with high entropy are masked in evidence even without a known format. */
const BLOB_MIN = 24;

function isBlobChar(c: number): boolean {
  return (
    (c >= 48 && c <= 57) ||
    (c >= 65 && c <= 90) ||
    (c >= 97 && c <= 122) ||
    c === 43 ||
    c === 47 ||
    c === 61 ||
    c === 95 ||
    c === 45
  );
}

/** Mask long high-entropy runs: a fragment of an unknown or truncated secret must not survive into evidence. */
export function maskHighEntropyRuns(s: string): string {
  let out = '';
  let i = 0;
  while (i < s.length) {
    if (!isBlobChar(s.charCodeAt(i))) {
      out += s[i++];
      continue;
    }
    let j = i;
    while (j < s.length && isBlobChar(s.charCodeAt(j))) j++;
    const run = s.slice(i, j);
    out += run.length >= BLOB_MIN && shannonEntropy(run) >= 3.7 ? `[BLOB ${run.length}]` : run;
    i = j;
  }
  return out;
}

function flatten(s: string): string {
  let out = '';
  let space = false;
  for (const ch of s) {
    const c = ch.charCodeAt(0);
    const ws = c <= 32 || c === 0x7f || c === 0x2028 || c === 0x2029;
    if (ws) {
      if (!space) out += ' ';
      space = true;
    } else {
      out += ch;
      space = false;
    }
  }
  return out.trim();
}

/**
 * A short, single-line, redacted excerpt of text around [start, end): secrets and PII anywhere near it are masked
 * (a secret crossing the window edge is masked whole), unknown high-entropy runs are masked, whitespace is collapsed,
 * and the result is at most maxLen characters. Safe to call with any offsets; never throws.
 */
export function evidenceSnippet(text: string, start: number, end: number, maxLen = DEFAULT_SNIPPET): string {
  try {
    if (typeof text !== 'string' || text.length === 0) return '';
    const s0 = Math.max(0, Math.min(text.length, Math.floor(start) || 0));
    const e0 = Math.max(s0, Math.min(text.length, Math.floor(end) || 0));
    const budget = Math.max(16, maxLen);
    const context = Math.max(0, Math.floor((budget - (e0 - s0)) / 2));
    let ws = Math.max(0, s0 - context);
    let we = Math.min(text.length, e0 + context);
    const scanFrom = Math.max(0, ws - SCAN_MARGIN);
    const region = text.slice(scanFrom, Math.min(text.length, we + SCAN_MARGIN));
    const spans = sensitiveSpans(region).map((sp) => ({ ...sp, start: sp.start + scanFrom, end: sp.end + scanFrom }));
    // Grow the window over any span it cuts so that no partial secret is shown.
    for (const sp of spans) {
      if (sp.start < ws && sp.end > ws) ws = sp.start;
      if (sp.start < we && sp.end > we) we = sp.end;
    }
    let snippet = flatten(maskHighEntropyRuns(applySpans(text, spans, ws, we)));
    if (snippet.length > budget) snippet = `${snippet.slice(0, budget - 1)}…`;
    return `${ws > 0 ? '…' : ''}${snippet}${we < text.length && !snippet.endsWith('…') ? '…' : ''}`;
  } catch {
    return '[evidence unavailable]';
  }
}
