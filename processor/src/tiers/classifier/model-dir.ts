import { readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { TracehoundError } from '../../errors.js';
import { classifierModelDefaults, type ClassifierModelConfig } from '../config.js';

/** The files of a Hugging Face sequence-classification export the tier reads (optimum-cli export onnx). */
export const MODEL_FILES = ['model.onnx', 'tokenizer.json', 'tokenizer_config.json', 'config.json'] as const;

/** A checked model directory: its labels by output index, and each attack label's index and threshold. */
export interface ClassifierModel {
  name: string;
  directory: string;
  maxTokens: number;
  windowChars: number;
  /** config.json id2label, by output index. */
  labels: string[];
  attack: Array<{ index: number; label: string; threshold: number }>;
}

function fail(model: ClassifierModelConfig, detail: string): never {
  throw new TracehoundError('TH_TIER_MODEL', `model ${model.name} (${model.directory}): ${detail}`, {
    model: model.name,
  });
}

/**
 * Checks a model directory at start-up (files present, config.json with id2label, every configured label known) and
 * returns what the tier needs; a bad directory is a TH_TIER_MODEL error naming the model and the problem.
 */
export function loadModelDirectory(model: ClassifierModelConfig): ClassifierModel {
  for (const f of MODEL_FILES) {
    let ok: boolean;
    try {
      ok = statSync(join(model.directory, f)).isFile();
    } catch {
      ok = false;
    }
    if (!ok) fail(model, `${f} is missing`);
  }
  let config: unknown;
  try {
    config = JSON.parse(readFileSync(join(model.directory, 'config.json'), 'utf8'));
  } catch {
    fail(model, 'config.json is not valid JSON');
  }
  const id2label = (config as { id2label?: unknown } | null)?.id2label;
  if (!id2label || typeof id2label !== 'object') fail(model, 'config.json has no id2label');
  const entries = Object.entries(id2label as Record<string, unknown>);
  const labels: string[] = [];
  for (const [k, v] of entries) {
    const i = Number(k);
    if (!Number.isInteger(i) || i < 0 || i >= entries.length || typeof v !== 'string')
      fail(model, `config.json id2label entry ${k} is not an index below ${entries.length} with a label name`);
    labels[i] = v;
  }
  if (labels.length < 2 || labels.some((l) => l === undefined))
    fail(model, 'config.json id2label needs 2 or more labels, indexed 0..n-1');
  const attack = Object.entries(model.labels).map(([label, threshold]) => {
    const index = labels.indexOf(label);
    if (index < 0) fail(model, `label ${label} is not in config.json id2label (${labels.join(', ')})`);
    return { index, label, threshold };
  });
  return {
    name: model.name,
    directory: model.directory,
    maxTokens: model.maxTokens ?? classifierModelDefaults.maxTokens,
    windowChars: model.windowChars ?? classifierModelDefaults.windowChars,
    labels,
    attack,
  };
}
