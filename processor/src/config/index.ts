export type { TracehoundConfig, SectionKey } from './sections.js';
export type { ServerConfig, ForwardConfig, CaptureConfig, FindingsOutputConfig, TlsServerConfig } from './types.js';
export type { ConfigProblem } from './problems.js';
export type { SectionDescriptor, CheckContext, JsonSchema } from '../config-section.js';
export { SECTIONS } from './sections.js';
export { CONFIG_SCHEMA, optionPaths } from './schema.js';
export { ENV_OVERRIDES } from './env.js';
export { formatProblem } from './problems.js';
export { validateConfig, defaultConfigObject, type ValidationResult, type ValidateOptions } from './validate.js';
export {
  loadConfig,
  checkConfigFile,
  readConfigFile,
  parseConfigText,
  ConfigError,
  DEFAULT_CONFIG_FILE,
} from './load.js';
export { DEFAULT_HTTP_PORT, DEFAULT_GRPC_PORT } from './sections/server.js';
export { DEFAULT_FINDINGS_FILE } from './sections/findings.js';
