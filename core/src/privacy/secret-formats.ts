/**
 * The credential formats Tracehound recognizes, and one scanner over them shared by the secrets detector and redaction.
 * One RE2.Set pass says which families occur; only those patterns then run to find positions. Each candidate gets a
 * confidence from its checksum / structure / entropy check: 0 means "format only" (a placeholder such as
 * AKIAIOSFODNN7EXAMPLE or a bad checksum) — redaction still masks it, detection ignores it.
 */
import { RE2 } from '../regex.js';
import {
  charClasses,
  jwtLooksReal,
  looksPlaceholder,
  mostlySequential,
  prefixedCrcTokenValid,
  shannonEntropy,
} from './validators.js';

export type SecretKind =
  | 'openai_key'
  | 'anthropic_key'
  | 'aws_access_key'
  | 'aws_secret_key'
  | 'github_token'
  | 'github_pat'
  | 'gitlab_token'
  | 'slack_token'
  | 'slack_webhook'
  | 'stripe_key'
  | 'google_api_key'
  | 'npm_token'
  | 'huggingface_token'
  | 'sendgrid_key'
  | 'azure_storage_key'
  | 'jwt'
  | 'private_key'
  | 'connection_string'
  | 'bearer_token'
  | 'basic_auth'
  | 'credential_assignment';

export interface SecretMatch {
  kind: SecretKind;
  /** Offsets of the secret value itself (what must be masked), UTF-16 code units. */
  start: number;
  end: number;
  /** Non-secret leading characters that may be shown (e.g. 'sk-proj-', 'AKIA', 'ghp_'). */
  prefix: string;
  /** 0..1; 0 for placeholders, documentation values and failed checksums. */
  confidence: number;
  /** Why confidence is what it is (checksum, entropy, placeholder, paired...). Never contains the value. */
  reason: string;
}

interface Family {
  kind: SecretKind;
  /** Pattern for the RE2.Set prefilter and the position scan. */
  source: string;
  /** Validate one raw match; return undefined to drop it entirely (not even masked). */
  check: (m: RegExpExecArray, text: string) => Omit<SecretMatch, 'kind'> | undefined;
}

const TOKEN_CHAR = (c: number) =>
  (c >= 48 && c <= 57) || (c >= 65 && c <= 90) || (c >= 97 && c <= 122) || c === 45 || c === 95;

/** The match must not continue into more token characters (RE2 has no lookahead). */
function endsCleanly(text: string, end: number): boolean {
  return end >= text.length || !TOKEN_CHAR(text.charCodeAt(end));
}

function whole(m: RegExpExecArray, prefix: string, confidence: number, reason: string): Omit<SecretMatch, 'kind'> {
  return { start: m.index, end: m.index + m[0].length, prefix, confidence, reason };
}

/** Random-looking: entropy per char at least `bits`, not a placeholder, not sequential filler. */
function randomish(value: string, bits: number, freeForm = false): { ok: boolean; reason: string } {
  if (looksPlaceholder(value, freeForm)) return { ok: false, reason: 'placeholder' };
  if (mostlySequential(value)) return { ok: false, reason: 'sequential' };
  const h = shannonEntropy(value);
  if (h < bits) return { ok: false, reason: 'low-entropy' };
  return { ok: true, reason: 'entropy' };
}

const JWT_IO_SAMPLE_SIGNATURE = 'SflKxwRJSMeKKF2QT4fwpMeJf36POk6yJV_adQssw5c';

const FAMILIES: Family[] = [
  {
    kind: 'anthropic_key',
    source: String.raw`\bsk-ant-[a-z]{2,8}[0-9]{0,3}-[A-Za-z0-9_\-]{32,}`,
    check: (m) => {
      const dash = m[0].indexOf('-', 7);
      const r = randomish(m[0].slice(dash + 1), 4.0);
      return whole(m, m[0].slice(0, dash + 1), r.ok ? 0.95 : 0, r.reason);
    },
  },
  {
    kind: 'openai_key',
    source: String.raw`\bsk-(?:proj-|svcacct-|admin-|None-)?[A-Za-z0-9_\-]{20,}`,
    check: (m, text) => {
      if (m[0].startsWith('sk-ant-')) return undefined;
      if (!endsCleanly(text, m.index + m[0].length)) return undefined;
      const dash = m[0].indexOf('-', 3);
      const prefix = dash > 0 && dash < 12 ? m[0].slice(0, dash + 1) : 'sk-';
      const body = m[0].slice(prefix.length);
      if (body.length < 32) return whole(m, prefix, 0, 'short');
      const r = randomish(body, 3.5);
      if (!r.ok) return whole(m, prefix, 0, r.reason);
      // T3BlbkFJ is base64 of "OpenAI", embedded in OpenAI's own key formats.
      return whole(m, prefix, body.includes('T3BlbkFJ') ? 0.97 : 0.85, body.includes('T3BlbkFJ') ? 'marker' : r.reason);
    },
  },
  {
    kind: 'aws_access_key',
    source: String.raw`\b(?:AKIA|ASIA|ABIA|ACCA|AROA|AIDA|AGPA|ANPA|ANVA|AIPA|APKA)[A-Z2-7]{16}\b`,
    check: (m) => {
      if (looksPlaceholder(m[0])) return whole(m, m[0].slice(0, 4), 0, 'placeholder');
      if (shannonEntropy(m[0].slice(4)) < 3.0) return whole(m, m[0].slice(0, 4), 0, 'low-entropy');
      return whole(m, m[0].slice(0, 4), 0.75, 'format');
    },
  },
  {
    kind: 'aws_secret_key',
    source: String.raw`(?i)aws.{0,20}secret.{0,20}?["']?\s*(?:[:=]|=>)\s*["']?[A-Za-z0-9/+]{40}`,
    check: (m, text) => {
      const end = m.index + m[0].length;
      const c = text.charCodeAt(end);
      if (end < text.length && (TOKEN_CHAR(c) || c === 47 || c === 43)) return undefined;
      const value = m[0].slice(-40);
      const r = randomish(value, 4.0);
      return {
        start: end - 40,
        end,
        prefix: '',
        confidence: r.ok && charClasses(value) >= 3 ? 0.95 : 0,
        reason: r.reason,
      };
    },
  },
  {
    kind: 'github_token',
    source: String.raw`\bgh[pousr]_[A-Za-z0-9]{36}\b`,
    check: (m) => {
      if (looksPlaceholder(m[0].slice(4))) return whole(m, m[0].slice(0, 4), 0, 'placeholder');
      const ok = prefixedCrcTokenValid(m[0]);
      return whole(m, m[0].slice(0, 4), ok ? 0.99 : 0, ok ? 'checksum' : 'bad-checksum');
    },
  },
  {
    kind: 'github_pat',
    source: String.raw`\bgithub_pat_[A-Za-z0-9]{22}_[A-Za-z0-9]{59}\b`,
    check: (m) => {
      const r = randomish(m[0].slice(11), 4.0);
      return whole(m, 'github_pat_', r.ok ? 0.97 : 0, r.reason);
    },
  },
  {
    kind: 'npm_token',
    source: String.raw`\bnpm_[A-Za-z0-9]{36}\b`,
    check: (m) => {
      if (looksPlaceholder(m[0].slice(4))) return whole(m, 'npm_', 0, 'placeholder');
      const ok = prefixedCrcTokenValid(m[0]);
      return whole(m, 'npm_', ok ? 0.97 : 0, ok ? 'checksum' : 'bad-checksum');
    },
  },
  {
    kind: 'gitlab_token',
    source: String.raw`\bgl(?:pat|dt|rt|ptt|ft|soat|cbt|imt|oas)-[A-Za-z0-9_\-.]{20,}`,
    check: (m, text) => {
      if (!endsCleanly(text, m.index + m[0].length)) return undefined;
      const dash = m[0].indexOf('-');
      const r = randomish(m[0].slice(dash + 1), 3.5);
      return whole(m, m[0].slice(0, dash + 1), r.ok ? 0.95 : 0, r.reason);
    },
  },
  {
    kind: 'slack_token',
    source: String.raw`\bxox[abeoprs]-[0-9A-Za-z\-]{20,}`,
    check: (m, text) => {
      if (!endsCleanly(text, m.index + m[0].length)) return undefined;
      const body = m[0].slice(5);
      let digits = 0;
      for (const ch of body) if (ch >= '0' && ch <= '9') digits++;
      const r = randomish(body, 3.0);
      return whole(m, m[0].slice(0, 5), r.ok && digits >= 8 ? 0.95 : 0, r.ok ? 'format' : r.reason);
    },
  },
  {
    kind: 'slack_webhook',
    source: String.raw`https://hooks\.slack\.com/(?:services|workflows|triggers)/[A-Za-z0-9_/]{20,}`,
    check: (m) => {
      const cut = m[0].indexOf('/', 'https://hooks.slack.com/'.length) + 1;
      const secret = m[0].slice(cut);
      const r = randomish(secret.split('/').join(''), 3.5);
      return {
        start: m.index + cut,
        end: m.index + m[0].length,
        prefix: '',
        confidence: r.ok ? 0.95 : 0,
        reason: r.reason,
      };
    },
  },
  {
    kind: 'stripe_key',
    source: String.raw`\b(?:sk|rk)_live_[A-Za-z0-9]{20,}`,
    check: (m, text) => {
      if (!endsCleanly(text, m.index + m[0].length)) return undefined;
      const r = randomish(m[0].slice(8), 3.5);
      return whole(m, m[0].slice(0, 8), r.ok ? 0.97 : 0, r.reason);
    },
  },
  {
    kind: 'google_api_key',
    source: String.raw`\bAIza[0-9A-Za-z_\-]{35}`,
    check: (m, text) => {
      if (!endsCleanly(text, m.index + m[0].length)) return undefined;
      const r = randomish(m[0].slice(4), 3.8);
      return whole(m, 'AIza', r.ok ? 0.9 : 0, r.reason);
    },
  },
  {
    kind: 'huggingface_token',
    source: String.raw`\bhf_[A-Za-z0-9]{34,40}\b`,
    check: (m) => {
      const r = randomish(m[0].slice(3), 4.0);
      return whole(m, 'hf_', r.ok && charClasses(m[0].slice(3)) >= 2 ? 0.9 : 0, r.reason);
    },
  },
  {
    kind: 'sendgrid_key',
    source: String.raw`\bSG\.[A-Za-z0-9_\-]{22}\.[A-Za-z0-9_\-]{43}`,
    check: (m, text) => {
      if (!endsCleanly(text, m.index + m[0].length)) return undefined;
      const r = randomish(m[0].slice(3), 4.0);
      return whole(m, 'SG.', r.ok ? 0.95 : 0, r.reason);
    },
  },
  {
    kind: 'azure_storage_key',
    source: String.raw`AccountKey=[A-Za-z0-9+/]{86}==`,
    check: (m) => {
      const value = m[0].slice('AccountKey='.length);
      const r = randomish(value, 4.5);
      return {
        start: m.index + 11,
        end: m.index + m[0].length,
        prefix: '',
        confidence: r.ok ? 0.95 : 0,
        reason: r.reason,
      };
    },
  },
  {
    kind: 'jwt',
    source: String.raw`\beyJ[A-Za-z0-9_\-]{8,}\.eyJ[A-Za-z0-9_\-]{8,}\.[A-Za-z0-9_\-]{16,}`,
    check: (m, text) => {
      if (!endsCleanly(text, m.index + m[0].length)) return undefined;
      if (m[0].endsWith(JWT_IO_SAMPLE_SIGNATURE)) return whole(m, 'eyJ', 0, 'documentation-sample');
      const real = jwtLooksReal(m[0]);
      return whole(m, 'eyJ', real ? 0.85 : 0, real ? 'header' : 'bad-header');
    },
  },
  {
    kind: 'private_key',
    source: String.raw`-----BEGIN (?:RSA |EC |DSA |OPENSSH |ENCRYPTED |PGP )?PRIVATE KEY(?: BLOCK)?-----`,
    check: (m, text) => {
      // The body is found by position, not by regex: bounded, linear, tolerant of truncated blocks.
      const from = m.index + m[0].length;
      const limit = Math.min(text.length, from + 16384);
      const endMarker = nextPemEnd(text, from, limit);
      let end: number;
      if (endMarker >= 0) {
        const close = text.indexOf('-----', endMarker + 9);
        end = close >= 0 && close < endMarker + 64 ? close + 5 : endMarker + 9;
      } else {
        // Truncated block: the body runs while characters are base64 or line breaks.
        end = from;
        while (end < limit) {
          const c = text.charCodeAt(end);
          const b64 =
            (c >= 48 && c <= 57) ||
            (c >= 65 && c <= 90) ||
            (c >= 97 && c <= 122) ||
            c === 43 ||
            c === 47 ||
            c === 61 ||
            c === 10 ||
            c === 13 ||
            c === 32;
          if (!b64) break;
          end++;
        }
      }
      const body = text.slice(from, endMarker >= 0 ? endMarker : end);
      let b64chars = 0;
      for (let i = 0; i < body.length; i++) {
        const c = body.charCodeAt(i);
        if ((c >= 48 && c <= 57) || (c >= 65 && c <= 90) || (c >= 97 && c <= 122) || c === 43 || c === 47) b64chars++;
      }
      // Only a short body can be a placeholder by wording; a long random body contains 4-letter words by chance.
      const placeholder = b64chars < 64 || body.includes('...') || (b64chars < 200 && looksPlaceholder(body));
      return {
        start: m.index,
        end,
        prefix: '',
        confidence: placeholder ? 0 : 0.99,
        reason: placeholder ? 'placeholder' : 'pem',
      };
    },
  },
  {
    kind: 'connection_string',
    source: String.raw`\b(?:postgres(?:ql)?|mysql|mariadb|mongodb(?:\+srv)?|rediss?|amqps?|mssql|sqlserver|ftp|sftp|smtps?|ldaps?|https?)://[^\s:/@"'<>]{1,64}:[^\s@/"'<>]{3,128}@[A-Za-z0-9.\-]+`,
    check: (m) => {
      const s = m[0];
      const userStart = s.indexOf('://') + 3;
      const colon = s.indexOf(':', userStart);
      const at = s.lastIndexOf('@');
      const password = s.slice(colon + 1, at);
      const r = randomish(password, 2.5, true);
      const strong = r.ok && password.length >= 8 && charClasses(password) >= 2;
      return {
        start: m.index + userStart,
        end: m.index + at,
        prefix: '',
        confidence: strong ? 0.85 : 0,
        reason: r.reason,
      };
    },
  },
  {
    kind: 'bearer_token',
    source: String.raw`(?i)\bbearer\s+[A-Za-z0-9._~+/\-]{20,}=*`,
    check: (m) => {
      let i = 6;
      while (i < m[0].length && (m[0][i] === ' ' || m[0][i] === '\t')) i++;
      const value = m[0].slice(i);
      const r = randomish(value, 3.5);
      const ok = r.ok && charClasses(value) >= 2;
      return { start: m.index + i, end: m.index + m[0].length, prefix: '', confidence: ok ? 0.8 : 0, reason: r.reason };
    },
  },
  {
    kind: 'basic_auth',
    source: String.raw`(?i)\bbasic\s+[A-Za-z0-9+/]{12,}={0,2}`,
    check: (m, text) => {
      const end = m.index + m[0].length;
      if (!endsCleanly(text, end)) return undefined;
      let i = 5;
      while (i < m[0].length && (m[0][i] === ' ' || m[0][i] === '\t')) i++;
      const value = m[0].slice(i);
      const decoded = Buffer.from(value, 'base64').toString('utf8');
      const colon = decoded.indexOf(':');
      if (colon <= 0) return undefined; // "basic" followed by an ordinary word or blob
      const pass = decoded.slice(colon + 1);
      const r = randomish(pass, 2.5, true);
      return { start: m.index + i, end, prefix: '', confidence: r.ok && pass.length >= 8 ? 0.8 : 0, reason: r.reason };
    },
  },
  {
    kind: 'credential_assignment',
    source: String.raw`(?i)\b(?:[a-z0-9]+[_.\-])*(?:password|passwd|pwd|pass|secret|token|api[_.\-]?key|apikey|access[_.\-]?key|auth[_.\-]?key|private[_.\-]?key|client[_.\-]?secret|credentials?)(?:[_.\-][a-z0-9]+)*["']?\s*(?::=|=>|=|:)\s*["'\x60]?[^\s"'\x60,;<>(){}\[\]]{8,200}`,
    check: (m) => {
      const s = m[0];
      // The value is the trailing run after the operator and an optional quote.
      let i = s.length;
      while (i > 0 && !' \t\r\n"\'`=:>'.includes(s[i - 1])) i--;
      const value = s.slice(i);
      const start = m.index + i;
      const end = m.index + s.length;
      if (value.length < 8) return undefined;
      if (value.includes('…') || value.includes('[REDACTED')) return undefined; // already masked: keep redaction idempotent
      // Code, not a literal: config.password, self.token, process.env.API_KEY.
      const looksCode = isDottedIdentifier(value);
      const r = randomish(value, 3.0, true);
      const classes = charClasses(value);
      let confidence = 0;
      if (r.ok && !looksCode && classes >= 3 && value.length >= 10) {
        confidence = shannonEntropy(value) >= 3.5 && value.length >= 16 ? 0.85 : 0.65;
      }
      return {
        start,
        end,
        prefix: '',
        confidence,
        reason: looksCode ? 'code' : r.ok && classes < 3 ? 'few-classes' : r.reason,
      };
    },
  },
];

/** Offset of the assignment operator (first ':' or '='; key characters never include them). */
function operatorIndex(s: string): number {
  for (let i = 0; i < s.length; i++) if (s[i] === ':' || s[i] === '=') return i;
  return 0;
}

/** a.b.c where every segment is an identifier: an expression in code, not a secret literal. */
function isDottedIdentifier(v: string): boolean {
  if (!v.includes('.')) return false;
  for (const seg of v.split('.')) {
    if (seg.length === 0) return false;
    for (let i = 0; i < seg.length; i++) {
      const c = seg.charCodeAt(i);
      const ok = (c >= 65 && c <= 90) || (c >= 97 && c <= 122) || c === 95 || (i > 0 && c >= 48 && c <= 57);
      if (!ok) return false;
    }
  }
  return true;
}

/**
 * Position of the next '-----END ' at or after from (and before limit), or -1. Memoized per text so that many BEGIN
 * markers cost one forward scan in total, not one scan each.
 */
let pemMemo: { text: string; at: number; found: number } | undefined;
function nextPemEnd(text: string, from: number, limit: number): number {
  let found: number;
  if (pemMemo && pemMemo.text === text && pemMemo.at <= from && (pemMemo.found < 0 || pemMemo.found >= from))
    found = pemMemo.found;
  else {
    found = text.indexOf('-----END ', from);
    pemMemo = { text, at: from, found };
  }
  return found >= 0 && found <= limit ? found : -1;
}

/** Specific formats win over the generic ones when they overlap. */
const GENERIC: ReadonlySet<SecretKind> = new Set([
  'credential_assignment',
  'connection_string',
  'aws_secret_key',
  'bearer_token',
  'basic_auth',
]);

const SET = new RE2.Set(FAMILIES.map((f) => f.source));
const SCANNERS = FAMILIES.map((f) => new RE2(f.source, 'g'));

/** Near an AWS access key id, a 40-char secret access key makes the pair usable. */
const AWS_SECRET_NEAR = new RE2(String.raw`(?:^|[^A-Za-z0-9/+])([A-Za-z0-9/+]{40})(?:[^A-Za-z0-9/+=]|$)`, 'g');
const AWS_PAIR_WINDOW = 300;
const MAX_AWS_PAIRING = 32;

/**
 * Most matches one family may produce per text. Real texts hold a handful; past this the text is a dump or an attack
 * on the scanner (each match has a fixed cost), so scanning stops and the caller masks the rest wholesale.
 */
export const MAX_MATCHES_PER_FAMILY = 256;

export interface SecretScan {
  matches: SecretMatch[];
  /** Set when a family hit MAX_MATCHES_PER_FAMILY: text from here on was not fully scanned. */
  saturatedAt?: number;
}

/** Every credential-format candidate in text, sorted by start, non-overlapping (specific formats preferred). */
export function scanSecrets(text: string): SecretScan {
  if (text.length < 16) return { matches: [] };
  const hits = SET.match(text);
  if (hits.length === 0) return { matches: [] };
  const found: SecretMatch[] = [];
  let saturatedAt: number | undefined;
  for (const idx of hits.sort((a, b) => a - b)) {
    const family = FAMILIES[idx];
    const re = SCANNERS[idx];
    re.lastIndex = 0;
    let m: RegExpExecArray | null;
    let n = 0;
    while ((m = re.exec(text)) !== null) {
      if (m[0].length === 0) {
        re.lastIndex++;
        continue;
      }
      if (++n > MAX_MATCHES_PER_FAMILY) {
        saturatedAt = Math.min(saturatedAt ?? m.index, m.index);
        break;
      }
      const checked = family.check(m, text);
      if (checked) {
        found.push({ kind: family.kind, ...checked });
        // Continue after what was consumed (a PEM body): never rescan inside a masked span.
        if (checked.end > re.lastIndex) re.lastIndex = checked.end;
      }
      // An assignment's value may itself hold an assignment (X='api_key: ...'): resume inside the value.
      if (family.kind === 'credential_assignment') re.lastIndex = m.index + operatorIndex(m[0]) + 1;
    }
  }
  pairAwsSecrets(text, found);
  pemMemo = undefined; // do not keep a reference to a large text
  return saturatedAt === undefined ? { matches: dedupe(found) } : { matches: dedupe(found), saturatedAt };
}

export function findSecrets(text: string): SecretMatch[] {
  return scanSecrets(text).matches;
}

function pairAwsSecrets(text: string, found: SecretMatch[]): void {
  // Bounded: a text with hundreds of key ids is a dump; pairing the first ones is enough to rate it.
  const ids = found.filter((f) => f.kind === 'aws_access_key' && f.confidence > 0).slice(0, MAX_AWS_PAIRING);
  for (const id of ids) {
    const from = Math.max(0, id.start - AWS_PAIR_WINDOW);
    const window = text.slice(from, Math.min(text.length, id.end + AWS_PAIR_WINDOW));
    AWS_SECRET_NEAR.lastIndex = 0;
    let m: RegExpExecArray | null;
    while ((m = AWS_SECRET_NEAR.exec(window)) !== null) {
      const value = m[1];
      const start = from + m.index + m[0].indexOf(value);
      if (start === id.start) continue;
      const r = randomish(value, 4.0);
      if (r.ok && charClasses(value) >= 3) {
        found.push({ kind: 'aws_secret_key', start, end: start + 40, prefix: '', confidence: 0.97, reason: 'paired' });
        id.confidence = 0.97;
        id.reason = 'paired';
      }
      AWS_SECRET_NEAR.lastIndex = Math.max(AWS_SECRET_NEAR.lastIndex - 1, m.index + 1); // separators are shared
    }
  }
}

function dedupe(found: SecretMatch[]): SecretMatch[] {
  found.sort((a, b) => a.start - b.start || Number(GENERIC.has(a.kind)) - Number(GENERIC.has(b.kind)) || b.end - a.end);
  const out: SecretMatch[] = [];
  for (const f of found) {
    const prev = out[out.length - 1];
    if (prev && f.start < prev.end) {
      // Overlap: keep the specific one; if the later one is specific and the kept one generic, swap.
      if (GENERIC.has(prev.kind) && !GENERIC.has(f.kind)) out[out.length - 1] = f;
      else if (f.end > prev.end && f.confidence > prev.confidence && GENERIC.has(f.kind) === GENERIC.has(prev.kind))
        out[out.length - 1] = f;
      continue;
    }
    out.push(f);
  }
  return out;
}

/** Human label per kind, for finding messages and docs. */
export const SECRET_LABEL: Record<SecretKind, string> = {
  openai_key: 'OpenAI-style API key (sk-)',
  anthropic_key: 'Anthropic API key',
  aws_access_key: 'AWS access key id',
  aws_secret_key: 'AWS secret access key',
  github_token: 'GitHub token',
  github_pat: 'GitHub fine-grained personal access token',
  gitlab_token: 'GitLab token',
  slack_token: 'Slack token',
  slack_webhook: 'Slack webhook URL',
  stripe_key: 'Stripe live key',
  google_api_key: 'Google API key',
  npm_token: 'npm access token',
  huggingface_token: 'Hugging Face token',
  sendgrid_key: 'SendGrid API key',
  azure_storage_key: 'Azure storage account key',
  jwt: 'JSON Web Token',
  private_key: 'private key (PEM)',
  connection_string: 'connection string with credentials',
  bearer_token: 'bearer token (Authorization header)',
  basic_auth: 'basic-auth credentials (Authorization header)',
  credential_assignment: 'credential assignment (password/secret/token =)',
};
