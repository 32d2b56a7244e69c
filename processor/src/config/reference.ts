import { ENV_OVERRIDES } from './env.js';
import { CONFIG_SCHEMA } from './schema.js';
import type { JsonSchema } from '../config-section.js';
import { SECTIONS } from './sections.js';

/**
 * The option tables of docs/configuration.md, generated from the schema and the defaults so the reference cannot
 * drift from the code: `renderConfigReference()` returns markdown, one table per section.
 */

interface Row {
  path: string;
  schema: JsonSchema;
  defaultValue: unknown;
  hasDefault: boolean;
}

function rows(node: JsonSchema, prefix: string, defaults: unknown, hasDefaults: boolean): Row[] {
  const out: Row[] = [];
  const props = (node.properties ?? {}) as Record<string, JsonSchema>;
  for (const [key, child] of Object.entries(props)) {
    const path = `${prefix}.${key}`;
    const d =
      hasDefaults && defaults && typeof defaults === 'object' ? (defaults as Record<string, unknown>)[key] : undefined;
    const isLeafObject = child.type === 'object' && child.properties;
    if (!isLeafObject) out.push({ path, schema: child, defaultValue: d, hasDefault: hasDefaults });
    if (isLeafObject) out.push(...rows(child, path, d, hasDefaults && d !== undefined));
    if (child.type === 'array' && (child.items as JsonSchema | undefined)?.properties)
      out.push(...rows(child.items as JsonSchema, `${path}[]`, undefined, false));
    const extra = child.additionalProperties;
    if (extra && typeof extra === 'object' && (extra as JsonSchema).properties)
      out.push(...rows(extra as JsonSchema, `${path}.<name>`, undefined, false));
  }
  return out;
}

function typeText(s: JsonSchema): string {
  if (Array.isArray(s.enum)) return s.enum.map((v) => `\`${String(v)}\``).join(' \\| ');
  let t = String(s.type ?? 'any');
  if (t === 'array') {
    const items = (s.items ?? {}) as JsonSchema;
    t = items.properties
      ? 'list of objects'
      : `list of ${Array.isArray(items.enum) ? items.enum.join('/') : String(items.type ?? 'any')}`;
  }
  if (t === 'object')
    t =
      s.additionalProperties && typeof s.additionalProperties === 'object'
        ? `map of ${String((s.additionalProperties as JsonSchema).type ?? 'object')}`
        : 'object';
  const range: string[] = [];
  if (typeof s.minimum === 'number') range.push(`≥ ${s.minimum}`);
  if (typeof s.maximum === 'number') range.push(`≤ ${s.maximum}`);
  if (typeof s.minLength === 'number') range.push(`≥ ${s.minLength} chars`);
  return range.length ? `${t} (${range.join(', ')})` : t;
}

function defaultText(r: Row): string {
  if (!r.hasDefault) return '—';
  if (r.defaultValue === undefined) return 'unset';
  const json = JSON.stringify(r.defaultValue);
  return `\`${json.length > 60 ? `${json.slice(0, 57)}...` : json}\``;
}

export function renderConfigReference(): string {
  const env = new Map(ENV_OVERRIDES.map((o) => [o.path.join('.'), o.name]));
  const lines: string[] = [];
  const props = CONFIG_SCHEMA.properties as Record<string, JsonSchema>;
  for (const section of SECTIONS) {
    const schema = props[section.key];
    lines.push(`### \`${section.key}\``, '');
    if (schema.description) lines.push(String(schema.description), '');
    const rs = rows(schema, section.key, section.defaults, true);
    if (rs.length === 0) {
      lines.push('No options yet (accepts any mapping).', '');
      continue;
    }
    lines.push('| option | type | default | env | description |', '|---|---|---|---|---|');
    for (const r of rs) {
      const e = env.get(r.path);
      const description = String(r.schema.description ?? '').replaceAll('|', '\\|');
      lines.push(
        `| \`${r.path}\` | ${typeText(r.schema)} | ${defaultText(r)} | ${e ? `\`${e}\`` : ''} | ${description} |`,
      );
    }
    lines.push('');
  }
  return lines.join('\n');
}

const BEGIN =
  '<!-- BEGIN GENERATED OPTIONS (node --import tsx processor/src/config/reference.ts docs/configuration.md) -->';
const END = '<!-- END GENERATED OPTIONS -->';

/** Replace the generated block of a markdown document (between the BEGIN/END markers) with the current tables. */
export function updateReferenceBlock(markdown: string): string {
  const start = markdown.indexOf(BEGIN);
  const end = markdown.indexOf(END);
  if (start < 0 || end < start) return `${markdown.trimEnd()}\n\n${BEGIN}\n\n${renderConfigReference()}\n${END}\n`;
  return `${markdown.slice(0, start)}${BEGIN}\n\n${renderConfigReference()}\n${markdown.slice(end)}`;
}

// `node --import tsx processor/src/config/reference.ts docs/configuration.md` regenerates the tables in place.
if (process.argv[1] && import.meta.url === (await import('node:url')).pathToFileURL(process.argv[1]).href) {
  const { readFileSync, writeFileSync } = await import('node:fs');
  const file = process.argv[2] ?? 'docs/configuration.md';
  writeFileSync(file, updateReferenceBlock(readFileSync(file, 'utf8')));
}
