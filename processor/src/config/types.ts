/**
 * The processor's configuration, as validated and defaulted at start-up (config/load.ts). Each section's JSON schema
 * and defaults live in a section descriptor (config/sections/*.ts, or the <area>/config.ts files of other modules),
 * listed once in config/sections.ts; TracehoundConfig (config/index.ts) is derived from that list.
 */

export type { TlsServerConfig, TlsClientConfig } from './sections/tls.js';
export type { ServerConfig } from './sections/server.js';
export type { ForwardConfig } from './sections/forward.js';
export type { CaptureConfig } from './sections/capture.js';
export type { FindingsOutputConfig } from './sections/findings.js';
