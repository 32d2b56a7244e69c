import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Finding } from '@tracehound/core';
import { JsonlFileSink } from '../../src/output/jsonl-file-sink.js';

const f = (id: string): Finding => ({
  id,
  timeUnixNano: 123n,
  rule: { id: 'R', name: 'R', category: 'refusal', owasp: [], atlas: [] },
  severity: 'low',
  score: 20,
  confidence: 1,
  channel: 'output',
  evidence: '',
  traceId: '',
  spanId: '',
  context: {},
});

describe('JsonlFileSink', () => {
  it('appends one JSON object per finding, in order, creating the folder', async () => {
    const path = join(mkdtempSync(join(tmpdir(), 'th-')), 'sub', 'findings.jsonl');
    const sink = new JsonlFileSink({ path });
    sink.write([f('1'), f('2')]);
    sink.write([f('3')]);
    await sink.shutdown();
    const rows = readFileSync(path, 'utf8')
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l));
    expect(rows.map((r) => r.id)).toEqual(['1', '2', '3']);
    expect(rows[0].timeUnixNano).toBe('123');
  });

  it('drops beyond its queue bound instead of growing', async () => {
    const path = join(mkdtempSync(join(tmpdir(), 'th-')), 'f.jsonl');
    const sink = new JsonlFileSink({ path, maxQueued: 2 });
    sink.write([f('1'), f('2'), f('3')]);
    await sink.shutdown();
    expect(sink.accounting.counts.dropped).toBe(1);
    expect(readFileSync(path, 'utf8').trim().split('\n')).toHaveLength(2);
  });
});
