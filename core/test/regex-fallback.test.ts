/**
 * The privacy primitives without `re2` (JavaScript's engine, core/src/regex.ts): they load, and they find and mask
 * exactly what they do on RE2, on generated secrets and personal data. A child process runs them with `re2` made
 * unresolvable (fixtures/without-re2.cjs); this process runs them on RE2.
 */
import { execFile } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { findPii, findSecrets, redactText } from '../src/privacy/index.js';
import { regexEngine } from '../src/regex.js';
import { generateSecretCorpus } from './fixtures/secrets.js';

const preload = fileURLToPath(new URL('./fixtures/without-re2.cjs', import.meta.url));
const privacy = new URL('../src/privacy/index.ts', import.meta.url).href;
const regex = new URL('../src/regex.ts', import.meta.url).href;

/** Texts with every kind the primitives know: generated credentials, and personal data written the ways people do. */
function texts(): string[] {
  const secrets = generateSecretCorpus(41, 2).map((s) => s.text);
  return [
    ...secrets,
    'Authorization: Bearer abcdefghijklmnopqrstuvwxyz0123456789',
    'db_password = "correct-horse-battery"',
    'write to jane.doe@example.com or call +1 415 555 0100, or +44 20 7946 0958',
    'card 4111 1111 1111 1111, IBAN DE89 3704 0044 0532 0130 00, SSN 078-05-1120',
    'Name: Jane Doe\nPatient: Dr. Juan García-López',
    'customer_name="Marie Curie"; NOM: Jean Dupont',
    'FULL_NAME: Ada Lovelace, Emergency-Contact: Grace Hopper',
    'The HEADQUARTERS of the Acme Corporation is at 350 Fifth Avenue, New York, NY 10118',
    'Ship to 1600 Pennsylvania Avenue NW, Washington, DC 20500',
    'Meine Adresse: Hauptstraße 5, 10115 Berlin',
    'server at 10.0.0.1 and 203.0.113.7, mail ops@example.org',
    'nothing sensitive here at all',
  ];
}

function withoutRe2(input: string[]): Promise<{ engine: string; results: unknown[] }> {
  const script = `
const { findPii, findSecrets, redactText } = await import(${JSON.stringify(privacy)});
const { regexEngine } = await import(${JSON.stringify(regex)});
const input = JSON.parse(process.env.TEXTS);
const summary = (t) => ({ redacted: redactText(t), secrets: findSecrets(t).map((s) => [s.kind, s.start, s.end]), pii: findPii(t).map((p) => [p.kind, p.start, p.end]) });
console.log(JSON.stringify({ engine: regexEngine, results: input.map(summary) }));`;
  return new Promise((resolve, reject) => {
    execFile(
      process.execPath,
      ['--require', preload, '--import', 'tsx', '--input-type=module', '-e', script],
      { env: { ...process.env, TEXTS: JSON.stringify(input) }, maxBuffer: 16 * 1024 * 1024 },
      (err, stdout, stderr) => (err ? reject(new Error(stderr || String(err))) : resolve(JSON.parse(stdout))),
    );
  });
}

describe('the privacy primitives without re2', () => {
  it('load, and agree with RE2 on every text', { timeout: 60_000 }, async () => {
    const input = texts();
    const js = await withoutRe2(input);
    expect(js.engine).toBe('javascript');
    expect(regexEngine).toBe('re2');
    const onRe2 = input.map((t) => ({
      redacted: redactText(t),
      secrets: findSecrets(t).map((s) => [s.kind, s.start, s.end]),
      pii: findPii(t).map((p) => [p.kind, p.start, p.end]),
    }));
    expect(js.results).toEqual(onRe2);
    // and the comparison is not vacuous: RE2 finds secrets and personal data in these texts
    expect(onRe2.filter((r) => r.secrets.length > 0).length).toBeGreaterThan(20);
    expect(onRe2.filter((r) => r.pii.length > 0).length).toBeGreaterThan(5);
  });
});
