/**
 * The demo's scenarios, run in-process exactly as `npm run demo` runs them (processor on ephemeral ports): every
 * attack scenario raises its expected finding categories, ordinary users raise none, and no leaked secret leaves the
 * processor unredacted.
 */
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { runDemo, type DemoResult } from '../../scripts/demo/run.js';
import { SCENARIOS } from '../../scripts/demo/scenarios.js';
import { alertRows, renderTable } from '../../scripts/demo/table.js';

describe('npm run demo scenarios', () => {
  const findingsFile = join(mkdtempSync(join(tmpdir(), 'th-demo-')), 'findings.jsonl');
  let demo: DemoResult;

  beforeAll(async () => {
    demo = await runDemo({ findingsFile, ephemeralPorts: true });
  }, 60_000);

  it('runs every scenario', () => {
    expect(demo.results.map((r) => r.scenario.id)).toEqual(SCENARIOS.map((s) => s.id));
    for (const r of demo.results) expect(r.requests, r.scenario.id).toBeGreaterThan(0);
  });

  for (const scenario of SCENARIOS) {
    if (scenario.expect.length === 0) {
      it(`${scenario.id}: raises no finding`, () => {
        const r = demo.results.find((x) => x.scenario.id === scenario.id)!;
        expect(r.findings.map((f) => `${f.rule.id} ${f.evidence}`)).toEqual([]);
      });
    } else {
      it(`${scenario.id}: raises ${scenario.expect.join(', ')}`, () => {
        const r = demo.results.find((x) => x.scenario.id === scenario.id)!;
        const categories = new Set(r.findings.map((f) => f.rule.category));
        for (const c of scenario.expect) expect([...categories], `${scenario.id} should raise ${c}`).toContain(c);
      });
    }
  }

  it('pins the signature rule of each attack', () => {
    const rules = (id: string) =>
      new Set(demo.results.find((r) => r.scenario.id === id)!.findings.map((f) => f.rule.id));
    expect(rules('spend-spike')).toContain('TH-BEH-030');
    expect(rules('extraction')).toContain('TH-BEH-002'); // repeated attempts, then the canary leaked
    expect(rules('extraction')).toContain('TH-LEAK-001');
    expect(rules('indirect-injection')).toContain('TH-TOOL-002');
    expect(rules('refusal-cluster')).toContain('TH-BEH-010');
    // The three-step agent flow: one finding, on the post, listing the steps in order.
    const flow = demo.results
      .find((r) => r.scenario.id === 'agent-flow')!
      .findings.filter((f) => f.rule.id.startsWith('TH-FLOW-'));
    expect(flow.map((f) => f.rule.id)).toEqual(['TH-FLOW-001']);
    // The untrusted step is the fetch, or the model call that read the fetched page (an injection in its tool
    // message), when the fetch span reaches the processor in a later export batch than the post: both are true.
    const steps = flow[0].details?.stepTools as string[];
    expect(steps[0]).toBe('get_customer');
    expect(['fetch_url', 'llm_call']).toContain(steps[1]);
    expect(steps[2]).toBe('http_post');
    expect(flow[0].details?.carried).toBe(true);
    expect(flow[0].context.tool).toBe('http_post');
  });

  it('no finding falls outside the scenarios, and the findings file holds them all', () => {
    const sessions = new Set(SCENARIOS.flatMap((s) => s.sessions));
    expect(demo.findings.filter((f) => !sessions.has(f.context.session ?? '')).map((f) => f.rule.id)).toEqual([]);
    const rows = readFileSync(findingsFile, 'utf8').trim().split('\n');
    expect(rows).toHaveLength(demo.findings.length);
  });

  it('never writes a leaked secret unredacted to the findings file, the table or the metrics', () => {
    const file = readFileSync(findingsFile, 'utf8');
    const table = renderTable(alertRows(demo.findings));
    for (const s of demo.secrets) {
      expect(file.includes(s)).toBe(false);
      expect(table.includes(s)).toBe(false);
      expect(demo.metrics.includes(s)).toBe(false);
    }
    expect(demo.metrics).toMatch(/tracehound_findings_total\{rule="TH-BEH-030"/);
  });
});
