import { Type, type SchemaOptions, type Static, type TSchema, type TUnsafe } from '@sinclair/typebox';

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

/**
 * A map from names to values of one schema, as a plain JSON-Schema object with `additionalProperties` (and optional
 * `propertyNames`); TypeBox's Record would become `patternProperties`, which the configuration reference cannot read.
 */
export function StringMap<V extends TSchema>(
  value: V,
  options: SchemaOptions & { propertyNames?: Record<string, unknown>; minProperties?: number } = {},
): TUnsafe<Record<string, Static<V>>> {
  return Type.Unsafe<Record<string, Static<V>>>({ ...options, type: 'object', additionalProperties: value });
}
