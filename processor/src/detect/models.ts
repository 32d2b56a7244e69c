/**
 * Trained model weights for detectors: the in-memory model the detection config carries (leave-one-source-out folds
 * in `npm run eval`, tests), or else the file shipped in processor/models/ (produced by `npm run train`). Read once,
 * in the detector's factory.
 */
import { existsSync, readFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { DetectionConfig } from './config.js';

const here = dirname(fileURLToPath(import.meta.url));

/** processor/models, from src/detect (tsx, tests) or dist/detect (the built package). */
export const MODELS_DIR =
  [resolve(here, '../../models'), resolve(here, '../../../models')].find((d) => existsSync(d)) ??
  resolve(here, '../../models');

/** Path of a shipped model file. */
export function modelPath(file: string): string {
  return resolve(MODELS_DIR, file);
}

/** The model `id` of this config, or the parsed JSON file `file` from processor/models. @public (for detectors that gain a model) */
export function loadModel<T>(config: Pick<DetectionConfig, 'models'>, id: string, file: string): T {
  const given = config.models?.[id];
  if (given !== undefined) return given as T;
  return JSON.parse(readFileSync(modelPath(file), 'utf8')) as T;
}
