/**
 * Provider moderation payload shapes → normalized verdicts → TH-MOD findings, with the provider's own category names
 * and the action. Spans are built the way each instrumentation records them.
 */
import { describe, expect, it } from 'vitest';
import { createModerationDetector } from '../../../src/detect/abuse/moderation.js';
import { type Detection, emptyInteraction, type Interaction, type Attributes } from '@tracehound/core';
import { normalizeSpan } from '../../../src/normalize/index.js';
import { makeSpan } from '../../fixtures/dialects/build.js';
import * as openllmetry from '../../fixtures/dialects/openllmetry.js';
import * as tracehound from '../../fixtures/dialects/tracehound.js';
import { config, inputOf } from './helpers.js';

const d = createModerationDetector(config());

function normalized(attributes: Attributes, scope = { name: 'unknown' }): Interaction {
  const ix = normalizeSpan(makeSpan({ name: 'chat', attributes, scope })).interaction;
  if (!ix) throw new Error('span did not normalize');
  return ix;
}
const findings = (ix: Interaction): Detection[] => d.detect(inputOf(ix));
const byRule = (ix: Interaction, rule: string) => findings(ix).filter((f) => f.ruleId === rule);

const genai = (provider: string, extra: Attributes): Attributes => ({
  'gen_ai.operation.name': 'chat',
  'gen_ai.provider.name': provider,
  'gen_ai.request.model': 'm',
  'gen_ai.input.messages': JSON.stringify([{ role: 'user', parts: [{ type: 'text', content: 'hi' }] }]),
  ...extra,
});

describe('moderation detector: provider payload shapes', () => {
  it("OpenAI finish_reason 'content_filter' with no captured output → blocked/filtered finding", () => {
    const [f] = byRule(
      normalized(genai('openai', { 'gen_ai.response.finish_reasons': ['content_filter'] })),
      'TH-MOD-001',
    );
    expect(f).toBeDefined();
    expect(f.channel).toBe('output');
    expect(f.details).toMatchObject({ provider: 'openai', action: 'filtered' });
  });

  it('Azure prompt_filter_results and content_filter_results (OpenLLMetry span) → shield + filter findings with categories', () => {
    const ix = normalizeSpan(openllmetry.azureFiltered).interaction!;
    const all = findings(ix);
    const shield = all.find((f) => f.ruleId === 'TH-MOD-004');
    expect(shield?.channel).toBe('prompt');
    expect(shield?.details?.categories).toEqual(['jailbreak']);
    const completion = all.find(
      (f) => f.ruleId === 'TH-MOD-001' && f.channel === 'output' && (f.details?.categories as string[]).length > 0,
    );
    expect(completion?.details).toMatchObject({ provider: 'azure', action: 'filtered', categories: ['violence'] });
    expect(completion?.evidence).toBe('azure filtered completion: violence');
  });

  it('Azure detected-but-not-filtered annotation → low-severity flag finding', () => {
    const ix = normalized(
      genai('azure.ai.openai', {
        'gen_ai.response.finish_reasons': ['stop'],
        'azure.content_filter_results': JSON.stringify({
          protected_material_text: { filtered: false, detected: true },
        }),
      }),
    );
    const [f] = byRule(ix, 'TH-MOD-002');
    expect(f.details).toMatchObject({
      provider: 'azure',
      action: 'annotated',
      categories: ['protected_material_text'],
    });
  });

  it('Bedrock guardrail intervention (span attributes) → blocked finding naming the guardrail', () => {
    const ix = normalized(
      genai('aws.bedrock', {
        'gen_ai.response.finish_reasons': ['guardrail_intervened'],
        'aws.bedrock.guardrail.id': 'gr-123abc',
      }),
    );
    const [f] = byRule(ix, 'TH-MOD-001');
    expect(f.details).toMatchObject({ provider: 'bedrock', action: 'blocked', policy: 'gr-123abc' });
  });

  it('Bedrock ApplyGuardrail response recorded by the app → categories from the assessments', () => {
    const payload = {
      action: 'GUARDRAIL_INTERVENED',
      guardrailId: 'gr-9',
      assessments: [
        {
          contentPolicy: {
            filters: [
              { type: 'VIOLENCE', confidence: 'HIGH', action: 'BLOCKED' },
              { type: 'HATE', confidence: 'NONE', action: 'NONE' },
            ],
          },
        },
        { topicPolicy: { topics: [{ name: 'Investment advice', type: 'DENY', action: 'BLOCKED' }] } },
      ],
    };
    const [f] = byRule(
      normalized(genai('aws.bedrock', { 'tracehound.moderation': JSON.stringify(payload) })),
      'TH-MOD-001',
    );
    expect(f.details).toMatchObject({ provider: 'bedrock', action: 'blocked', policy: 'gr-9' });
    expect(f.details?.categories).toEqual(['Investment advice', 'VIOLENCE']);
  });

  it('Bedrock guardrail that only masked PII → filtered, not blocked', () => {
    const payload = {
      action: 'GUARDRAIL_INTERVENED',
      assessments: [
        { sensitiveInformationPolicy: { piiEntities: [{ type: 'EMAIL', match: 'x', action: 'ANONYMIZED' }] } },
      ],
    };
    const [f] = findings(normalized(genai('aws.bedrock', { 'tracehound.moderation': JSON.stringify(payload) })));
    expect(f.ruleId).toBe('TH-MOD-001');
    expect(f.details).toMatchObject({ action: 'filtered', categories: ['EMAIL'] });
  });

  it('OpenAI moderation response recorded by the app → flagged categories; unflagged → nothing', () => {
    const flagged = {
      id: 'modr-1',
      model: 'omni-moderation-latest',
      results: [{ flagged: true, categories: { harassment: true, violence: false, 'self-harm': true } }],
    };
    const [f] = byRule(normalized(genai('openai', { 'tracehound.moderation': JSON.stringify(flagged) })), 'TH-MOD-002');
    expect(f.details).toMatchObject({
      provider: 'openai',
      action: 'annotated',
      categories: ['harassment', 'self-harm'],
      policy: 'omni-moderation-latest',
    });
    const clean = { results: [{ flagged: false, categories: { harassment: false } }] };
    expect(findings(normalized(genai('openai', { 'tracehound.moderation': JSON.stringify(clean) })))).toEqual([]);
  });

  it("Anthropic stop_reason 'refusal' (Tracehound instrumentation) → one refusal finding, app flag kept separately", () => {
    const all = findings(normalizeSpan(tracehound.llmCall).interaction!);
    const refusals = all.filter((f) => f.ruleId === 'TH-MOD-003');
    expect(refusals).toHaveLength(1);
    expect(refusals[0].details).toMatchObject({ provider: 'anthropic', action: 'refused' });
    const flag = all.find((f) => f.ruleId === 'TH-MOD-002');
    expect(flag?.details).toMatchObject({ provider: 'openai', categories: ['harassment'] });
  });

  it('instrumentation-recorded Azure verdict with prompt: categories → prompt channel, shield split out', () => {
    const verdicts = [{ source: 'azure', decision: 'blocked', categories: ['prompt:jailbreak', 'prompt:hate'] }];
    const all = findings(normalized(genai('azure.ai.openai', { 'tracehound.moderation': JSON.stringify(verdicts) })));
    expect(all.map((f) => f.ruleId).sort()).toEqual(['TH-MOD-001', 'TH-MOD-004']);
    expect(all.every((f) => f.channel === 'prompt')).toBe(true);
  });
});

describe('moderation detector: robustness', () => {
  it('reads finish reasons on Interactions that did not go through normalize', () => {
    const ix = emptyInteraction('llm_call', 'guard');
    ix.provider = 'openai';
    ix.output = [{ role: 'assistant', content: '', finishReason: 'content_filter' }];
    expect(findings(ix).map((f) => f.ruleId)).toEqual(['TH-MOD-001']);
  });

  it('ignores allow verdicts and bounds what it copies from the span', () => {
    const ix = emptyInteraction('llm_call', 'test');
    ix.moderation = [
      { source: 'app', decision: 'allow' },
      {
        source: 'openai',
        decision: 'flagged',
        categories: ['<script>alert(1)</script>', 'x'.repeat(500), ...Array.from({ length: 100 }, (_, i) => `c${i}`)],
      },
    ];
    const all = findings(ix);
    expect(all).toHaveLength(1);
    const cats = all[0].details?.categories as string[];
    expect(cats.length).toBeLessThanOrEqual(16);
    expect(cats.every((c) => c.length <= 48 && !c.includes('<'))).toBe(true);
  });

  it('returns nothing when there is no verdict', () => {
    expect(findings(emptyInteraction('llm_call', 'test'))).toEqual([]);
  });
});
