/** Indirect instructions in documents and tool results, judged against the user's request. */
export { createIndirectInstructionDetector } from './detector.js';
