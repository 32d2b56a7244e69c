export { createBehaviorEngine } from './engine.js';
export {
  behaviorConfigSchema,
  behaviorDefaults,
  resolveBehaviorConfig,
  type BehaviorConfig,
  type BehaviorConfigInput,
} from './config.js';
export { BEH, behaviorRules } from './rules.js';
export type { BehaviorDeps, BehaviorDetection, BehaviorEngine, BehaviorStats, Entity, EntityType } from './types.js';
