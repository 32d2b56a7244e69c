/** The leak-side content detectors, in the order they should run (after the injection detectors). */
import type { DetectionConfig } from '../config.js';
import type { ContentDetector } from '../detector.js';
import { createFilePathDetector } from './file-path.js';
import { createPiiDetector } from './pii.js';
import { createPromptLeakDetector } from './prompt-leak.js';
import { createRefusalDetector } from './refusal.js';
import { createSecretsDetector } from './secrets.js';
import { createToolHostDetector } from './tool-host.js';

export const leakDetectorFactories: ReadonlyArray<(config: DetectionConfig) => ContentDetector> = [
  createSecretsDetector,
  createPiiDetector,
  createPromptLeakDetector,
  createToolHostDetector,
  createFilePathDetector,
  createRefusalDetector,
];

export {
  createFilePathDetector,
  createPiiDetector,
  createPromptLeakDetector,
  createRefusalDetector,
  createSecretsDetector,
  createToolHostDetector,
};
