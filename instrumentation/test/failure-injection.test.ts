/**
 * Failure injection: whatever breaks inside the instrumentation (tracer, spans, content policy), the app's call
 * returns exactly what the SDK returns.
 */
import type { Span, Tracer, TracerProvider } from '@opentelemetry/api';
import OpenAI from 'openai';
import { Stream } from 'openai/streaming';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startFakeProvider, type FakeProvider } from '../../examples/fake-provider/index.js';
import { createHarness } from './support/tracing.js';

let fake: FakeProvider;
let client: OpenAI;
const h = createHarness();
beforeAll(async () => {
  fake = await startFakeProvider();
  client = new OpenAI({ baseURL: fake.openaiBaseURL, apiKey: 'k', maxRetries: 0 });
});
afterAll(async () => {
  await fake.close();
  h.instrumentation.setTracerProvider(h.provider);
});

function providerWith(tracer: Partial<Tracer>): TracerProvider {
  return { getTracer: () => tracer as Tracer };
}

/** A span whose every method throws. */
const explodingSpan = new Proxy({} as Span, {
  get: () => () => {
    throw new Error('span exploded');
  },
});

async function exercise() {
  const chat = await client.chat.completions.create({ model: 'm', messages: [{ role: 'user', content: 'fi-1' }] });
  const withResp = await client.chat.completions
    .create({ model: 'm', messages: [{ role: 'user', content: 'fi-2' }] })
    .withResponse();
  const stream = await client.chat.completions.create({
    model: 'm',
    stream: true,
    messages: [{ role: 'user', content: 'fi-3' }],
  });
  expect(stream).toBeInstanceOf(Stream);
  let text = '';
  for await (const c of stream) text += c.choices[0]?.delta?.content ?? '';
  const emb = await client.embeddings.create({ model: 'e', input: 'x' });
  return {
    chat: chat.choices[0].message.content,
    withResp: withResp.data.choices[0].message.content,
    status: withResp.response.status,
    text,
    dims: emb.data[0].embedding.length,
  };
}

const expected = { chat: 'echo: fi-1', withResp: 'echo: fi-2', status: 200, text: 'echo: fi-3', dims: 8 };

describe('failure injection', () => {
  it('tracer.startSpan throws: calls proceed unchanged', async () => {
    h.reset({ captureContent: 'full' });
    h.instrumentation.setTracerProvider(
      providerWith({
        startSpan: () => {
          throw new Error('tracer down');
        },
      }),
    );
    expect(await exercise()).toEqual(expected);
  });

  it('every span method throws: calls proceed unchanged', async () => {
    h.reset({ captureContent: 'full' });
    h.instrumentation.setTracerProvider(providerWith({ startSpan: () => explodingSpan }));
    expect(await exercise()).toEqual(expected);
  });

  it('the content policy throws (a broken custom redactor): calls proceed unchanged', async () => {
    h.instrumentation.setTracerProvider(h.provider);
    h.reset({
      captureContent: 'redacted',
      redact: () => {
        throw new Error('redactor down');
      },
    });
    expect(await exercise()).toEqual(expected);
  });

  it("SDK errors still reach the app as the SDK's own error class", async () => {
    h.instrumentation.setTracerProvider(providerWith({ startSpan: () => explodingSpan }));
    await expect(
      client.chat.completions.create({ model: 'm', messages: [{ role: 'user', content: 'FAKE:error' }] }),
    ).rejects.toBeInstanceOf(OpenAI.BadRequestError);
  });
});
