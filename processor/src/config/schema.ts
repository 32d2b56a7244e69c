import type { JsonSchema } from '../config-section.js';
import { SECTIONS } from './sections.js';

/** The whole configuration document: one property per section, nothing else. */
export const CONFIG_SCHEMA: JsonSchema = {
  type: 'object',
  additionalProperties: false,
  properties: Object.fromEntries(SECTIONS.map((s) => [s.key, s.schema])),
};

/** The schema node describing the object at `segments`, following properties and additionalProperties. */
export function schemaAt(segments: readonly string[]): JsonSchema | undefined {
  let node: JsonSchema | undefined = CONFIG_SCHEMA;
  for (const seg of segments) {
    if (!node) return undefined;
    if (node.type === 'array') {
      node = node.items as JsonSchema | undefined;
      continue;
    }
    const props = node.properties as Record<string, JsonSchema> | undefined;
    const extra = node.additionalProperties;
    node = props?.[seg] ?? (extra && typeof extra === 'object' ? (extra as JsonSchema) : undefined);
  }
  return node;
}

/** Option names allowed in the object at `segments` (for "did you mean" hints). */
export function knownKeys(segments: readonly string[]): string[] {
  const props = schemaAt(segments)?.properties as Record<string, unknown> | undefined;
  return props ? Object.keys(props) : [];
}

/**
 * Every documented option as a dotted path: map entries appear as `<name>`, array items as `[]`
 * (e.g. `detection.rules.<name>.severity`, `detection.suppressions[].match.user`).
 */
export function optionPaths(node: JsonSchema = CONFIG_SCHEMA, prefix = ''): string[] {
  const out: string[] = [];
  const props = node.properties as Record<string, JsonSchema> | undefined;
  for (const [key, child] of Object.entries(props ?? {})) {
    const path = prefix ? `${prefix}.${key}` : key;
    out.push(path);
    out.push(...childPaths(child, path));
  }
  return out;
}

function childPaths(child: JsonSchema, path: string): string[] {
  if (child.type === 'array' && child.items && typeof child.items === 'object') {
    return optionPaths(child.items as JsonSchema, `${path}[]`);
  }
  const out = optionPaths(child, path);
  const extra = child.additionalProperties;
  if (extra && typeof extra === 'object' && (extra as JsonSchema).properties)
    out.push(...optionPaths(extra as JsonSchema, `${path}.<name>`));
  return out;
}
