import { describe, expect, it } from 'vitest';
import { createResponse } from '../../src/response/index.js';
import { responseDefaults } from '../../src/response/config.js';
import { byRule, decision, harness, span, tool } from './support.js';

const taskId = (task: string, extra: Record<string, string[]> = {}) => ({
  'tracehound.identity.session': 's-t',
  'tracehound.identity.task': task,
  ...extra,
});

describe('per-task scope', () => {
  it('flags a tool outside the configured task scope, naming the task; in-scope tools raise nothing', async () => {
    const h = harness({ tasks: { 'summarize-ticket': { tools: ['read_ticket', 'search_*'] } } });
    const t = 'f'.repeat(32);
    await h.send([
      span('execute_tool read_ticket', tool('read_ticket', { identity: taskId('summarize-ticket') }), {
        trace: t,
        startMs: 0,
      }),
      span('execute_tool search_kb', tool('search_kb', { identity: taskId('summarize-ticket') }), {
        trace: t,
        startMs: 5,
      }),
      span('execute_tool shell_exec', tool('shell_exec', { identity: taskId('summarize-ticket') }), {
        trace: t,
        startMs: 9,
      }),
    ]);
    const f = byRule(h.findings, 'TH-FLOW-');
    expect(f.map((x) => x.rule.id)).toEqual(['TH-FLOW-010']);
    expect(f[0].evidence).toContain('task summarize-ticket');
    expect(f[0].details?.task).toBe('summarize-ticket');
    expect(f[0].context.tool).toBe('shell_exec');
    // The session-level allowed-tools rule leaves task spans to the task scope: one finding, not two.
    expect(byRule(h.findings, 'TH-BEH-072')).toEqual([]);
  });

  it('uses the scope the app declared with the task (allowed tools, data scope, egress)', async () => {
    const h = harness();
    const t = '1'.repeat(31) + '2';
    const id = taskId('triage', {
      'tracehound.identity.allowed_tools': ['http_get', 'kb_search'],
      'tracehound.identity.allowed_egress': ['*.corp.example'],
      'tracehound.identity.data_scope': ['source:kb/public/*'],
    });
    await h.send([
      span('execute_tool http_get', tool('http_get', { url: 'https://paste.unlisted.example/a', identity: id }), {
        trace: t,
        startMs: 0,
      }),
      span(
        'kb_search',
        {
          'gen_ai.operation.name': 'retrieval',
          'gen_ai.data_source.id': 'kb',
          'tracehound.retrieval.documents': JSON.stringify([
            { id: 'd1', source: 'kb/public/faq', content: 'shipping' },
            { id: 'd2', source: 'kb/hr/salaries', content: 'pay bands' },
          ]),
          ...id,
        },
        { trace: t, startMs: 10 },
      ),
    ]);
    const ids = byRule(h.findings, 'TH-FLOW-')
      .map((f) => f.rule.id)
      .sort();
    expect(ids).toEqual(['TH-FLOW-011', 'TH-FLOW-012']);
    const egress = h.findings.find((f) => f.rule.id === 'TH-FLOW-012')!;
    expect(egress.details?.hosts).toEqual(['paste.unlisted.example']);
    const data = h.findings.find((f) => f.rule.id === 'TH-FLOW-011')!;
    expect(data.details?.documents).toEqual(['d2']);
  });

  it('lets automated response block the session on a task-scope finding (enforce mode)', async () => {
    const response = createResponse(
      {
        ...responseDefaults,
        enabled: true,
        mode: 'enforce',
        api: { ...responseDefaults.api, enabled: false },
        actions: { ...responseDefaults.actions, rules: { 'TH-FLOW-010': { action: 'block', target: 'session' } } },
      },
      [],
    );
    const h = harness({ tasks: { triage: { tools: ['read_ticket'] } } }, {}, { extensions: response.extensions });
    await h.send([
      span('execute_tool rm_rf', tool('rm_rf', { identity: taskId('triage') }), { trace: '3'.repeat(32), startMs: 0 }),
    ]);
    expect(h.findings.map((f) => f.rule.id)).toContain('TH-RSP-001');
    expect(response.verdicts.get('session:s-t')?.decision).toBe('block');
  });
});

describe('decision vs enforcement', () => {
  it('raises a critical control failure when a denied tool still runs later in the trace', async () => {
    const h = harness();
    const t = '4'.repeat(32);
    const deny = span('tracehound.policy_decision', decision('no-deletes', 'deny', 'tool:delete_records'), {
      trace: t,
      startMs: 0,
    });
    const ran = span('execute_tool delete_records', tool('delete_records', {}), { trace: t, startMs: 50 });
    // The action's span arrives first, the decision in a later batch: judged when both are known.
    await h.send([ran]);
    expect(byRule(h.findings, 'TH-FLOW-020')).toEqual([]);
    await h.send([deny]);
    const f = byRule(h.findings, 'TH-FLOW-020');
    expect(f).toHaveLength(1);
    expect(f[0].severity).toBe('critical');
    expect(f[0].rule.category).toBe('control_failure');
    expect(f[0].spanId).toBe(ran.spanId);
    expect(f[0].details?.stepSpanIds).toEqual([deny.spanId, ran.spanId]);
  });

  it('raises nothing for a shadow decision, for an action before the decision, or for another tool', async () => {
    const h = harness();
    const t = '5'.repeat(32);
    await h.send([
      span('execute_tool delete_records', tool('delete_records', {}), { trace: t, startMs: 0 }),
      span('tracehound.policy_decision', decision('no-deletes', 'deny', 'tool:delete_records'), {
        trace: t,
        startMs: 10,
      }),
      span('tracehound.policy_decision', decision('dry-run', 'deny', 'tool:send_email', false), {
        trace: t,
        startMs: 20,
      }),
      span('execute_tool send_email', tool('send_email', {}), { trace: t, startMs: 30 }),
      span('execute_tool read_ticket', tool('read_ticket', {}), { trace: t, startMs: 40 }),
    ]);
    expect(byRule(h.findings, 'TH-FLOW-020')).toEqual([]);
  });

  it('raises a control failure for an action run while the verdict API blocks its session', async () => {
    const blocks = (targets: readonly string[]) =>
      targets.includes('session:s-blocked') ? { target: 'session:s-blocked', rule: 'TH-BEH-001' } : undefined;
    const h = harness({}, {}, { blocks });
    await h.send([
      span('execute_tool lookup', tool('lookup', { identity: { 'tracehound.identity.session': 's-blocked' } }), {
        trace: '6'.repeat(32),
        startMs: 0,
      }),
      span('execute_tool lookup', tool('lookup', { identity: { 'tracehound.identity.session': 's-free' } }), {
        trace: '7'.repeat(32),
        startMs: 0,
      }),
    ]);
    const f = byRule(h.findings, 'TH-FLOW-020');
    expect(f).toHaveLength(1);
    expect(f[0].context.session).toBe('s-blocked');
    expect(f[0].details?.source).toBe('verdict_api');
  });

  it('counts policy decisions by rule, outcome and enforcement', async () => {
    const h = harness();
    const t = '8'.repeat(32);
    await h.send([
      span('tracehound.policy_decision', decision('no-deletes', 'deny', 'tool:x'), { trace: t, startMs: 0 }),
      span('tracehound.policy_decision', decision('no-deletes', 'Blocked', 'tool:y'), { trace: t, startMs: 1 }),
      span('tracehound.policy_decision', decision('pii', 'redact', 'tool:z', false), { trace: t, startMs: 2 }),
      span('tracehound.policy_decision', decision('sk-proj-abcdefghijklmnopqrstuvwxyz0123456789', 'allow', 'tool:z'), {
        trace: t,
        startMs: 3,
      }),
    ]);
    const m = await h.registry.getSingleMetricAsString('tracehound_policy_decisions_total');
    expect(m).toContain('rule="no-deletes",outcome="deny",enforced="true"} 2');
    expect(m).toContain('rule="pii",outcome="redact",enforced="false"} 1');
    expect(m).not.toContain('sk-proj');
  });
});
