/** The optional escalation tiers (docs/classifiers.md): local ONNX classifiers and an LLM judge, asynchronous. */
export { createTiers, TierRunner, type TierRunnerOptions } from './runner.js';
export { tierRules, TIER_RULE } from './rules.js';
export type { TiersConfig } from './config.js';
