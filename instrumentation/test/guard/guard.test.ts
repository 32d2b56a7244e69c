import Anthropic from '@anthropic-ai/sdk';
import OpenAI from 'openai';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import {
  createGuard,
  isTracehoundBlockedError,
  TracehoundBlockedError,
  type ContentAnalyzer,
} from '../../src/index.js';
import { startFakeProvider, type FakeProvider } from '../../../examples/fake-provider/index.js';
import { createHarness } from '../support/tracing.js';

/** Blocks any text containing BAD-PROMPT (prompt channel) or BAD-OUTPUT (output channel). */
const analyzer: ContentAnalyzer = {
  analyze(text, channel) {
    const marker = channel === 'prompt' ? 'BAD-PROMPT' : 'BAD-OUTPUT';
    return text.includes(marker)
      ? { blocked: true, ruleIds: [`test.${channel}`], severity: 'high' }
      : { blocked: false, ruleIds: [], severity: 'none' };
  },
};
const throwing: ContentAnalyzer = {
  analyze() {
    throw new Error('analyzer down');
  },
};

let fake: FakeProvider;
let openai: OpenAI;
let anthropic: Anthropic;
const h = createHarness();
beforeAll(async () => {
  fake = await startFakeProvider();
  openai = new OpenAI({ baseURL: fake.openaiBaseURL, apiKey: 'k', maxRetries: 0 });
  anthropic = new Anthropic({ baseURL: fake.url, apiKey: 'k', maxRetries: 0 });
});
afterAll(async () => {
  await fake.close();
});
beforeEach(() => h.reset());

const policySpans = () => h.spans().filter((s) => s.name === 'tracehound.policy_decision');
const sent = (marker: string) => fake.requests.filter((r) => JSON.stringify(r.body).includes(marker)).length;

describe('guard: shadow mode', () => {
  it('lets the call through and records what would have been blocked', async () => {
    h.reset({ guard: createGuard({ mode: 'shadow', analyzer }) });
    const r = await openai.chat.completions.create({
      model: 'm',
      messages: [{ role: 'user', content: 'BAD-PROMPT shadow-1' }],
    });
    expect(r.choices[0].message.content).toBe('echo: BAD-PROMPT shadow-1');
    expect(sent('shadow-1')).toBe(1);
    const [p] = policySpans();
    expect(p.attributes).toMatchObject({
      'tracehound.policy.rule': 'test.prompt',
      'tracehound.policy.decision': 'deny',
      'tracehound.policy.enforced': false,
    });
    const llm = h.spans().find((s) => s.name === 'chat m')!;
    expect(p.parentSpanContext?.spanId).toBe(llm.spanContext().spanId);
    expect(llm.status.code).not.toBe(2);
  });
});

describe('guard: enforce mode', () => {
  beforeEach(() => h.reset({ guard: createGuard({ mode: 'enforce', analyzer }) }));

  it('blocks a prompt before it reaches the provider with a typed error and a policy span', async () => {
    const p = openai.chat.completions.create({
      model: 'm',
      messages: [{ role: 'user', content: 'BAD-PROMPT enforce-1' }],
    });
    await expect(p).rejects.toBeInstanceOf(TracehoundBlockedError);
    await expect(p.withResponse()).rejects.toMatchObject({
      code: 'TRACEHOUND_BLOCKED',
      channel: 'prompt',
      ruleIds: ['test.prompt'],
      severity: 'high',
    });
    expect(sent('enforce-1')).toBe(0);
    const [policy] = policySpans();
    expect(policy.attributes['tracehound.policy.enforced']).toBe(true);
    const llm = h.spans().find((s) => s.name === 'chat m')!;
    expect(llm.attributes['error.type']).toBe('TracehoundBlockedError');
  });

  it('blocks an output before the app sees it (non-streaming, OpenAI and Anthropic)', async () => {
    // The fake provider echoes the prompt, so an innocent-looking prompt can carry the output marker.
    await expect(
      openai.chat.completions.create({ model: 'm', messages: [{ role: 'user', content: 'BAD-OUTPUT please' }] }),
    ).rejects.toMatchObject({
      channel: 'output',
    });
    let caught: unknown;
    try {
      await anthropic.messages.create({
        model: 'c',
        max_tokens: 8,
        messages: [{ role: 'user', content: 'BAD-OUTPUT please' }],
      });
    } catch (err) {
      caught = err;
    }
    expect(isTracehoundBlockedError(caught)).toBe(true);
    expect(policySpans()).toHaveLength(2);
  });

  it('blocks a streamed output at the end of the stream', async () => {
    const stream = await openai.chat.completions.create({
      model: 'm',
      stream: true,
      messages: [{ role: 'user', content: 'BAD-OUTPUT streamed' }],
    });
    const consume = async () => {
      for await (const _ of stream) void _;
    };
    await expect(consume()).rejects.toBeInstanceOf(TracehoundBlockedError);
  });

  it('lets clean calls through untouched', async () => {
    const r = await openai.chat.completions.create({ model: 'm', messages: [{ role: 'user', content: 'all good' }] });
    expect(r.choices[0].message.content).toBe('echo: all good');
    expect(policySpans()).toHaveLength(0);
  });
});

describe('guard: analyzer failures', () => {
  it('fail open by default: the call proceeds and nothing is recorded', async () => {
    h.reset({ guard: createGuard({ mode: 'enforce', analyzer: throwing }) });
    const r = await openai.chat.completions.create({ model: 'm', messages: [{ role: 'user', content: 'hello' }] });
    expect(r.choices[0].message.content).toBe('echo: hello');
    expect(policySpans()).toHaveLength(0);
  });

  it('fail closed when configured: the call is blocked as a guard failure', async () => {
    h.reset({ guard: createGuard({ mode: 'enforce', analyzer: throwing, failClosed: true }) });
    await expect(
      openai.chat.completions.create({ model: 'm', messages: [{ role: 'user', content: 'closed-1' }] }),
    ).rejects.toMatchObject({
      guardFailure: true,
      channel: 'prompt',
    });
    expect(sent('closed-1')).toBe(0);
  });

  it('evaluate() is pure and check() throws only in enforce mode', () => {
    const shadow = createGuard({ mode: 'shadow', analyzer });
    expect(shadow.evaluate('BAD-PROMPT', 'prompt')).toMatchObject({ wouldBlock: true, blocked: false });
    expect(shadow.check('BAD-PROMPT', 'prompt').wouldBlock).toBe(true);
    const enforce = createGuard({ mode: 'enforce', analyzer });
    expect(() => enforce.check('BAD-OUTPUT', 'output')).toThrow(TracehoundBlockedError);
    expect(enforce.check('fine', 'output').blocked).toBe(false);
  });
});
