import { describe, expect, it } from 'vitest';
import { createSecretsDetector } from '../../../src/detect/leak/secrets.js';
import { generateLookalikes, SECRET_GENERATORS, seededRng } from '../../../../core/test/fixtures/secrets.js';
import { config, inputOf, llmCall, toolCall } from './helpers.js';

const detector = createSecretsDetector(config());
const rng = seededRng(42);

describe('secrets detector', () => {
  it('every rule has complete metadata', () => {
    for (const r of detector.rules) {
      expect(r.id).toMatch(/^TH-SEC-\d{3}$/);
      expect(r.description.length).toBeGreaterThan(20);
      expect(r.example.length).toBeGreaterThan(5);
      expect(r.falsePositives.length).toBeGreaterThan(5);
      expect(r.owasp).toContain('LLM02:2025');
      expect(r.atlas).toContain('AML.T0057');
    }
  });

  it.each([
    ['openai_project', 'TH-SEC-001'],
    ['anthropic', 'TH-SEC-002'],
    ['aws_pair', 'TH-SEC-003'],
    ['github_classic', 'TH-SEC-004'],
    ['github_fine_grained', 'TH-SEC-004'],
    ['gitlab', 'TH-SEC-005'],
    ['slack_bot', 'TH-SEC-006'],
    ['slack_webhook', 'TH-SEC-006'],
    ['stripe_live', 'TH-SEC-007'],
    ['google_api', 'TH-SEC-008'],
    ['jwt', 'TH-SEC-009'],
    ['pem_openssh', 'TH-SEC-010'],
    ['postgres_url', 'TH-SEC-011'],
    ['env_password', 'TH-SEC-012'],
    ['npm', 'TH-SEC-013'],
  ])('%s in an output raises %s', (kind, ruleId) => {
    const ix = llmCall({ output: `Here you go:\n${SECRET_GENERATORS[kind](rng)}\n` });
    const dets = detector.detect(inputOf(ix));
    expect(dets.map((d) => d.ruleId)).toContain(ruleId);
    expect(dets.find((d) => d.ruleId === ruleId)!.confidence).toBeGreaterThanOrEqual(0.5);
  });

  it('secrets in tool-call arguments are reported on the tool_call channel', () => {
    const key = SECRET_GENERATORS.stripe_live(rng);
    const ix = llmCall({ output: '', toolCalls: [{ name: 'http_post', arguments: JSON.stringify({ body: key }) }] });
    const [d] = detector.detect(inputOf(ix));
    expect(d).toMatchObject({ ruleId: 'TH-SEC-007', channel: 'tool_call' });
  });

  it('secrets in documents and tool results use the lower-severity inbound rule', () => {
    const doc = `wiki page: ${SECRET_GENERATORS.github_classic(rng)}`;
    const dets = detector.detect(inputOf(llmCall({ output: 'ok', documents: [doc] })));
    expect(dets).toHaveLength(1);
    expect(dets[0]).toMatchObject({ ruleId: 'TH-SEC-020', channel: 'document' });
    const res = detector.detect(inputOf(toolCall({ name: 'read', result: SECRET_GENERATORS.anthropic(rng) })));
    expect(res[0]).toMatchObject({ ruleId: 'TH-SEC-020', channel: 'tool_result' });
    expect(detector.rules.find((r) => r.id === 'TH-SEC-020')!.severity).toBe('medium');
  });

  it('aggregates several secrets of one rule into one detection with a count', () => {
    const text = `${SECRET_GENERATORS.github_classic(rng)} and ${SECRET_GENERATORS.github_oauth(rng)}`;
    const dets = detector.detect(inputOf(llmCall({ output: text })));
    expect(dets).toHaveLength(1);
    expect(dets[0].details?.count).toBe(2);
  });

  it('stays silent on look-alikes and on prompts (not a leak channel)', () => {
    for (const text of generateLookalikes(77)) {
      expect(detector.detect(inputOf(llmCall({ output: text }))), text).toEqual([]);
    }
    expect(detector.detect(inputOf(llmCall({ prompt: SECRET_GENERATORS.openai_legacy(rng), output: 'ok' })))).toEqual(
      [],
    );
  });
});
