import type { Severity } from '@tracehound/core';
import type { Suppression } from './suppression.js';

export interface RuleOverride {
  enabled?: boolean;
  /** Replace the rule's severity at full confidence. */
  severity?: Exclude<Severity, 'none'>;
  /** Ignore detections below this confidence (0..1). */
  minConfidence?: number;
}

export type { Suppression } from './suppression.js';

export interface DetectionConfig {
  /** Detections below this confidence are dropped (0..1). */
  minConfidence: number;
  rules: Record<string, RuleOverride>;
  /** Hosts tool calls may reach; '*.example.com' matches subdomains. Empty list: the rule is off. */
  toolHostAllowlist: string[];
  /** Path prefixes tool calls may touch. Empty list: the rule is off. */
  filePathAllowlist: string[];
  /** Canary tokens planted in system prompts; seeing one in an output is a leak. */
  canaries: string[];
  suppressions: Suppression[];
  /** Longest text (bytes) one detector scans per channel entry; the rest is not scanned and a counter says so. */
  maxTextBytes: number;
  /**
   * Worker threads for the content detectors inside the OTLP service; absent: os.availableParallelism(). 0 or 1: on
   * the event loop.
   */
  workers?: number;
  /** How long a span waits for log records that carry its content (older GenAI conventions), in ms. */
  correlationWaitMs: number;
  /** Options for individual detectors, by detector id. */
  detectors: Record<string, Record<string, unknown>>;
  /**
   * Trained models by model id, in memory. Not a YAML option: absent ids load the shipped file from
   * processor/models/ (detect/models.ts). `npm run eval` sets it to the models of each leave-one-source-out fold.
   */
  models?: Record<string, unknown>;
}

export const detectionDefaults: DetectionConfig = {
  minConfidence: 0.5,
  rules: {},
  toolHostAllowlist: [],
  filePathAllowlist: [],
  canaries: [],
  suppressions: [],
  maxTextBytes: 256 * 1024,
  correlationWaitMs: 250,
  detectors: {},
};
