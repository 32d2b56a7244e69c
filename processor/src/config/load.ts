import { readFileSync, statSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { parseDocument } from 'yaml';
import { TracehoundError } from '../errors.js';
import { formatProblem, type ConfigProblem } from './problems.js';
import type { TracehoundConfig } from './sections.js';
import { validateConfig, type ValidationResult } from './validate.js';

/** The configuration shipped with the package (processor/config/default.yaml): works with nothing else running. */
export const DEFAULT_CONFIG_FILE = fileURLToPath(new URL('../../config/default.yaml', import.meta.url));

/** Configuration files are small; anything bigger is a mistake (or an attack on the YAML parser). */
const MAX_CONFIG_BYTES = 1024 * 1024;

/** Raised by loadConfig when the configuration cannot be used; `problems` lists everything found. */
export class ConfigError extends TracehoundError {
  readonly problems: ConfigProblem[];
  readonly file: string;

  constructor(file: string, problems: ConfigProblem[]) {
    const code =
      problems.length === 1
        ? problems[0].code
        : problems.every((p) => p.code === 'TH_CONFIG_ENV')
          ? 'TH_CONFIG_ENV'
          : 'TH_CONFIG_INVALID';
    const lines = problems.map((p) => `  ${formatProblem(p)}`).join('\n');
    super(code, `${file}: ${problems.length} problem${problems.length === 1 ? '' : 's'}\n${lines}`, { file, problems });
    this.name = 'ConfigError';
    this.problems = problems;
    this.file = file;
  }
}

/** Read and parse a YAML configuration file; problems instead of exceptions. */
export function readConfigFile(file: string): { value?: unknown; errors: ConfigProblem[] } {
  let text: string;
  try {
    const size = statSync(file).size;
    if (size > MAX_CONFIG_BYTES) {
      return {
        errors: [
          {
            code: 'TH_CONFIG_READ',
            path: '',
            message: `${file} is ${size} bytes; configuration files are limited to ${MAX_CONFIG_BYTES}`,
          },
        ],
      };
    }
    text = readFileSync(file, 'utf8');
  } catch (err) {
    const reason = (err as NodeJS.ErrnoException).code ?? 'unreadable';
    return { errors: [{ code: 'TH_CONFIG_READ', path: '', message: `cannot read ${file} (${reason})` }] };
  }
  return parseConfigText(text);
}

/** Parse YAML text. Messages carry line and column only: the source line could hold a secret. */
export function parseConfigText(text: string): { value?: unknown; errors: ConfigProblem[] } {
  const doc = parseDocument(text, { prettyErrors: true, uniqueKeys: true });
  if (doc.errors.length > 0) {
    return {
      errors: doc.errors.map((e) => ({
        code: 'TH_CONFIG_PARSE' as const,
        path: '',
        message: `${e.code}: ${firstLine(e.message)}`,
        line: e.linePos?.[0]?.line,
        column: e.linePos?.[0]?.col,
      })),
    };
  }
  try {
    return { value: doc.toJS({ maxAliasCount: 100 }), errors: [] };
  } catch (err) {
    return { errors: [{ code: 'TH_CONFIG_PARSE', path: '', message: firstLine((err as Error).message) }] };
  }
}

function firstLine(message: string): string {
  const line = message.split('\n', 1)[0];
  const at = line.indexOf(' at line ');
  return (at > 0 ? line.slice(0, at) : line).trim();
}

/**
 * Read, parse, default, override from the environment and validate a configuration file (the embedded default when
 * `file` is omitted). Reports every problem; never throws.
 */
export function checkConfigFile(
  file: string = DEFAULT_CONFIG_FILE,
  env: NodeJS.ProcessEnv = process.env,
): ValidationResult {
  const read = readConfigFile(file);
  if (read.errors.length > 0) return { errors: read.errors };
  return validateConfig(read.value, { env });
}

/** Load the configuration once at start-up. Throws ConfigError listing every problem. */
export function loadConfig(file?: string, env: NodeJS.ProcessEnv = process.env): TracehoundConfig {
  const path = file ?? DEFAULT_CONFIG_FILE;
  const result = checkConfigFile(path, env);
  if (!result.config) throw new ConfigError(path, result.errors);
  return result.config;
}
