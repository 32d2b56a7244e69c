import { describe, expect, it } from 'vitest';
import type { Suppression } from '../../src/detect/config.js';
import { SuppressionManager } from '../../src/response/suppression-manager.js';
import { parseSuppression } from '../../src/response/suppression-parse.js';

const FUTURE = '2999-01-01T00:00:00Z';
const sup = (id: string, rule = 'TH-INJ-001'): Suppression => ({
  id,
  rule,
  reason: 'known false positive',
  expires: FUTURE,
});

function fakeFs(files: Record<string, { text: string; mtime: number }>) {
  return {
    read(p: string) {
      const f = files[p];
      if (!f) throw Object.assign(new Error('ENOENT'), { code: 'ENOENT' });
      return f.text;
    },
    mtimeMs: (p: string) => files[p]?.mtime,
  };
}

function target() {
  const t = { applied: [] as Suppression[][], replace: (l: Suppression[]) => void t.applied.push(l) };
  return t;
}

describe('SuppressionManager', () => {
  it('merges config, file and API suppressions (config wins on an id clash) and applies them', () => {
    const files = {
      '/s.yaml': { text: `- id: file-1\n  rule: TH-PII-001\n  reason: test data\n  expires: "${FUTURE}"\n`, mtime: 1 },
    };
    const m = new SuppressionManager({
      base: [sup('cfg-1')],
      file: '/s.yaml',
      pollSeconds: 0,
      maxApi: 2,
      fs: fakeFs(files),
    });
    const t = target();
    m.start(t);
    expect(t.applied.at(-1)!.map((s) => s.id)).toEqual(['cfg-1', 'file-1']);
    expect(m.add(sup('api-1'))).toEqual({ ok: true });
    expect(m.add(sup('cfg-1'))).toEqual({ ok: false, reason: 'conflict' });
    expect(m.add(sup('api-2'))).toEqual({ ok: true });
    expect(m.add(sup('api-3'))).toEqual({ ok: false, reason: 'full' });
    expect(m.list().map((s) => `${s.source}:${s.id}`)).toEqual([
      'config:cfg-1',
      'file:file-1',
      'api:api-1',
      'api:api-2',
    ]);
    expect(m.remove('api-1')).toBe(true);
    expect(m.remove('cfg-1')).toBe(false);
    expect(t.applied.at(-1)!.map((s) => s.id)).toEqual(['cfg-1', 'file-1', 'api-2']);
  });

  it('reloads the file when its mtime changes (polling) and keeps the previous list when it turns invalid', () => {
    const files: Record<string, { text: string; mtime: number }> = {
      '/s.json': { text: JSON.stringify({ suppressions: [sup('a')] }), mtime: 1 },
    };
    let tick: () => void = () => undefined;
    const m = new SuppressionManager({
      base: [],
      file: '/s.json',
      pollSeconds: 5,
      maxApi: 10,
      fs: fakeFs(files),
      setInterval: (fn) => ((tick = fn), {}),
      clearInterval: () => undefined,
    });
    const t = target();
    m.start(t);
    expect(t.applied.at(-1)!.map((s) => s.id)).toEqual(['a']);
    const before = t.applied.length;
    tick(); // unchanged mtime: nothing re-read
    expect(t.applied.length).toBe(before);
    files['/s.json'] = { text: JSON.stringify([sup('a'), sup('b')]), mtime: 2 };
    tick();
    expect(t.applied.at(-1)!.map((s) => s.id)).toEqual(['a', 'b']);
    files['/s.json'] = { text: '- id: broken', mtime: 3 };
    tick();
    expect(t.applied.at(-1)!.map((s) => s.id)).toEqual(['a', 'b']);
    files['/s.json'] = { text: JSON.stringify([sup('c')]), mtime: 3 };
    expect(m.reload()).toBe(true); // SIGHUP reloads whatever the mtime
    expect(t.applied.at(-1)!.map((s) => s.id)).toEqual(['c']);
    m.stop();
  });

  it('validates untrusted suppressions without echoing values', () => {
    expect(parseSuppression(sup('ok')).ok).toBe(true);
    expect(parseSuppression({ ...sup('x'), expires: 'soon' })).toEqual({
      ok: false,
      error: 'expires: must be an ISO-8601 date-time with offset, e.g. 2026-12-31T23:59:59Z',
    });
    expect(parseSuppression({ ...sup('x'), match: { password: 'hunter2' } })).toMatchObject({ ok: false });
    expect(JSON.stringify(parseSuppression({ ...sup('x'), match: { password: 'hunter2' } }))).not.toContain('hunter2');
    expect(parseSuppression({ ...sup('bad id!') }).ok).toBe(false);
  });
});
