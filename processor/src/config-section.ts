/**
 * The contract of one configuration section. It sits at the bottom of the processor, beside errors.ts, so that every
 * module that owns a section (response/config.ts, …) can describe it without importing config/, which assembles them.
 */
import type { ErrorCode } from './errors.js';
import { suggest } from './schema/suggest.js';

/** A JSON schema fragment as ajv takes it (draft-07 keywords; `description` doubles as the option's documentation). */
export type JsonSchema = Record<string, unknown>;

/** A problem found by a section's own cross-field check (paths are relative to the section). */
export interface SectionIssue {
  code: Extract<ErrorCode, `TH_CONFIG_${string}`>;
  path: string[];
  message: string;
}

/**
 * The issues a section check reports, one helper per kind, so each configuration code is spelled here (and in
 * config/problems.ts for what the schema finds) rather than in every section.
 */
export const issue = {
  /** Options that contradict each other. */
  conflict: (path: string[], message: string): SectionIssue => ({ code: 'TH_CONFIG_CONFLICT', path, message }),
  /** An option another one needs is unset. */
  missing: (path: string[], message: string): SectionIssue => ({ code: 'TH_CONFIG_MISSING', path, message }),
  /** A value the schema accepts and the section does not. */
  value: (path: string[], message: string): SectionIssue => ({ code: 'TH_CONFIG_VALUE', path, message }),
  /** A file the section names cannot be read. */
  unreadable: (path: string[], file: string): SectionIssue => ({
    code: 'TH_CONFIG_FILE',
    path,
    message: `cannot read ${file}`,
  }),
};

/** What a section check may ask of the outside world (injectable so validation stays testable). */
export interface CheckContext {
  /** True when `file` names a readable regular file. */
  fileReadable(file: string): boolean;
  /** Every rule id the processor can emit (the rule catalogue, rules/ids.ts): configured ids must be among them. */
  readonly ruleIds: readonly string[];
}

/**
 * The issue for a configured rule id that is not in the catalogue (a typo, or a lower-cased id), with the closest
 * catalogued id as a hint; undefined when the id is known. `'*'` is accepted where `wildcard` says so.
 */
export function unknownRuleIssue(
  id: string,
  path: string[],
  ctx: CheckContext,
  wildcard = false,
): SectionIssue | undefined {
  if ((wildcard && id === '*') || ctx.ruleIds.includes(id)) return undefined;
  const hint = suggest(id, [...ctx.ruleIds]);
  return issue.value(
    path,
    `${id.slice(0, 64)} is not a rule id${hint ? ` (did you mean ${hint}?)` : ''}; see docs/rules.md`,
  );
}

/**
 * One top-level configuration section: its key, JSON schema, defaults, the checks JSON Schema cannot express, and
 * which of its options hold secrets (masked in every message). A module adds its section with one line in config/sections.ts.
 */
export interface SectionDescriptor<K extends string = string, T = unknown> {
  readonly key: K;
  readonly schema: JsonSchema;
  readonly defaults: T;
  /** Paths relative to the section ('*' matches any one key) whose values are never printed. */
  readonly secrets?: readonly string[];
  readonly check?: (value: T, ctx: CheckContext) => SectionIssue[];
}

/** Identity helper that keeps the literal key type, so TracehoundConfig can be derived from the section list. */
export function defineSection<K extends string, T>(descriptor: SectionDescriptor<K, T>): SectionDescriptor<K, T> {
  return descriptor;
}
