/** The injection-family content detectors and the text expansion the engine runs before them. */
export { createDirectInjectionDetector } from './direct.js';
export { createJailbreakDetector } from './jailbreak.js';
export { createExtractionDetector } from './extraction.js';
export { createIndirectInjectionDetector } from './indirect.js';
export { createObfuscationDetector } from './obfuscation.js';
export { expandTexts } from './expand.js';
