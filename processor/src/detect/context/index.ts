/** Context-aware detectors: user inputs judged against the restrictions of their system prompt. */
export { createContextConflictDetector } from './detector.js';
export { CONTEXT_RULES } from './rules.js';
export { parseRestrictions, type Restrictions } from './restrictions.js';
