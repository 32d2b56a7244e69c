/**
 * No content-derived value in a metric label (issue 22, item 6): telemetry values that become labels are bounded and
 * redacted, and a tool call's target host never is one (only the allowlist entry it matched).
 */
import { Registry } from 'prom-client';
import { describe, expect, it } from 'vitest';
import { emptyInteraction, type Interaction } from '@tracehound/core';
import { EngineMetrics } from '../../src/engine/engine-metrics.js';
import { safeLabelValue } from '../../src/metrics/label-value.js';
import { SECRET_GENERATORS, seededRng } from '../../../core/test/fixtures/secrets.js';

const rng = seededRng(66);
const analysis = {
  findings: [],
  risk: { score: 0, severity: 'none' as const, rules: [], categories: [] },
  suppressed: 0,
};

function tool(name: string, targetHost: string | undefined, decision?: string): Interaction {
  const ix = emptyInteraction('tool_call', 'test');
  ix.service = 'agent-svc';
  ix.tool = { name, targetHost, decision } as Interaction['tool'];
  return ix;
}

describe('metric label values', () => {
  it('keeps ordinary names and redacts secrets, PII and token-like values', () => {
    for (const v of ['gpt-4o-2024-08-06', 'claude-3-5-sonnet-20241022', 'meta-llama/Llama-3.1-8B-Instruct', 'http_get'])
      expect(safeLabelValue(v)).toBe(v);
    expect(safeLabelValue('x'.repeat(100))).toHaveLength(64);
    for (const v of [
      SECRET_GENERATORS.github_classic(rng),
      SECRET_GENERATORS.openai_project(rng),
      SECRET_GENERATORS.aws_access_key_id(rng),
      'alice@example.com',
      'xk3J9fQ2mZ8vL1pR7tY4wB6n',
      'svc\u202etxt',
      'line\nbreak',
    ])
      expect(safeLabelValue(v), v).toBe('redacted');
  });

  it('tool invocations: target_host is the matched allowlist entry, unlisted or none; never the host', async () => {
    const registry = new Registry();
    const m = new EngineMetrics(registry, () => 0, ['api.example.com', '*.internal.example']);
    const token = SECRET_GENERATORS.github_classic(rng);
    m.record(tool('http_get', 'api.example.com', 'allowed'), analysis);
    m.record(tool('http_get', 'db.internal.example', 'allowed'), analysis);
    m.record(tool('http_get', `${token.toLowerCase()}.exfil.example`, 'denied'), analysis);
    m.record(tool('http_get', 'c2VjcmV0LXZhbHVlLWhlcmU.attacker.example'), analysis);
    m.record(tool(token, undefined, 'DROP TABLE'), analysis);
    const text = await registry.metrics();
    expect(text).not.toContain(token);
    expect(text).not.toContain(token.toLowerCase());
    expect(text).not.toContain('exfil');
    expect(text).not.toContain('attacker');
    expect(text).not.toContain('DROP');
    const series = text.split('\n').filter((l) => l.startsWith('tracehound_tool_invocations_total{'));
    expect(series).toEqual(
      expect.arrayContaining([
        'tracehound_tool_invocations_total{tool="http_get",target_host="api.example.com",decision="allowed"} 1',
        'tracehound_tool_invocations_total{tool="http_get",target_host="*.internal.example",decision="allowed"} 1',
        'tracehound_tool_invocations_total{tool="http_get",target_host="unlisted",decision="denied"} 1',
        'tracehound_tool_invocations_total{tool="http_get",target_host="unlisted",decision="unknown"} 1',
        'tracehound_tool_invocations_total{tool="redacted",target_host="none",decision="unknown"} 1',
      ]),
    );
  });
});
