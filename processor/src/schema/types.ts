import { Type, type SchemaOptions, type TUnsafe } from '@sinclair/typebox';

/**
 * A string out of a fixed set, as a plain JSON-Schema `enum` (TypeBox's literal unions become `anyOf`, whose errors
 * read worse and which the configuration reference cannot list as "one of").
 */
export function StringEnum<const T extends readonly string[]>(
  values: T,
  options: SchemaOptions = {},
): TUnsafe<T[number]> {
  return Type.Unsafe<T[number]>({ ...options, type: 'string', enum: [...values] });
}
