/** The optional escalation tiers (docs/classifiers.md): local ONNX classifiers and an LLM judge, asynchronous. */
export { createTiers } from './runner.js';
export { tierRules } from './rules.js';
export type { TiersConfig } from './config.js';
