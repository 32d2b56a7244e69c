import { statSync } from 'node:fs';
import type { ValidateFunction } from 'ajv';
import { createAjv } from '../schema/ajv.js';
import { RULE_IDS } from '../rules/ids.js';
import { applyEnvOverrides } from './env.js';
import { displayValue, fromAjvError, isSecretPath, type ConfigProblem } from './problems.js';
import { CONFIG_SCHEMA, knownKeys } from './schema.js';
import type { CheckContext } from '../config-section.js';
import { SECTIONS, type TracehoundConfig } from './sections.js';

export interface ValidateOptions {
  /** Environment to take overrides from (default: none, so validateConfig(obj) is about obj alone). */
  env?: NodeJS.ProcessEnv;
  /** File checks (TLS files) and the rule catalogue; default: the real file system and rules/ids.ts. */
  context?: CheckContext;
}

export interface ValidationResult {
  config?: TracehoundConfig;
  errors: ConfigProblem[];
}

const SECRET_PATTERNS: string[][] = SECTIONS.flatMap((s) => (s.secrets ?? []).map((p) => [s.key, ...p.split('.')]));

const fsContext: CheckContext = {
  ruleIds: RULE_IDS,
  fileReadable(file) {
    try {
      return statSync(file).isFile();
    } catch {
      return false;
    }
  },
};

let compiled: ValidateFunction | undefined;

/** Compiled once per process (schema/ajv.ts: patterns on RE2, the shared string formats). */
function validator(): ValidateFunction {
  if (!compiled) {
    compiled = createAjv({ allErrors: true, verbose: true }).compile(CONFIG_SCHEMA);
  }
  return compiled;
}

/** The defaults of every section (a fresh copy). */
export function defaultConfigObject(): Record<string, unknown> {
  return structuredClone(Object.fromEntries(SECTIONS.map((s) => [s.key, s.defaults])));
}

/**
 * Validate a parsed configuration document: apply defaults (and env overrides when `options.env` is given), check it
 * against the schema and each section's own rules, and report every problem, not just the first.
 */
export function validateConfig(obj: unknown, options: ValidateOptions = {}): ValidationResult {
  const errors: ConfigProblem[] = [];
  const doc = obj === null || obj === undefined ? {} : obj;
  if (!isPlainObject(doc)) {
    errors.push({
      code: 'TH_CONFIG_TYPE',
      path: '',
      message: 'the configuration must be a mapping of sections',
      value: displayValue(doc, false),
    });
    return { errors };
  }
  const candidate = merge(defaultConfigObject(), doc);
  const env = options.env
    ? applyEnvOverrides(candidate, options.env)
    : { applied: new Map<string, string>(), problems: [] };
  errors.push(...env.problems);

  const validate = validator();
  const badSections = new Set<string>();
  if (!validate(candidate)) {
    const seen = new Set<string>();
    for (const e of validate.errors ?? []) {
      // Errors inside propertyNames repeat the propertyNames error itself (which names the bad key).
      if (e.propertyName !== undefined && e.keyword !== 'propertyNames') continue;
      const { segments, code, message } = fromAjvError(e, knownKeys);
      const path = segments.join('.');
      const key = `${code} ${path}`;
      if (seen.has(key)) continue;
      seen.add(key);
      if (segments[0]) badSections.add(segments[0]);
      errors.push(
        withEnv(
          {
            code,
            path,
            message,
            value: displayValue(valueAt(candidate, segments), isSecretPath(segments, SECRET_PATTERNS)),
          },
          env.applied,
        ),
      );
    }
  }

  // Cross-field checks assume well-typed values, so they run only on sections the schema accepted.
  const context = options.context ?? fsContext;
  for (const section of SECTIONS) {
    if (badSections.has(section.key) || errors.some((e) => e.path === '')) continue;
    const value = candidate[section.key];
    const check = section.check as
      ((v: unknown, c: CheckContext) => ReturnType<NonNullable<typeof section.check>>) | undefined;
    for (const issue of check?.(value, context) ?? []) {
      const segments = [section.key, ...issue.path];
      errors.push(
        withEnv(
          {
            code: issue.code,
            path: segments.join('.'),
            message: issue.message,
            value: displayValue(valueAt(candidate, segments), isSecretPath(segments, SECRET_PATTERNS)),
          },
          env.applied,
        ),
      );
    }
  }

  if (errors.length > 0) return { errors };
  return { config: deepFreeze(candidate) as unknown as TracehoundConfig, errors };
}

/** Attribute a problem to the environment variable that set the option (or one of its parents). */
function withEnv(p: ConfigProblem, applied: Map<string, string>): ConfigProblem {
  for (const [path, name] of applied) {
    if (p.path === path || p.path.startsWith(`${path}.`)) {
      return { ...p, code: 'TH_CONFIG_ENV', env: name, message: `${name}: ${p.message}` };
    }
  }
  return p;
}

function isPlainObject(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

/** Deep merge of `over` onto `base` (objects merge, everything else replaces); keys are copied as own properties. */
function merge(base: Record<string, unknown>, over: Record<string, unknown>): Record<string, unknown> {
  for (const key of Object.keys(over)) {
    const b = Object.hasOwn(base, key) ? base[key] : undefined;
    const o = over[key];
    const value = isPlainObject(b) && isPlainObject(o) ? merge(b, o) : isPlainObject(o) ? merge({}, o) : o;
    // defineProperty, not assignment: a YAML key "__proto__" must stay a (rejected) option, not become a prototype.
    Object.defineProperty(base, key, { value, enumerable: true, writable: true, configurable: true });
  }
  return base;
}

function valueAt(root: unknown, segments: readonly string[]): unknown {
  let node = root;
  for (const s of segments) {
    if (node === null || typeof node !== 'object' || !Object.hasOwn(node, s)) return undefined;
    node = (node as Record<string, unknown>)[s];
  }
  return node;
}

function deepFreeze<T>(v: T): T {
  if (v && typeof v === 'object') {
    for (const child of Object.values(v)) deepFreeze(child);
    Object.freeze(v);
  }
  return v;
}
