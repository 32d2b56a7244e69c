import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { emptyInteraction, type Finding, type Interaction } from '@tracehound/core';
import { storeDefaults, type StoreConfig } from '../../src/store/config.js';

export const T0 = Date.parse('2026-03-01T12:00:00Z');

export function tempStorePath(dirs: string[]): string {
  const d = mkdtempSync(join(tmpdir(), 'th-store-'));
  dirs.push(d);
  return join(d, 'store.db');
}

export const removeDirs = (dirs: string[]) => {
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
};

export function storeConfig(path: string, over: Partial<StoreConfig> = {}): StoreConfig {
  return { ...storeDefaults, path, ...over, retention: { ...storeDefaults.retention, ...over.retention } };
}

let n = 0;
export function finding(over: Partial<Finding> & { timeMs?: number } = {}): Finding {
  n++;
  const { timeMs, ...rest } = over;
  return {
    id: `f-${n}-${Math.random().toString(36).slice(2, 8)}`,
    timeUnixNano: BigInt(timeMs ?? T0) * 1_000_000n,
    rule: {
      id: 'TH-INJ-001',
      name: 'Direct prompt injection',
      category: 'prompt_injection',
      owasp: ['LLM01:2025'],
      atlas: ['AML.T0051'],
    },
    severity: 'high',
    score: 80,
    confidence: 0.9,
    channel: 'prompt',
    evidence: 'ignore all previous instructions',
    traceId: 'a'.repeat(32),
    spanId: 'b'.repeat(16),
    context: { session: 's-1', user: 'u-1' },
    ...rest,
  };
}

export function interaction(over: Partial<Interaction> = {}, startMs = T0): Interaction {
  return {
    ...emptyInteraction('llm_call', 'tracehound'),
    identity: { session: 's-1', user: 'u-1' },
    input: [{ role: 'user', content: 'hello' }],
    output: [{ role: 'assistant', content: 'hi' }],
    timing: { startNs: BigInt(startMs) * 1_000_000n, endNs: BigInt(startMs + 5) * 1_000_000n },
    span: { traceId: 'a'.repeat(32), spanId: 'b'.repeat(16), name: 'chat gpt-4o' },
    ...over,
  };
}
