export type { TracehoundConfig } from './sections.js';
export type { ConfigProblem } from './problems.js';
export { SECTIONS } from './sections.js';
export { optionPaths } from './schema.js';
export { ENV_OVERRIDES } from './env.js';
export { formatProblem } from './problems.js';
export { validateConfig, defaultConfigObject } from './validate.js';
export { loadConfig, checkConfigFile, parseConfigText, ConfigError, DEFAULT_CONFIG_FILE } from './load.js';
export { DEFAULT_FINDINGS_FILE } from './sections/findings.js';
