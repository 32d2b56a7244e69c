import { beforeEach, describe, expect, it } from 'vitest';
import { createGuard, isTracehoundBlockedError, withIdentity, withTool } from '../../src/index.js';
import { createHarness } from '../support/tracing.js';

const h = createHarness();
beforeEach(() => h.reset());

const task = {
  session: 's-task-1',
  task: 'summarize-ticket',
  allowedTools: ['read_ticket', 'search_*'],
  allowedEgress: ['*.corp.example'],
};
const decisions = () => h.spans().filter((s) => s.name === 'tracehound.policy_decision');

describe('guard.checkTool: the task scope declared with the identity', () => {
  it('lets in-scope tools and hosts through without recording anything', () => {
    const guard = createGuard({ mode: 'enforce', scopeOnly: true });
    withIdentity(task, () => {
      expect(guard.checkTool({ name: 'read_ticket' })).toBe(true);
      expect(guard.checkTool({ name: 'search_kb', url: 'https://kb.corp.example/q' })).toBe(true);
    });
    expect(decisions()).toEqual([]);
  });

  it('blocks an out-of-scope tool in enforce mode, before it runs, and records the denied target', () => {
    const guard = createGuard({ mode: 'enforce', scopeOnly: true });
    let ran = false;
    let caught: unknown;
    withIdentity(task, () => {
      try {
        guard.checkTool({ name: 'shell_exec' });
        withTool({ name: 'shell_exec' }, () => (ran = true));
      } catch (err) {
        caught = err;
      }
    });
    expect(ran).toBe(false);
    expect(isTracehoundBlockedError(caught)).toBe(true);
    expect((caught as { channel: string }).channel).toBe('tool_call');
    const [d] = decisions();
    expect(d.attributes).toMatchObject({
      'tracehound.policy.decision': 'deny',
      'tracehound.policy.enforced': true,
      'tracehound.policy.target': 'tool:shell_exec',
      'tracehound.policy.rule': 'tracehound.task_scope.tool',
      'tracehound.identity.task': 'summarize-ticket',
    });
  });

  it('refuses egress outside the task in shadow mode without throwing (enforced=false)', () => {
    const guard = createGuard({ mode: 'shadow', scopeOnly: true });
    const ok = withIdentity(task, () =>
      guard.checkTool({ name: 'search_web', url: 'https://paste.unlisted.example/x' }),
    );
    expect(ok).toBe(false);
    const [d] = decisions();
    expect(d.attributes).toMatchObject({
      'tracehound.policy.enforced': false,
      'tracehound.policy.target': 'host:paste.unlisted.example',
      'tracehound.policy.rule': 'tracehound.task_scope.egress',
    });
  });

  it('has nothing to judge without a declared scope', () => {
    const guard = createGuard({ mode: 'enforce', scopeOnly: true });
    expect(withIdentity({ session: 's-2' }, () => guard.checkTool({ name: 'anything' }))).toBe(true);
    expect(guard.checkTool({ name: 'anything' })).toBe(true);
  });
});
