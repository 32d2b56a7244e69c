import { Ajv, type Options, type ValidateFunction } from 'ajv';
import RE2 from 're2';
import { FORMATS, FORMAT_HINTS } from './formats.js';

/**
 * The one way a schema becomes a validator: ajv in strict mode, patterns on RE2 (linear time, like every other regular
 * expression here) and the string formats of formats.ts. The configuration file, the verdict/suppression API and the
 * suppressions file all check their shapes through it, so one schema accepts and rejects the same values everywhere.
 */
export function createAjv(options: Options = {}): Ajv {
  const regExp = Object.assign((pattern: string, flags: string) => new RE2(pattern, flags), { code: 'RE2' });
  const ajv = new Ajv({ strict: true, ...options, code: { regExp } });
  for (const [name, fn] of Object.entries(FORMATS)) ajv.addFormat(name, fn);
  return ajv;
}

/** A validator that stops at the first problem (untrusted input: no work beyond what the answer needs). */
export function compileSchema<T>(schema: object): ValidateFunction<T> {
  return createAjv().compile<T>(schema);
}

/**
 * The first problem of a failed validation, naming the field and what it must be, never the value (the input is
 * untrusted and may hold a secret).
 */
export function firstProblem(validate: ValidateFunction): string {
  const e = validate.errors?.[0];
  if (!e) return 'invalid';
  const field = e.instancePath.replace(/^\//, '').split('/').join('.');
  const params = e.params as { additionalProperty?: string; missingProperty?: string; format?: string };
  if (params.additionalProperty !== undefined)
    return `${field ? `${field}: ` : ''}unknown field ${params.additionalProperty.slice(0, 32)}`;
  if (params.missingProperty !== undefined) return `${field ? `${field}.` : ''}${params.missingProperty}: is required`;
  const hint = params.format ? FORMAT_HINTS[params.format] : undefined;
  return `${field || 'value'}: ${hint ? `must be ${hint}` : (e.message ?? 'is invalid')}`;
}
