/**
 * The processor's configuration types, as validated and defaulted at start-up (config/load.ts). Each section is one
 * TypeBox schema (config/sections/*.ts, or the <area>/config.ts file of the module that owns it) from which its type
 * is derived; the sections are listed once in config/sections.ts, and TracehoundConfig is derived from that list.
 */

export type { ServerConfig } from './sections/server.js';
export type { ForwardConfig } from './sections/forward.js';
export type { CaptureConfig } from './sections/capture.js';
export type { FindingsOutputConfig } from './sections/findings.js';
