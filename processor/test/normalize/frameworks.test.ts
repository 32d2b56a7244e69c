/**
 * Issue 15's D-items on spans recorded from the real packages (processor/test/fixtures/frameworks/, written by
 * test/e2e/frameworks/record.ts): each hole checked on the Interaction the processor reads, and the trace-level ones
 * (identity inheritance, context provenance, one finding per attack) on what the detection stage raises for the
 * recorded trace. The e2e suites (test/e2e/frameworks/) run the same setups live.
 */
import { describe, expect, it } from 'vitest';
import type { Interaction } from '@tracehound/core';
import { analyseCase, caseSpans, interactions, loadFixture } from './support/frameworks.js';

const EXFIL_HOST = 'collect.exfil-metrics.example';
const SYSTEM_START = 'You are Pathfinder, the travel-support assistant of Northwind Travel.';

const llmCalls = (setup: string, c: string) =>
  interactions(loadFixture(setup), c).filter((x) => x.ix.kind === 'llm_call');
const allText = (ix: Interaction) =>
  [ix.systemInstructions ?? '', ...ix.input.map((m) => m.content), ...ix.output.map((m) => m.content)].join('\n');

describe('D1: the Vercel AI SDK traced by the OpenLLMetry SDK (gen_ai.* content on ai.* spans)', () => {
  it('reads prompts, answers, tool calls and usage from gen_ai.input/output.messages', () => {
    const calls = llmCalls('ai-sdk6-openllmetry', 'injection');
    expect(calls).toHaveLength(1);
    const { ix, dialect } = calls[0];
    expect(dialect).toBe('vercel_ai');
    expect(ix.input.find((m) => m.role === 'user')?.content).toMatch(/^Ignore all previous instructions/);
    expect(allText(ix)).toContain(SYSTEM_START);
    expect(ix.output[0].content.length).toBeGreaterThan(0);
    expect(ix.usage.inputTokens).toBeGreaterThan(0);
  });

  it('reads the tool span (gen_ai.tool.call.*): the tool by its name, its arguments', () => {
    const tools = interactions(loadFixture('ai-sdk6-openllmetry'), 'tool-exfil').filter(
      (x) => x.ix.kind === 'tool_call',
    );
    expect(tools).toHaveLength(1);
    expect(tools[0].ix.tool?.name).toBe('http_get');
    expect(tools[0].ix.tool?.arguments).toContain(EXFIL_HOST);
  });

  it('raises the tool and key findings the content calls for', async () => {
    const f = loadFixture('ai-sdk6-openllmetry');
    expect((await analyseCase(f, 'tool-exfil')).findings.map((x) => x.rule.id)).toContain('TH-TOOL-002');
    expect((await analyseCase(f, 'secret')).findings.map((x) => x.rule.id)).toContain('TH-SEC-001');
  });
});

describe('D2: OpenLLMetry LangChain tool spans (task + execute_tool)', () => {
  it('are tool calls named by the tool, not DynamicStructuredTool, with their arguments', () => {
    const spans = interactions(loadFixture('langchain-openllmetry'), 'tool-exfil');
    const tool = spans.find((x) => x.span.name.startsWith('execute_tool'));
    expect(tool?.span.attributes['traceloop.entity.name']).toBe('DynamicStructuredTool');
    expect(tool?.ix.kind).toBe('tool_call');
    expect(tool?.ix.tool?.name).toBe('http_get');
    expect(tool?.ix.tool?.arguments).toContain(EXFIL_HOST);
  });
});

describe('D3: AI SDK 7 (@ai-sdk/otel) identity in ai.settings.context.* on the agent and step spans only', () => {
  it('the chat spans carry no identity of their own', () => {
    for (const { ix } of llmCalls('ai-sdk7', 'injection')) expect(ix.identity.user).toBeUndefined();
    const agent = interactions(loadFixture('ai-sdk7'), 'injection').find((x) => x.span.name.startsWith('invoke_agent'));
    expect(agent?.ix.identity).toMatchObject({ user: 'u-injection', session: 's-injection' });
  });

  it('findings on the chat span inherit user and session from the ancestors of the trace', async () => {
    const f = loadFixture('ai-sdk7');
    const { findings } = await analyseCase(f, 'injection');
    const inj = findings.filter((x) => x.rule.id === 'TH-INJ-001');
    expect(inj).toHaveLength(1);
    expect(caseSpans(f, 'injection').find((s) => s.spanId === inj[0].spanId)?.name).toMatch(/^chat /);
    expect(inj[0].context).toMatchObject({ user: 'u-injection', session: 's-injection' });
  });
});

describe('D4: one model call traced twice (an outer and an inner LLM span)', () => {
  it('is counted once: the inner span of another instrumentation scope becomes a wrapper, one finding', async () => {
    // The recorded OpenLLMetry LangChain chat span, and the same call as the OpenAI instrumentation traces it beneath
    // it (same model and usage, its own scope): what @traceloop/instrumentation-openai adds when it patches the
    // `openai` client @langchain/openai uses.
    const f = loadFixture('langchain-openllmetry');
    const spans = f.cases.injection;
    const chat = spans.find((s) => s.name.startsWith('chat '))!;
    const inner = {
      ...chat,
      spanId: 'ffffffffffff0001',
      parentSpanId: chat.spanId,
      startNs: (BigInt(chat.startNs) + 1000n).toString(),
      endNs: (BigInt(chat.endNs) - 1000n).toString(),
      scope: { name: '@traceloop/instrumentation-openai' },
    };
    const twice = { ...f, cases: { injection: [...spans, inner] } };
    const { findings, counts } = await analyseCase(twice, 'injection');
    expect(findings.filter((x) => x.rule.id === 'TH-INJ-001')).toHaveLength(1);
    expect(counts.duplicateCalls).toBe(1);
    const once = await analyseCase(f, 'injection');
    expect(once.counts.duplicateCalls).toBe(0);
  });
});

describe('D5: OpenInference in LangChain agents records the system message without content', () => {
  it('the system prompt is recovered from input.value', () => {
    const f = loadFixture('langchain-openinference');
    const chat = caseSpans(f, 'leak').find((s) => s.name === 'ChatOpenAI')!;
    expect(chat.attributes['llm.input_messages.0.message.role']).toBe('system');
    expect(chat.attributes['llm.input_messages.0.message.content']).toBeUndefined();
    const ix = llmCalls('langchain-openinference', 'leak')[0].ix;
    expect(allText(ix)).toContain(SYSTEM_START);
  });

  it('so the verbatim system-prompt leak is raised', async () => {
    const { findings } = await analyseCase(loadFixture('langchain-openinference'), 'leak');
    expect(findings.filter((x) => x.rule.id === 'TH-LEAK-002')).toHaveLength(1);
  });
});

describe('D6: retrieved context outside a retrieval span is a document', () => {
  const cases: Array<[string, string, string]> = [
    ['ai-sdk6', 'doc-system', 'pasted into the system prompt (AI SDK RAG)'],
    ['llamaindex-openllmetry', 'doc-user', "pasted into the user message (LlamaIndex's query template)"],
    ['langchain-openllmetry', 'doc-retrieval', 'with no retriever span at all (OpenLLMetry LangChain)'],
    ['langchain-openinference', 'doc-system', 'pasted by a LangChain prompt template'],
  ];
  for (const [setup, c, what] of cases)
    it(`${setup} ${c}: ${what}: the exfiltration rule on the document, nothing held against the user`, async () => {
      const f = loadFixture(setup);
      const { findings } = await analyseCase(f, c);
      const exfil = findings.filter((x) => x.rule.id === 'TH-IND-002');
      expect(exfil).toHaveLength(1);
      expect(exfil[0].channel).toBe('document');
      expect(caseSpans(f, c).find((s) => s.spanId === exfil[0].spanId)?.name).toMatch(
        /^(chat |ChatOpenAI|ai\.generateText\.doGenerate)/,
      );
      expect(findings.filter((x) => x.channel === 'prompt').map((x) => `${x.rule.id} ${x.evidence}`)).toEqual([]);
    });
});

describe('D7: LlamaIndex retriever spans (*.retrieve, nodes in traceloop.entity.output)', () => {
  it('are retrievals holding the retrieved nodes as documents', () => {
    const r = interactions(loadFixture('llamaindex-openllmetry'), 'doc-retrieval').filter((x) =>
      x.span.name.endsWith('.retrieve'),
    );
    expect(r.length).toBeGreaterThan(0);
    for (const { ix } of r) {
      expect(ix.kind).toBe('retrieval');
      expect(ix.documents.map((d) => d.content)).toEqual(
        expect.arrayContaining([expect.stringContaining('Economy fares'), expect.stringContaining(EXFIL_HOST)]),
      );
    }
  });
});

describe('D8: AI SDK 7 agent_step spans', () => {
  it('are not LLM calls (no empty call counted)', () => {
    const steps = interactions(loadFixture('ai-sdk7'), 'tool-exfil').filter(
      (x) => x.span.attributes['gen_ai.operation.name'] === 'agent_step',
    );
    expect(steps.length).toBe(2);
    for (const { ix } of steps) expect(ix.kind).not.toBe('llm_call');
    expect(llmCalls('ai-sdk7', 'tool-exfil')).toHaveLength(2);
  });
});

describe("D9: LangChain chain spans whose input is the model's answer", () => {
  it('read that answer as an output, not a prompt', () => {
    for (const setup of ['langchain-openinference', 'langchain-openllmetry']) {
      const parser = interactions(loadFixture(setup), 'doc-system').find((x) =>
        /^(StrOutputParser|workflow parser)$/.test(x.span.name),
      );
      expect(parser, setup).toBeDefined();
      const answer = llmCalls(setup, 'doc-system')[0].ix.output[0].content;
      expect(answer.length).toBeGreaterThan(0);
      expect(parser!.ix.input.filter((m) => m.content === answer).map((m) => m.role)).toEqual(['assistant']);
    }
  });
});

describe("D10: user_id in LangChain run metadata (OpenInference's metadata attribute)", () => {
  it('is the identity of every span of the run', () => {
    const f = loadFixture('langchain-openinference');
    const chat = caseSpans(f, 'injection').find((s) => s.name === 'ChatOpenAI')!;
    expect(String(chat.attributes.metadata)).toContain('"user_id":"u-injection"');
    expect(chat.attributes['user.id']).toBeUndefined();
    for (const { ix } of interactions(f, 'injection')) expect(ix.identity.user).toBe('u-injection');
  });
});

describe('one attack, one finding (wrapper spans repeat the same text)', () => {
  for (const setup of ['langchain-openinference', 'langchain-openllmetry', 'ai-sdk7', 'ai-sdk6-openllmetry'])
    it(`${setup}: the injection raised once, on the model call`, async () => {
      const f = loadFixture(setup);
      const { findings } = await analyseCase(f, 'injection');
      const inj = findings.filter((x) => x.rule.id === 'TH-INJ-001');
      expect(inj).toHaveLength(1);
      expect(interactions(f, 'injection').find((x) => x.span.spanId === inj[0].spanId)?.ix.kind).toBe('llm_call');
    });
});
