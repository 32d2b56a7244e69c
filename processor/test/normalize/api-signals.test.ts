import type { SpanView } from '@tracehound/core';
import { describe, expect, it } from 'vitest';
import { normalizeSpan } from '../../src/normalize/index.js';
import { makeSpan } from '../fixtures/dialects/build.js';

const chat = (attributes: SpanView['attributes'], extra: Partial<SpanView> = {}): SpanView => ({
  ...makeSpan({
    name: 'chat gpt-4o',
    attributes: {
      'gen_ai.operation.name': 'chat',
      'gen_ai.provider.name': 'openai',
      'gen_ai.request.model': 'gpt-4o',
      ...attributes,
    },
  }),
  ...extra,
});

describe('call errors', () => {
  it('reads error.type, the HTTP status and the span status of a failed call', () => {
    const ix = normalizeSpan(
      chat(
        { 'error.type': 'BadRequestError', 'http.response.status_code': 400 },
        { status: { code: 2, message: 'invalid model' } },
      ),
    ).interaction!;
    expect(ix.kind).toBe('llm_call');
    expect(ix.error).toEqual({ type: 'BadRequestError', httpStatus: 400, spanError: true });
  });

  it('falls back to the exception event type and to the older http.status_code', () => {
    const span = chat(
      { 'http.status_code': '422' },
      {
        status: { code: 2 },
        events: [{ name: 'exception', timeNs: 1n, attributes: { 'exception.type': 'UnprocessableEntityError' } }],
      },
    );
    expect(normalizeSpan(span).interaction!.error).toEqual({
      type: 'UnprocessableEntityError',
      httpStatus: 422,
      spanError: true,
    });
  });

  it('a successful call has no error; 2xx and 3xx statuses are not errors', () => {
    expect(normalizeSpan(chat({ 'http.response.status_code': 200 })).interaction!.error).toBeUndefined();
    expect(normalizeSpan(chat({})).interaction!.error).toBeUndefined();
  });
});

describe('guardrail evidence', () => {
  it('records filter results, guardrail ids and policy decisions even when nothing was flagged', () => {
    const ix = normalizeSpan(
      chat({
        'gen_ai.provider.name': 'azure.ai.openai',
        'azure.prompt_filter_results': JSON.stringify([
          { prompt_index: 0, content_filter_results: { hate: { filtered: false, severity: 'safe' } } },
        ]),
      }),
    ).interaction!;
    expect(ix.moderation).toBeUndefined(); // nothing flagged
    expect(ix.guardrails).toEqual(['azure_content_filter']);
    expect(normalizeSpan(chat({ 'aws.bedrock.guardrail.id': 'g1' })).interaction!.guardrails).toEqual([
      'bedrock_guardrail',
    ]);
    expect(normalizeSpan(chat({})).interaction!.guardrails).toBeUndefined();
  });
});

describe('provider model-listing calls', () => {
  const http = (attributes: SpanView['attributes']) => makeSpan({ name: 'GET', kind: 3, attributes });

  it('GET /v1/models to a provider host becomes a provider_api interaction with identity', () => {
    const r = normalizeSpan(
      http({
        'http.request.method': 'GET',
        'url.full': 'https://api.openai.com/v1/models',
        'http.response.status_code': 200,
        'tracehound.identity.api_key.fingerprint': 'k1',
      }),
    );
    expect(r.interaction).toMatchObject({
      kind: 'provider_api',
      operation: 'list_models',
      provider: 'openai',
      dialect: 'provider_api',
    });
    expect(r.interaction!.identity.apiKeyFingerprint).toBe('k1');
    const one = normalizeSpan(
      http({ 'http.request.method': 'GET', 'url.full': 'https://api.anthropic.com/v1/models/claude-x' }),
    );
    expect(one.interaction).toMatchObject({ operation: 'retrieve_model', model: 'claude-x', provider: 'anthropic' });
    const failed = normalizeSpan(
      http({
        'http.request.method': 'GET',
        'server.address': 'myres.openai.azure.com',
        'url.path': '/openai/models',
        'http.response.status_code': 404,
      }),
    );
    expect(failed.interaction).toMatchObject({ provider: 'azure.ai.openai', error: { httpStatus: 404 } });
  });

  it('Bedrock ListFoundationModels through the AWS SDK instrumentation', () => {
    const r = normalizeSpan(
      makeSpan({
        name: 'Bedrock.ListFoundationModels',
        attributes: { 'rpc.system': 'aws-api', 'rpc.service': 'Bedrock', 'rpc.method': 'ListFoundationModels' },
      }),
    );
    expect(r.interaction).toMatchObject({ kind: 'provider_api', provider: 'aws.bedrock', operation: 'list_models' });
  });

  it('other HTTP spans stay non-GenAI: other hosts, other paths, other methods', () => {
    const others: SpanView['attributes'][] = [
      { 'http.request.method': 'GET', 'url.full': 'https://shop.example/v1/models' },
      { 'http.request.method': 'GET', 'url.full': 'https://api.openai.com/v1/files' },
      { 'http.request.method': 'POST', 'url.full': 'https://api.openai.com/v1/models' },
      { 'http.request.method': 'GET', 'url.full': 'not a url' },
      { 'db.system': 'postgresql' },
    ];
    for (const a of others) expect(normalizeSpan(http(a)).interaction, JSON.stringify(a)).toBeNull();
  });
});
