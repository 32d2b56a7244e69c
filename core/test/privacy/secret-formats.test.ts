import { describe, expect, it } from 'vitest';
import { findSecrets, MAX_MATCHES_PER_FAMILY, scanSecrets } from '../../src/privacy/secret-formats.js';
import { generateLookalikes, generateSecretCorpus, SECRET_GENERATORS, seededRng } from '../fixtures/secrets.js';

const LIVE = 0.5;

describe('findSecrets', () => {
  const corpus = generateSecretCorpus(11, 8);

  it('finds every generated real-format secret at live confidence', () => {
    const missed = corpus.filter((s) => {
      const hits = findSecrets(s.text).filter((m) => m.confidence >= LIVE);
      return !hits.some(
        (m) => m.start <= s.text.indexOf(s.secret) + 1 && m.end >= s.text.indexOf(s.secret) + s.secret.length - 1,
      );
    });
    expect(missed.map((m) => m.kind)).toEqual([]);
  });

  it('covers every generator kind', () => {
    expect(new Set(corpus.map((s) => s.kind)).size).toBe(Object.keys(SECRET_GENERATORS).length);
  });

  it('gives no live confidence to look-alikes (UUIDs, SHAs, base64 blobs, EXAMPLE keys, placeholders, bad checksums)', () => {
    for (const text of generateLookalikes(5)) {
      const live = findSecrets(text).filter((m) => m.confidence >= LIVE);
      expect({ text, live: live.map((m) => m.kind) }).toEqual({ text, live: [] });
    }
  });

  it('recognizes AKIAIOSFODNN7EXAMPLE as a placeholder (masked, never live)', () => {
    const [m] = findSecrets('key AKIAIOSFODNN7EXAMPLE here');
    expect(m.kind).toBe('aws_access_key');
    expect(m.confidence).toBe(0);
    expect(m.reason).toBe('placeholder');
  });

  it('pairs an AWS access key id with a nearby secret access key', () => {
    const text = SECRET_GENERATORS.aws_pair(seededRng(4));
    const found = findSecrets(text);
    expect(found.map((m) => m.kind)).toEqual(['aws_access_key', 'aws_secret_key']);
    expect(found[0].reason).toBe('paired');
    expect(Math.min(...found.map((m) => m.confidence))).toBeGreaterThanOrEqual(0.95);
  });

  it('ignores a 40-hex git SHA next to an access key id (not a secret access key)', () => {
    const rng = seededRng(9);
    const id = SECRET_GENERATORS.aws_access_key_id(rng);
    const text = `${id} commit 3f786850e387550fdab836ed7e6dc881de23001b`;
    expect(findSecrets(text).map((m) => m.kind)).toEqual(['aws_access_key']);
  });

  it('rejects a GitHub token with a wrong checksum', () => {
    const t = SECRET_GENERATORS.github_classic(seededRng(1));
    const bad = `${t.slice(0, -1)}${t.endsWith('0') ? '1' : '0'}`;
    expect(findSecrets(`token ${bad}`)[0]).toMatchObject({
      kind: 'github_token',
      confidence: 0,
      reason: 'bad-checksum',
    });
    expect(findSecrets(`token ${t}`)[0]).toMatchObject({ kind: 'github_token', reason: 'checksum' });
  });

  it('prefers the specific format over the generic assignment that contains it', () => {
    const key = SECRET_GENERATORS.openai_project(seededRng(2));
    const found = findSecrets(`OPENAI_API_KEY=${key}`);
    expect(found).toHaveLength(1);
    expect(found[0].kind).toBe('openai_key');
    expect(found[0].prefix).toBe('sk-proj-');
  });

  it('does not flag code expressions or short values as hard-coded credentials', () => {
    for (const text of [
      'password = self.settings.db_password',
      'token: string;',
      'secret = getSecret()',
      'api_key: ${{ secrets.API_KEY }}',
    ]) {
      expect(findSecrets(text).filter((m) => m.confidence >= LIVE)).toEqual([]);
    }
  });

  it('stops a family after MAX_MATCHES_PER_FAMILY and says where (dense adversarial input stays cheap)', () => {
    const big = 'password=abcdefghijk '.repeat(20_000);
    const scan = scanSecrets(big);
    expect(scan.saturatedAt).toBeGreaterThan(0);
    expect(scan.matches.length).toBeLessThanOrEqual(MAX_MATCHES_PER_FAMILY * 2);
  });
});
