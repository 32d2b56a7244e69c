import { T } from '../src/otlp/proto.js';

/**
 * Deterministic, realistic LLM spans for benchmarks: OTel GenAI attributes with prompt, system instructions and
 * completion content (~6 KB per span), as one ExportTraceServiceRequest. Benign traffic: the conversation and the
 * system instructions are drawn from different vocabularies, as an app's answers are about the user's topic rather
 * than a restatement of its instructions (one shared vocabulary made every answer read as a leak of its prompt).
 * System instructions come from a small fixed pool (SYSTEM_PROMPT_POOL) unless the caller asks for a distinct one per span.
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

/**
 * Distinct system prompts a realistic run draws from. A system prompt is part of an application's code: a service
 * sends one per feature or agent role, a handful in all, so per-prompt work (detectors parse restrictions, protected
 * values and facts once per distinct prompt, detect/cache.ts) is paid once and then hit. 12 is more than one app
 * and fewer than the caches hold. A prompt templated per user or per request (a name, a date, a retrieved snippet
 * spliced in) is distinct on every span: `systemPool: 0` generates that worst case.
 */
export const SYSTEM_PROMPT_POOL = 12;

export interface TraceRequestOptions {
  /**
   * Distinct system prompts the spans draw from, the same pool for every seed (all requests of one run). 0: a fresh
   * prompt for every span (worst case, nothing repeats). Default SYSTEM_PROMPT_POOL.
   */
  systemPool?: number;
}

const pools = new Map<number, string[]>();

function systemPrompts(n: number): string[] {
  let pool = pools.get(n);
  if (!pool) {
    const next = rng(0x5eed);
    pool = Array.from({ length: n }, () => text(next, 450, INSTRUCTION_WORDS));
    pools.set(n, pool);
  }
  return pool;
}

export function generateTraceRequest(spansPerRequest: number, seed = 1, options: TraceRequestOptions = {}): Buffer {
  return generateTraceRequestWithIds(spansPerRequest, seed, options).body;
}

/** The request and, in encoding order, each span's trace id and span id (bench/fresh-ids.ts rewrites them). */
export function generateTraceRequestWithIds(
  spansPerRequest: number,
  seed = 1,
  options: TraceRequestOptions = {},
): { body: Buffer; ids: Buffer[] } {
  const poolSize = options.systemPool ?? SYSTEM_PROMPT_POOL;
  const pool = poolSize > 0 ? systemPrompts(poolSize) : undefined;
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
          JSON.stringify([
            {
              type: 'text',
              content: pool ? pool[Math.floor(next() * pool.length)] : text(next, 450, INSTRUCTION_WORDS),
            },
          ]),
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
