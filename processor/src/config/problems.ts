import type { ErrorObject } from 'ajv';
import type { ErrorCode } from '../errors.js';
import { FORMAT_HINTS } from '../schema/formats.js';
import { suggest } from '../schema/suggest.js';

/** One thing wrong with the configuration: a stable code, the offending option and its (masked) value. */
export interface ConfigProblem {
  code: Extract<ErrorCode, `TH_CONFIG_${string}`>;
  /** Dotted path of the option, e.g. `server.http.port` ('' for the whole document). */
  path: string;
  message: string;
  /** The offending value as printed: secrets are '***', objects and arrays summarized, long strings cut. */
  value?: string;
  /** The environment variable the value came from, when it did. */
  env?: string;
  /** 1-based position in the YAML file, for parse errors. */
  line?: number;
  column?: number;
}

const SECRET_WORDS = [
  'token',
  'secret',
  'password',
  'passwd',
  'apikey',
  'api_key',
  'authorization',
  'hashkey',
  'privatekey',
  'credential',
];

/** Is the option at `segments` a secret, by the section's declared secret paths or by its name? */
export function isSecretPath(segments: readonly string[], declared: readonly string[][]): boolean {
  for (const pattern of declared) {
    if (pattern.length > segments.length) continue;
    // A declared secret masks itself and everything below it.
    if (pattern.every((p, i) => p === '*' || p === segments[i])) return true;
  }
  return segments.some((s) => {
    const lower = s.toLowerCase();
    return SECRET_WORDS.some((w) => lower.includes(w));
  });
}

/** How a value is shown in a problem: never a secret, never a nested structure (it could hold one). */
export function displayValue(value: unknown, secret: boolean): string | undefined {
  if (value === undefined) return undefined;
  if (secret) return '***';
  if (value === null) return 'null';
  if (Array.isArray(value)) return `[array of ${value.length}]`;
  if (typeof value === 'object') return '{object}';
  if (typeof value === 'string') {
    const shown = maskUrlCredentials(value);
    return JSON.stringify(shown.length > 80 ? `${shown.slice(0, 77)}...` : shown);
  }
  return String(value);
}

function maskUrlCredentials(s: string): string {
  const at = s.indexOf('@');
  const scheme = s.indexOf('://');
  if (at < 0 || scheme < 0 || at < scheme) return s;
  return `${s.slice(0, scheme + 3)}***${s.slice(at)}`;
}

/** Turn one ajv error into path segments, a catalogue code and a message a person can act on. */
export function fromAjvError(
  e: ErrorObject,
  knownKeys: (segments: string[]) => string[],
): { segments: string[]; code: ConfigProblem['code']; message: string } {
  const segments = pointerToSegments(e.instancePath);
  const p = e.params as Record<string, unknown>;
  switch (e.keyword) {
    case 'additionalProperties': {
      const key = String(p.additionalProperty);
      const hint = suggest(key, knownKeys(segments));
      return {
        segments: [...segments, key],
        code: 'TH_CONFIG_UNKNOWN_KEY',
        message: `unknown option${hint ? `; did you mean '${hint}'?` : ''}`,
      };
    }
    case 'required':
      return { segments: [...segments, String(p.missingProperty)], code: 'TH_CONFIG_MISSING', message: 'is required' };
    case 'type':
      return { segments, code: 'TH_CONFIG_TYPE', message: `must be ${article(String(p.type))}` };
    case 'enum':
      return {
        segments,
        code: 'TH_CONFIG_VALUE',
        message: `must be one of ${(p.allowedValues as unknown[]).map((v) => JSON.stringify(v)).join(', ')}`,
      };
    case 'format':
      return {
        segments,
        code: 'TH_CONFIG_VALUE',
        message: `must be ${FORMAT_HINTS[String(p.format)] ?? `a valid ${String(p.format)}`}`,
      };
    case 'propertyNames':
      return {
        segments: [...segments, String(p.propertyName)],
        code: 'TH_CONFIG_VALUE',
        message: 'is not an allowed name here',
      };
    case 'pattern': {
      const description = (e.parentSchema as { description?: string } | undefined)?.description;
      return {
        segments,
        code: 'TH_CONFIG_VALUE',
        message: description ? `does not have the expected form: ${description}` : 'does not have the expected form',
      };
    }
    case 'minLength':
      return { segments, code: 'TH_CONFIG_VALUE', message: `must be at least ${String(p.limit)} characters long` };
    default:
      return { segments, code: 'TH_CONFIG_VALUE', message: e.message ?? 'is not allowed' };
  }
}

function article(type: string): string {
  const t = type.replaceAll(',', ' or ');
  return 'aeiou'.includes(t[0] ?? '') ? `an ${t}` : `a ${t}`;
}

export function pointerToSegments(pointer: string): string[] {
  if (!pointer) return [];
  return pointer
    .slice(1)
    .split('/')
    .map((s) => s.replaceAll('~1', '/').replaceAll('~0', '~'));
}

/** One line per problem, as the CLI prints them. */
export function formatProblem(p: ConfigProblem): string {
  const where = p.line ? ` (line ${p.line}${p.column ? `, column ${p.column}` : ''})` : '';
  const value = p.value !== undefined ? ` [value: ${p.value}]` : '';
  const env = p.env && !p.message.startsWith(p.env) ? ` [from ${p.env}]` : '';
  return `${p.code}${p.path ? ` ${p.path}` : ''}${where}: ${p.message}${value}${env}`;
}
