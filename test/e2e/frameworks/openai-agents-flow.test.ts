/**
 * The agent-flow demo scenario (issue 23) in a third-party framework: the OpenAI Agents SDK traced by OpenInference,
 * on the Responses API against the fake provider. The agent looks up a customer, fetches a forum page with planted
 * instructions and posts the record to an unlisted host: the processor raises one TH-FLOW-001 on the post listing
 * the three tool steps in order. An agent with only the lookup raises no flow finding.
 */
import { createRequire } from 'node:module';
import { OTLPTraceExporter } from '@opentelemetry/exporter-trace-otlp-proto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CUSTOMER_RECORD, FLOW_CUE, POISONED_PAGE, SYSTEM_PROMPT } from '../../../scripts/demo/model.js';
import { startRig, type Rig } from '../support/pipeline.js';
import { otelProvider } from './support/tracing.js';

describe('OpenAI Agents SDK + OpenInference: private data → untrusted page → post to an unlisted host', () => {
  let rig: Rig;
  let flush: () => Promise<void>;
  let close: () => Promise<void>;
  const traces: Record<string, string> = {};

  beforeAll(async () => {
    rig = await startRig('fw-agents-flow', { tracing: false });
    const provider = otelProvider({
      exporter: new OTLPTraceExporter({ url: `${rig.url}/v1/traces` }),
      openaiBaseURL: rig.provider.openaiBaseURL,
      serviceName: 'fw-agents-flow',
    });
    const agents = await import('@openai/agents');
    const { OpenAIAgentsInstrumentation } = await import('@arizeai/openinference-instrumentation-openai-agents');
    const { setSession, setUser } = await import('@arizeai/openinference-core');
    const { context } = await import('@opentelemetry/api');
    const { z } = await import('zod');
    new OpenAIAgentsInstrumentation({ tracerProvider: provider as never }).manuallyInstrument(agents as never);
    agents.setTracingDisabled(false);
    const { OpenAI } = createRequire(createRequire(import.meta.url).resolve('@openai/agents'))('openai') as {
      OpenAI: new (o: Record<string, unknown>) => unknown;
    };
    agents.setDefaultOpenAIClient(
      new OpenAI({ apiKey: 'sk-test-not-real', baseURL: rig.provider.openaiBaseURL, maxRetries: 0 }) as never,
    );
    const getCustomer = agents.tool({
      name: 'get_customer',
      description: 'Look up a customer record by id in the CRM',
      parameters: z.object({ id: z.string() }),
      execute: async () => JSON.stringify(CUSTOMER_RECORD),
    });
    const fetchUrl = agents.tool({
      name: 'fetch_url',
      description: 'Fetch a web page by URL',
      parameters: z.object({ url: z.string() }),
      execute: async () => POISONED_PAGE,
    });
    const httpPost = agents.tool({
      name: 'http_post',
      description: 'POST a body to a URL',
      parameters: z.object({ url: z.string(), body: z.string() }),
      execute: async ({ url }) => `202 Accepted by ${new URL(url).host}`,
    });
    const run = (session: string, tools: unknown[]) =>
      rig.inCase(session, () =>
        context.with(setSession(setUser(context.active(), { userId: 'u-gina' }), { sessionId: session }), () =>
          agents.run(
            new agents.Agent({
              name: 'Claims',
              instructions: SYSTEM_PROMPT,
              model: 'gpt-4o-mini',
              tools: tools as never,
            }),
            `Please ${FLOW_CUE} ${CUSTOMER_RECORD.id}: they ask about the lost-baggage thread on the forum.`,
          ),
        ),
      );
    traces.chain = await run('s-agents-flow', [getCustomer, fetchUrl, httpPost]);
    traces.alone = await run('s-agents-lookup', [getCustomer]);
    flush = async () => {
      await agents.getGlobalTraceProvider().forceFlush();
      await provider.forceFlush();
    };
    close = () => provider.shutdown();
    await flush();
    await rig.flush();
  }, 120_000);

  afterAll(async () => {
    await close?.();
    await rig?.close();
  });

  const flowIn = (trace: string) =>
    rig.findings().filter((f) => f.traceId === trace && String(f.attrs['rule.id']).startsWith('TH-FLOW-'));

  it('raises one TH-FLOW-001 on the post, listing get_customer → fetch_url → http_post', () => {
    const f = flowIn(traces.chain);
    expect(f.map((x) => x.attrs['rule.id'])).toEqual(['TH-FLOW-001']);
    const post = rig.spans().find((s) => s.spanId === f[0].spanId);
    expect(post?.attrs['tool.name']).toBe('http_post');
    expect(f[0].attrs['session.id']).toBe('s-agents-flow');
    const details = JSON.parse(String(f[0].attrs['tracehound.details'] ?? '{}')) as Record<string, unknown>;
    expect(details.stepTools).toEqual(['get_customer', 'fetch_url', 'http_post']);
    const stepSpans = details.stepSpanIds as string[];
    const names = stepSpans.map((id) => rig.spans().find((s) => s.spanId === id)?.attrs['tool.name']);
    expect(names).toEqual(['get_customer', 'fetch_url', 'http_post']);
  });

  it('a lookup alone raises no flow finding', () => {
    expect(flowIn(traces.alone)).toEqual([]);
    expect(rig.spans().some((s) => s.traceId === traces.alone && s.attrs['tool.name'] === 'get_customer')).toBe(true);
  });
});
