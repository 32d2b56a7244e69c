import { describe, expect, it } from 'vitest';
import { createRefusalDetector } from '../../../src/detect/leak/refusal.js';
import { emptyInteraction } from '@tracehound/core';
import { config, inputOf, llmCall } from './helpers.js';

const d = createRefusalDetector(config());
const ruleOf = (output: string) => d.detect(inputOf(llmCall({ output })))[0]?.ruleId;

describe('refusal detector', () => {
  it.each([
    "I'm sorry, but I can't help with that.",
    'I cannot assist with creating malware.',
    'As an AI language model, I cannot provide that information.',
    'I must respectfully decline this request.',
    'Lo siento, pero no puedo ayudarte con eso.',
    'Désolé, mais je ne peux pas vous aider avec cette demande.',
    'Es tut mir leid, aber dabei kann ich nicht helfen.',
    'Desculpe, mas não posso ajudar com isso.',
    'Mi dispiace, ma non posso aiutarti con questo.',
    'Извините, но я не могу помочь с этим.',
    '抱歉，我无法帮助你完成这个请求。',
    '申し訳ありませんが、そのご依頼にはお応えできません。',
    '죄송하지만 그 요청은 도와드릴 수 없습니다.',
    'क्षमा करें, मैं इसमें मदद नहीं कर सकता।',
    'عذرًا، لا أستطيع المساعدة في هذا الطلب.',
  ])('%s', (text) => {
    expect(ruleOf(text)).toBe('TH-REF-001');
  });

  it('does not fire on helpful answers or a later caveat', () => {
    expect(ruleOf('Sure! Here is a recipe for banana bread.')).toBeUndefined();
    expect(
      ruleOf(`${'Here is the full plan with every step explained. '.repeat(10)} I cannot guarantee the results.`),
    ).toBeUndefined();
  });

  it("uses finish reason 'refusal'", () => {
    const ix = llmCall({ output: '', finishReason: 'refusal' });
    expect(d.detect(inputOf(ix))[0]).toMatchObject({ ruleId: 'TH-REF-001', confidence: 0.95 });
    const mod = emptyInteraction('llm_call', 'test');
    mod.moderation = [{ source: 'anthropic', decision: 'refusal' }];
    expect(d.detect(inputOf(mod))[0].ruleId).toBe('TH-REF-001');
  });

  it('rule metadata', () => {
    expect(d.rules[0]).toMatchObject({ id: 'TH-REF-001', category: 'refusal', severity: 'low' });
  });
});
