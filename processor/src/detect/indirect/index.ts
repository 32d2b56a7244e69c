/** Indirect instructions in documents and tool results, judged against the user's request. */
export { createIndirectInstructionDetector, DEFAULT_THRESHOLD, type DocumentScore } from './detector.js';
export { INDIRECT_RULES } from './rules.js';
