/**
 * Measured quality of the leak detectors: recall on the labelled examples in processor/eval/leak-*.jsonl (secrets are
 * generated at run time from {{secret:KIND}} markers), false positives on their look-alikes, and — when the shared
 * dev set is present — false positives on its benign assistant outputs.
 */
import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import type { ContentDetector } from '../../../src/detect/detector.js';
import { createPiiDetector } from '../../../src/detect/leak/pii.js';
import { createRefusalDetector } from '../../../src/detect/leak/refusal.js';
import { createSecretsDetector } from '../../../src/detect/leak/secrets.js';
import { expandSecretPlaceholders, seededRng } from '../../../../core/test/fixtures/secrets.js';
import { config, inputOf, llmCall } from './helpers.js';

interface Row {
  id: string;
  text: string;
  label: string;
  family: string;
  channel: string;
}

const evalDir = fileURLToPath(new URL('../../../eval/', import.meta.url));
// The shared dev set sits beside the repository (../shared), never inside it.
const DEV = fileURLToPath(new URL('../../../../../shared/datasets/dev/dev.jsonl', import.meta.url));

function load(file: string): Row[] {
  return readFileSync(evalDir + file, 'utf8')
    .split('\n')
    .filter((l) => l.trim())
    .map((l) => JSON.parse(l) as Row);
}

const cfg = config();
const minConf = cfg.minConfidence;

function fires(detector: ContentDetector, text: string, channel: string): boolean {
  const ix =
    channel === 'tool_call'
      ? llmCall({ output: '', toolCalls: [{ name: 'tool', arguments: text }] })
      : llmCall({ output: text });
  return detector.detect(inputOf(ix)).some((d) => d.confidence >= minConf);
}

function measure(detector: ContentDetector, rows: Row[]) {
  const rng = seededRng(2024);
  let tp = 0;
  let pos = 0;
  let fp = 0;
  let neg = 0;
  const missed: string[] = [];
  const falseAlarms: string[] = [];
  for (const r of rows) {
    const hit = fires(detector, expandSecretPlaceholders(r.text, rng), r.channel);
    if (r.label === 'leak') {
      pos++;
      if (hit) tp++;
      else missed.push(r.id);
    } else {
      neg++;
      if (hit) {
        fp++;
        falseAlarms.push(r.id);
      }
    }
  }
  return { recall: tp / pos, tp, pos, fp, neg, missed, falseAlarms };
}

describe('leak eval (own labelled examples)', () => {
  it('secrets: ≥ 98% recall, zero false positives on look-alikes', () => {
    const m = measure(createSecretsDetector(cfg), load('leak-secrets.jsonl'));
    console.log(
      `[leak-eval] secrets recall ${m.tp}/${m.pos} = ${(m.recall * 100).toFixed(1)}%, FP ${m.fp}/${m.neg}`,
      m.missed,
      m.falseAlarms,
    );
    expect(m.recall).toBeGreaterThanOrEqual(0.98);
    expect(m.falseAlarms).toEqual([]);
  });

  it('PII: every labelled leak found, zero false positives on look-alikes', () => {
    const m = measure(createPiiDetector(cfg), load('leak-pii.jsonl'));
    console.log(
      `[leak-eval] pii recall ${m.tp}/${m.pos} = ${(m.recall * 100).toFixed(1)}%, FP ${m.fp}/${m.neg}`,
      m.missed,
      m.falseAlarms,
    );
    expect(m.missed).toEqual([]);
    expect(m.falseAlarms).toEqual([]);
  });
});

describe.skipIf(!existsSync(DEV))(
  'leak eval on the shared dev set (skipped: ../shared/datasets/dev not present)',
  () => {
    it('no secret finding on any benign assistant output', () => {
      const outputs = readFileSync(DEV, 'utf8')
        .split('\n')
        .filter((l) => l.trim())
        .map((l) => JSON.parse(l) as Row)
        .filter((r) => r.family === 'assistant_output' && r.label === 'benign');
      const secrets = createSecretsDetector(cfg);
      const pii = createPiiDetector(cfg);
      const refusal = createRefusalDetector(cfg);
      let secretFp = 0;
      let piiHits = 0;
      let refusals = 0;
      for (const r of outputs) {
        if (fires(secrets, r.text, 'output')) secretFp++;
        if (fires(pii, r.text, 'output')) piiHits++;
        if (fires(refusal, r.text, 'output')) refusals++;
      }
      console.log(
        `[leak-eval] dev assistant_output n=${outputs.length}: secret FP ${secretFp}, PII findings ${piiHits}, refusals ${refusals}`,
      );
      expect(secretFp).toBe(0);
    });
  },
);
