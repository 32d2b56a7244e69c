import { describe, expect, it } from 'vitest';
import { evidenceSnippet, maskHighEntropyRuns, redactText } from '../../src/privacy/index.js';
import { generateSecretCorpus, SECRET_GENERATORS, seededRng } from '../fixtures/secrets.js';

describe('redactText', () => {
  it('masks the new personal-data kinds: IP addresses, phone numbers, names and addresses in records', () => {
    expect(redactText('login from 81.2.69.160, call +49 30 901820')).toBe('login from [IP], call [PHONE]');
    expect(redactText('Name: Priya Raman\nAddress: 12 rue des Lilas, 75011 Paris')).toBe(
      'Name: [NAME]\nAddress: [ADDRESS]',
    );
  });

  const corpus = generateSecretCorpus(21, 4);

  it('masks every secret of the corpus', () => {
    const leaked = corpus.filter((s) => redactText(s.text).includes(s.secret));
    expect(leaked.map((s) => s.kind)).toEqual([]);
  });

  it('keeps a short non-secret prefix for provider keys', () => {
    const key = SECRET_GENERATORS.anthropic(seededRng(1));
    expect(redactText(`key: ${key}.`)).toBe('key: sk-ant-api03-…[REDACTED].');
    const gh = SECRET_GENERATORS.github_classic(seededRng(1));
    expect(redactText(gh)).toBe('ghp_…[REDACTED]');
  });

  it('masks PII with card last 4 and IBAN country', () => {
    expect(redactText('card 4539 1488 0343 6467, mail jane@acme.io, SSN 219-09-9998')).toBe(
      'card [CARD …6467], mail [EMAIL], SSN [SSN]',
    );
    expect(redactText('IBAN DE89 3704 0044 0532 0130 00')).toBe('IBAN [IBAN DE…]');
  });

  it('masks a whole PEM block', () => {
    const pem = SECRET_GENERATORS.pem_rsa(seededRng(5));
    expect(redactText(`before\n${pem}\nafter`)).toBe('before\n[REDACTED]\nafter');
  });

  it('masks the credentials of a connection string but keeps scheme and host', () => {
    const url = SECRET_GENERATORS.postgres_url(seededRng(6));
    const red = redactText(url);
    expect(red.startsWith('postgresql://[REDACTED]@db-')).toBe(true);
  });

  it('is idempotent and leaves ordinary text alone', () => {
    for (const s of corpus.slice(0, 40)) {
      const once = redactText(s.text);
      expect(redactText(once)).toBe(once);
    }
    const plain = 'The meeting is at 10:30 in room 4, see https://intranet.corp/wiki.';
    expect(redactText(plain)).toBe(plain);
  });
});

describe('evidenceSnippet', () => {
  const corpus = generateSecretCorpus(31, 3);

  it('never contains a raw secret, whatever window is asked for', () => {
    for (const s of corpus) {
      const text = `Some context before. ${s.text} And some after.`;
      const at = text.indexOf(s.secret);
      const windows: [number, number][] = [
        [at, at + s.secret.length],
        [at + 3, at + 10], // a window inside the secret
        [Math.max(0, at - 30), at + 5], // straddling its start
        [at + s.secret.length - 5, at + s.secret.length + 30], // straddling its end
        [0, text.length],
      ];
      for (const [a, b] of windows) {
        const ev = evidenceSnippet(text, a, b);
        expect(ev.includes(s.secret), `${s.kind} [${a},${b}] ${ev}`).toBe(false);
        // no 12-character fragment of the secret survives either (past the visible provider prefix)
        for (let i = 14; i + 12 <= s.secret.length; i += 6) {
          expect(ev.includes(s.secret.slice(i, i + 12)), `${s.kind} fragment in ${ev}`).toBe(false);
        }
      }
    }
  });

  it('is short and single-line', () => {
    const text = `${'word '.repeat(200)}\n\nline two\tand three ${'x '.repeat(200)}`;
    const ev = evidenceSnippet(text, 500, 520, 80);
    expect(ev.length).toBeLessThanOrEqual(82);
    expect(ev.includes('\n')).toBe(false);
  });

  it('never throws on odd offsets', () => {
    expect(evidenceSnippet('', 0, 10)).toBe('');
    expect(typeof evidenceSnippet('abc', -5, 1e9)).toBe('string');
    expect(typeof evidenceSnippet('abc', Number.NaN, Number.NaN)).toBe('string');
  });

  it('masks unknown high-entropy runs but keeps words', () => {
    expect(maskHighEntropyRuns('token Zq8vN3xK2pL9wR4tY7uB1mC6 ok')).toBe('token [BLOB 24] ok');
    expect(maskHighEntropyRuns('internationalization is long')).toBe('internationalization is long');
  });
});

describe('redaction fails closed on saturated input', () => {
  it('masks the unscanned tail when a text holds too many look-alikes', () => {
    const secret = SECRET_GENERATORS.stripe_live(seededRng(3));
    const text = `${'password=abcdefghijk '.repeat(2000)} ${secret}`;
    const red = redactText(text);
    expect(red.includes(secret)).toBe(false);
    expect(red.endsWith('[REDACTED: too many sensitive-looking items]')).toBe(true);
  });
});
