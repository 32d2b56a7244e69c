/**
 * The instrumentation's stable codes (docs/errors.md § Instrumentation). Errors it throws at the app carry one as
 * `code`; warnings go through process.emitWarning with one as `code`, so Node prints them on stderr
 * (`(node:…) [TH_INSTR_…] TracehoundWarning: …`) and an app can route them with `process.on('warning')`.
 * The instrumentation never imports the processor, so its codes live here rather than in processor/src/errors.ts.
 */
export const INSTRUMENTATION_CODES = {
  TRACEHOUND_BLOCKED: 'the in-process guard blocked a prompt or an output',
  TH_INSTR_ENV: 'an environment variable has an invalid value; it is ignored',
  TH_INSTR_HASH_NO_KEY: 'hashed capture needs an HMAC key (hmacKey or TRACEHOUND_HMAC_KEY): no content is captured',
  TH_INSTR_REGISTER_AGAIN:
    'register() was already called (by the --import hook or earlier): the instrumentation options were applied, ' +
    'the tracer provider options cannot change',
  TH_GUARD_PROCESSOR_MISSING:
    'the guard’s detectors come from @tracehound/processor, an optional peer dependency that is not installed',
  TH_GUARD_PROCESSOR_LOAD: '@tracehound/processor is installed but cannot be loaded',
  TH_GUARD_NO_ANALYZER: 'a guard needs an analyzer or a verdict source',
} as const;

export type InstrumentationCode = keyof typeof INSTRUMENTATION_CODES;

/** An error the instrumentation throws at the app for a setup mistake (never on the hot path of a model call). */
export class TracehoundSetupError extends Error {
  readonly code: InstrumentationCode;

  constructor(code: InstrumentationCode, detail: string, options?: { cause?: unknown }) {
    super(`${INSTRUMENTATION_CODES[code]}: ${detail}`, options);
    this.name = 'TracehoundSetupError';
    this.code = code;
  }
}

/** Prints a warning with its code on stderr (through process.emitWarning); never throws. */
export function warn(code: InstrumentationCode, detail: string): void {
  try {
    process.emitWarning(`${INSTRUMENTATION_CODES[code]}: ${detail}`, { type: 'TracehoundWarning', code });
  } catch {
    // a warning must never break the app
  }
}

const warned = new Set<string>();

/** warn() once per process for one `key` (a variable name, a setting): repeated setup calls do not repeat it. */
export function warnOnce(key: string, code: InstrumentationCode, detail: string): void {
  if (warned.has(key)) return;
  warned.add(key);
  warn(code, detail);
}
