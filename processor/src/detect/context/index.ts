/** Context-aware detectors: user inputs judged against the restrictions of their system prompt. */
export { createContextConflictDetector } from './detector.js';
