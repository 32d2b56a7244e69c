import { describe, expect, it } from 'vitest';
import { normalizeSpan } from '../../src/normalize/index.js';
import { makeSpan } from '../fixtures/dialects/build.js';

describe('provider moderation signals', () => {
  it('reads a content_filter finish reason even when no content was captured', () => {
    const span = makeSpan({
      name: 'chat gpt-4o',
      attributes: {
        'gen_ai.operation.name': 'chat',
        'gen_ai.provider.name': 'azure.ai.openai',
        'gen_ai.response.finish_reasons': ['content_filter'],
      },
    });
    expect(normalizeSpan(span).interaction!.moderation).toEqual([
      { source: 'azure', decision: 'filtered', reason: 'content_filter' },
    ]);
  });

  it('names the Bedrock guardrail that intervened', () => {
    const span = makeSpan({
      name: 'chat anthropic.claude-3-haiku',
      attributes: {
        'gen_ai.operation.name': 'chat',
        'gen_ai.provider.name': 'aws.bedrock',
        'gen_ai.response.finish_reasons': ['guardrail_intervened'],
        'aws.bedrock.guardrail.id': 'sgi5gkybzqak',
      },
    });
    expect(normalizeSpan(span).interaction!.moderation).toEqual([
      { source: 'bedrock', decision: 'intervened', reason: 'guardrail_intervened', rule: 'sgi5gkybzqak' },
    ]);
  });

  it('reads an OpenInference finish reason without output messages', () => {
    const span = makeSpan({
      name: 'llm',
      attributes: { 'openinference.span.kind': 'LLM', 'llm.provider': 'anthropic', 'llm.finish_reason': 'refusal' },
    });
    expect(normalizeSpan(span).interaction!.moderation).toEqual([
      { source: 'anthropic', decision: 'refusal', reason: 'refusal' },
    ]);
  });

  it('reports nothing for ordinary finishes', () => {
    const span = makeSpan({
      name: 'chat',
      attributes: {
        'gen_ai.operation.name': 'chat',
        'gen_ai.provider.name': 'openai',
        'gen_ai.response.finish_reasons': ['stop', 'length'],
      },
    });
    expect(normalizeSpan(span).interaction!.moderation).toBeUndefined();
  });
});
