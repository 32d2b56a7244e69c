import { emptyInteraction } from '@tracehound/core';
import { describe, expect, it } from 'vitest';
import { trainClassifier } from '../../../scripts/train/classifier.js';
import { detectionDefaults, type DetectionConfig } from '../../../src/detect/config.js';
import type { ChannelText } from '../../../src/detect/detector.js';
import { classifyText, loadClassifier } from '../../../src/detect/classifier/index.js';
import { createClassifierDetector, MIN_FINDING_TOKENS } from '../../../src/detect/classifier/detector.js';
import { maskAssistantNames } from '../../../src/detect/classifier/features.js';
import { CLASSIFIER_RULES } from '../../../src/detect/classifier/rules.js';
import { modelPath } from '../../../src/detect/models.js';
import { existsSync } from 'node:fs';
import { composedCorpus, held, TINY } from './composed.js';

const model = trainClassifier(composedCorpus(30), 7, () => {}, TINY);
const config: DetectionConfig = {
  ...detectionDefaults,
  models: { classifier: model },
  detectors: { classifier: { documents: true } },
};
const detector = createClassifierDetector(config);

function run(text: string, channel: ChannelText['channel'] = 'prompt') {
  const ix = emptyInteraction('llm_call', 'test');
  return detector.detect({ interaction: ix, texts: [{ channel, text, origin: 'raw' }] });
}

describe('classifier detector (TH-CLS-001…004)', () => {
  it('fires on composed attacks with the rule of the attack class and explains why', () => {
    const [inj] = run(held.attacks[0]);
    expect(inj?.ruleId).toBe(CLASSIFIER_RULES.injection.id);
    expect(inj.evidence).toMatch(/^classifier: injection; p=0\.\d\d .*weighed most: "/);
    expect(inj.details?.class).toBe('injection');
    expect(inj.confidence).toBeGreaterThanOrEqual(0.55);
    expect(inj.confidence).toBeLessThanOrEqual(0.9);
    expect(run(held.attacks[2])[0]?.ruleId).toBe(CLASSIFIER_RULES.extraction.id);
  });

  it('stays quiet on composed benign requests and look-alikes', () => {
    for (const t of held.benign) expect(run(t), t).toEqual([]);
  });

  it('judges documents by their most attack-like window (an instruction in a long text is not diluted)', () => {
    const prose =
      'The museum opens at nine and closes at five. Tickets can be bought online or at the entrance. '.repeat(30);
    const doc = `${prose} ${held.attacks[0]} ${prose}`;
    expect(run(prose, 'document')).toEqual([]);
    const found = run(doc, 'document');
    expect(found.map((d) => d.ruleId)).toEqual([CLASSIFIER_RULES.document.id]);
    // off by default: documents are still scored for other detectors, but raise nothing
    const quiet = createClassifierDetector({ ...config, detectors: {} });
    const t: ChannelText = { channel: 'document', text: doc, origin: 'raw' };
    expect(quiet.detect({ interaction: emptyInteraction('llm_call', 't'), texts: [t] })).toEqual([]);
    expect(classifyText(config, t)?.attack).toBeGreaterThanOrEqual(model.thresholds.document);
  });

  it('raises no finding on a text shorter than MIN_FINDING_TOKENS, though it is still scored', () => {
    // Threshold 0: every scored text would fire, so only the length gate can keep one quiet.
    const all = createClassifierDetector({ ...config, detectors: { classifier: { threshold: 0 } } });
    const fire = (text: string) =>
      all.detect({
        interaction: emptyInteraction('llm_call', 't'),
        texts: [{ channel: 'prompt', text, origin: 'raw' }],
      });
    const words = 'please tell me more about the history of this old harbour town';
    const short = words
      .split(' ')
      .slice(0, MIN_FINDING_TOKENS - 3)
      .join(' ');
    expect(classifyText(config, { channel: 'prompt', text: short, origin: 'raw' })).toBeDefined();
    expect(fire(short)).toEqual([]);
    expect(fire(words)).toHaveLength(1);
  });

  it('reads assistant names as one masked token: naming ChatGPT or Claude changes nothing', () => {
    expect(maskAssistantNames('ask chatgpt or gpt-4 and claude')).toBe('ask §§§§§§§ or §§§§§ and §§§§§§');
    const a = classifyText(config, { channel: 'prompt', text: `${held.benign[0]} (asked ChatGPT)`, origin: 'raw' });
    const b = classifyText(config, { channel: 'prompt', text: `${held.benign[0]} (asked Claude)`, origin: 'raw' });
    expect(a?.attack).toBeCloseTo(b?.attack ?? -1, 9);
  });

  it('redacts evidence: a secret next to the attack never appears in it', () => {
    const key = 'sk-proj-' + 'Ab3dEf6hIj9kLm2nOp5qRs8tUv1wXy4z'.repeat(2);
    const found = run(`${held.attacks[0]} Use the key ${key} when you do.`);
    for (const d of found) expect(d.evidence).not.toContain(key.slice(8, 40));
  });

  it('memoizes probabilities per ChannelText for other detectors', () => {
    const t: ChannelText = { channel: 'prompt', text: held.attacks[1], origin: 'raw' };
    const a = classifyText(config, t);
    expect(a).toBeDefined();
    expect(classifyText(config, t)).toBe(a);
    expect(classifyText(config, { ...t })).not.toBe(a);
    expect(classifyText(config, { ...t })).toEqual(a);
    const sum = Object.values(a!.probs).reduce((s, p) => s + p, 0);
    expect(sum).toBeCloseTo(1, 6);
    expect(classifyText(config, { channel: 'output', text: held.attacks[1], origin: 'raw' })).toBeUndefined();
  });

  it('is inert without a usable model, and a disabled rule is the engine’s to drop', () => {
    const broken = { ...detectionDefaults, models: { classifier: { format: 'something-else' } } };
    expect(loadClassifier(broken)).toBeNull();
    expect(
      createClassifierDetector(broken).detect({
        interaction: emptyInteraction('llm_call', 't'),
        texts: [{ channel: 'prompt', text: held.attacks[0], origin: 'raw' }],
      }),
    ).toEqual([]);
  });

  it('ships a model that loads, with calibrated thresholds', () => {
    expect(existsSync(modelPath('classifier.json'))).toBe(true);
    const shipped = loadClassifier(detectionDefaults);
    expect(shipped).not.toBeNull();
    for (const ch of ['prompt', 'document'] as const) {
      expect(shipped!.threshold(ch)).toBeGreaterThanOrEqual(0.5);
      expect(shipped!.threshold(ch)).toBeLessThan(1);
    }
  });
});
