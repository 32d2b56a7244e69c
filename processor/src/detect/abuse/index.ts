/** Model-abuse and provider-moderation content detectors. */
import type { DetectionConfig } from '../config.js';
import type { ContentDetector } from '../detector.js';
import { createAbuseDetector } from './abuse.js';
import { createModerationDetector } from './moderation.js';

export const abuseDetectorFactories: ReadonlyArray<(config: DetectionConfig) => ContentDetector> = [
  createAbuseDetector,
  createModerationDetector,
];

export { createAbuseDetector, createModerationDetector };
