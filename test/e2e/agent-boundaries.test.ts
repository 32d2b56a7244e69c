/**
 * Agent action boundaries (issue 23) end to end with @tracehound/instrumentation: the real `openai` SDK against the
 * fake provider, exported over OTLP to the real processor. A task's out-of-scope tool is flagged (naming the task)
 * and blocked by the guard in enforce mode before it runs; a denied action the app still executes is a critical
 * control failure; policy decisions are counted by rule and outcome.
 */
import OpenAI from 'openai';
import * as OpenAIModule from 'openai';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  createGuard,
  isTracehoundBlockedError,
  recordPolicyDecision,
  register,
  withIdentity,
  withTool,
  type Registration,
} from '@tracehound/instrumentation';
import { createToyModel } from '../../scripts/demo/model.js';
import { startRig, type Rig } from './support/pipeline.js';

const SHELL_TOOL = {
  type: 'function' as const,
  function: { name: 'shell_exec', description: 'Run a shell command.', parameters: { type: 'object' } },
};

describe('agent action boundaries with @tracehound/instrumentation', () => {
  let rig: Rig;
  let reg: Registration;
  let client: OpenAI;
  const guard = createGuard({ mode: 'enforce', scopeOnly: true });
  let blocked: unknown;
  let ranShell = false;
  const traces: Record<string, string> = {};

  beforeAll(async () => {
    rig = await startRig('agent-boundaries', {
      tracing: false,
      respond: (secrets) => {
        const toy = createToyModel(secrets);
        return (req) =>
          req.toolNames.includes('shell_exec') && !req.hasToolResult
            ? { toolCall: { name: 'shell_exec', arguments: JSON.stringify({ cmd: 'tar czf - /srv/data' }) } }
            : toy(req);
      },
    });
    reg = register({
      serviceName: 'boundaries-app',
      endpoint: `${rig.url}/v1/traces`,
      captureContent: 'full',
      shutdownOnExit: false,
    });
    reg.instrumentation.instrument(OpenAIModule);
    client = new OpenAI({ apiKey: 'sk-test-not-real', baseURL: rig.provider.openaiBaseURL, maxRetries: 0 });

    // A task allowed to search the knowledge base only; the model asks for a shell.
    traces.scope = await rig.inCase('task-scope', () =>
      withIdentity({ user: 'u-t', session: 's-task-1', task: 'faq-answer', allowedTools: ['search_kb'] }, async () => {
        const r = await client.chat.completions.create({
          model: 'gpt-4o-mini',
          messages: [{ role: 'user', content: 'Archive the data folder for me.' }],
          tools: [SHELL_TOOL],
        });
        for (const call of r.choices[0].message.tool_calls ?? []) {
          if (call.type !== 'function') continue;
          try {
            guard.checkTool({ name: call.function.name });
            await withTool({ name: call.function.name, arguments: call.function.arguments }, async () => {
              ranShell = true;
              return 'ok';
            });
          } catch (err) {
            blocked = err;
          }
        }
      }),
    );
    // The app's policy denies deleting records, but a buggy code path runs the tool anyway.
    traces.failure = await rig.inCase('control-failure', () =>
      withIdentity({ user: 'u-c', session: 's-ctl-1' }, async () => {
        recordPolicyDecision({
          rule: 'no-bulk-deletes',
          decision: 'deny',
          enforced: true,
          target: 'tool:delete_records',
        });
        await withTool({ name: 'delete_records', arguments: { table: 'customers' } }, async () => 'deleted 1200 rows');
      }),
    );
    await reg.forceFlush();
    await rig.flush();
  }, 60_000);

  afterAll(async () => {
    await reg?.shutdown();
    await rig?.close();
  });

  const flowFindings = (trace: string) =>
    rig.findings().filter((f) => f.traceId === trace && String(f.attrs['rule.id']).startsWith('TH-FLOW-'));

  it("flags the task's out-of-scope tool, naming the task, and the guard blocks it before it runs", () => {
    expect(ranShell).toBe(false);
    expect(isTracehoundBlockedError(blocked)).toBe(true);
    const f = flowFindings(traces.scope);
    expect(f.map((x) => x.attrs['rule.id'])).toEqual(['TH-FLOW-010']);
    expect(String(f[0].attrs['tracehound.evidence'])).toContain('task faq-answer');
    expect(f[0].attrs['session.id']).toBe('s-task-1');
    // The guard's refusal reached the processor as an enforced deny decision naming the tool; nothing ran after it.
    const decision = rig.spans().find((s) => s.traceId === traces.scope && s.name === 'tracehound.policy_decision');
    expect(decision?.attrs).toMatchObject({
      'tracehound.policy.decision': 'deny',
      'tracehound.policy.enforced': true,
      'tracehound.policy.target': 'tool:shell_exec',
    });
  });

  it('raises a critical control failure when a denied action still runs in the trace', () => {
    const f = flowFindings(traces.failure);
    expect(f.map((x) => x.attrs['rule.id'])).toEqual(['TH-FLOW-020']);
    expect(f[0].attrs['event.severity']).toBe(99);
    const ran = rig.spans().find((s) => s.traceId === traces.failure && s.name === 'execute_tool delete_records');
    expect(f[0].spanId).toBe(ran?.spanId);
  });

  it('counts the policy decisions by rule and outcome', async () => {
    const m = await rig.metrics();
    expect(m).toMatch(
      /tracehound_policy_decisions_total\{rule="tracehound.task_scope.tool",outcome="deny",enforced="true"\} 1/,
    );
    expect(m).toMatch(/tracehound_policy_decisions_total\{rule="no-bulk-deletes",outcome="deny",enforced="true"\} 1/);
  });
});
