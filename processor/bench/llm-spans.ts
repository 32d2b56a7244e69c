import { T } from '../src/otlp/proto.js';

/**
 * Deterministic, realistic LLM spans for benchmarks: OTel GenAI attributes with prompt, system instructions and
 * completion content (~6 KB per span), as one ExportTraceServiceRequest. Benign traffic: the conversation and the
 * system instructions are drawn from different vocabularies, as an app's answers are about the user's topic rather
 * than a restatement of its instructions (one shared vocabulary made every answer read as a leak of its prompt).
 */

const WORDS =
  'the model should summarise customer ticket about billing refund order delivery account password reset invoice please explain why my payment failed yesterday and what i can do next thanks assistant answer policy escalate agent tool search retrieve document knowledge base article step first second finally'.split(
    ' ',
  );

const INSTRUCTION_WORDS =
  'you are a friendly concise helper for acme support reply in plain language cite the relevant help center page keep responses under two hundred words offer to open a case when unsure stay on topic use bullet lists for multiple items greet returning customers by name'.split(
    ' ',
  );

function rng(seed: number): () => number {
  let s = seed >>> 0 || 1;
  return () => {
    s ^= s << 13;
    s ^= s >>> 17;
    s ^= s << 5;
    return (s >>> 0) / 0x100000000;
  };
}

function text(next: () => number, bytes: number, words: readonly string[] = WORDS): string {
  const out: string[] = [];
  let n = 0;
  while (n < bytes) {
    const w = words[Math.floor(next() * words.length)];
    out.push(w);
    n += w.length + 1;
  }
  return out.join(' ');
}

const str = (key: string, v: string) => ({ key, value: { stringValue: v } });
const int = (key: string, v: number) => ({ key, value: { intValue: v } });

export function generateTraceRequest(spansPerRequest: number, seed = 1): Buffer {
  return generateTraceRequestWithIds(spansPerRequest, seed).body;
}

/** The request and, in encoding order, each span's trace id and span id (bench/fresh-ids.ts rewrites them). */
export function generateTraceRequestWithIds(spansPerRequest: number, seed = 1): { body: Buffer; ids: Buffer[] } {
  const next = rng(seed);
  const ids: Buffer[] = [];
  const spans = [];
  const t0 = 1_700_000_000_000_000_000n + BigInt(seed) * 1_000_000_000n;
  for (let i = 0; i < spansPerRequest; i++) {
    const traceId = Buffer.alloc(16);
    const spanId = Buffer.alloc(8);
    for (let b = 0; b < 16; b++) traceId[b] = Math.floor(next() * 256);
    for (let b = 0; b < 8; b++) spanId[b] = Math.floor(next() * 256);
    ids.push(traceId, spanId);
    const input = JSON.stringify([
      { role: 'user', parts: [{ type: 'text', content: text(next, 2200) }] },
      { role: 'assistant', parts: [{ type: 'text', content: text(next, 600) }] },
      { role: 'user', parts: [{ type: 'text', content: text(next, 400) }] },
    ]);
    const output = JSON.stringify([
      { role: 'assistant', parts: [{ type: 'text', content: text(next, 1900) }], finish_reason: 'stop' },
    ]);
    const start = t0 + BigInt(i) * 1_000_000n;
    spans.push({
      traceId,
      spanId,
      name: 'chat gpt-4o',
      kind: 3,
      startTimeUnixNano: start.toString(),
      endTimeUnixNano: (start + 850_000_000n).toString(),
      attributes: [
        str('gen_ai.operation.name', 'chat'),
        str('gen_ai.provider.name', 'openai'),
        str('gen_ai.request.model', 'gpt-4o'),
        str('gen_ai.response.model', 'gpt-4o-2024-08-06'),
        str('gen_ai.response.id', `chatcmpl-${i}-${seed}`),
        int('gen_ai.usage.input_tokens', 900 + Math.floor(next() * 300)),
        int('gen_ai.usage.output_tokens', 400 + Math.floor(next() * 200)),
        str(
          'gen_ai.system_instructions',
          JSON.stringify([{ type: 'text', content: text(next, 450, INSTRUCTION_WORDS) }]),
        ),
        str('gen_ai.input.messages', input),
        str('gen_ai.output.messages', output),
        str('session.id', `sess-${Math.floor(next() * 1000)}`),
        str('user.id', `user-${Math.floor(next() * 5000)}`),
        str('server.address', 'api.openai.com'),
      ],
      status: { code: 1 },
    });
  }
  const req = {
    resourceSpans: [
      {
        resource: {
          attributes: [
            str('service.name', 'support-bot'),
            str('service.version', '1.4.2'),
            str('deployment.environment.name', 'prod'),
          ],
        },
        scopeSpans: [{ scope: { name: 'opentelemetry.instrumentation.openai', version: '0.40.0' }, spans }],
      },
    ],
  };
  return { body: Buffer.from(T.ExportTraceServiceRequest.encode(req).finish()), ids };
}
