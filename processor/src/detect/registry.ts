import type { DetectionConfig } from './config.js';
import type { ContentDetector } from './detector.js';
import {
  createDirectInjectionDetector,
  createExtractionDetector,
  createIndirectInjectionDetector,
  createJailbreakDetector,
  createObfuscationDetector,
} from './injection/index.js';
import { createClassifierDetector } from './classifier/detector.js';
import { createContextConflictDetector } from './context/index.js';
import { createIndirectInstructionDetector } from './indirect/index.js';
import { leakDetectorFactories } from './leak/index.js';
import { abuseDetectorFactories } from './abuse/index.js';
import { createFramingDetector } from './framing/detector.js';
import { createSuffixDetector } from './suffix/detector.js';
import { createOutputHandlingDetector } from './output-handling/index.js';

/**
 * Every content detector, in the order they run. Each entry is a factory called once at start-up with the validated
 * detection config; add a detector by adding its factory here.
 */
export const detectorFactories: ReadonlyArray<(config: DetectionConfig) => ContentDetector> = [
  createDirectInjectionDetector,
  createJailbreakDetector,
  createSuffixDetector,
  createExtractionDetector,
  createIndirectInjectionDetector,
  (config) => createIndirectInstructionDetector(config),
  createObfuscationDetector,
  createClassifierDetector,
  createContextConflictDetector,
  ...abuseDetectorFactories,
  createFramingDetector,
  createOutputHandlingDetector,
  // leak detectors run last: the tool-host rule reads earlier detections when the engine passes them
  ...leakDetectorFactories,
];
