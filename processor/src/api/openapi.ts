import type { RouteOptions } from 'fastify';
import { apiCodesWithStatus } from '../http/api-errors.js';

type Schema = Record<string, unknown>;

export interface RouteDoc {
  method: string;
  url: string;
  schema?: {
    summary?: string;
    description?: string;
    querystring?: Schema;
    params?: Schema;
    body?: Schema;
    response?: Record<string, Schema>;
  };
}

/** Response descriptions; error statuses name the codes the JSON APIs answer with them (http/api-errors.ts). */
const HTTP_TEXT: Record<string, string> = {
  '200': 'OK',
  '201': 'Created',
  '202': 'Accepted',
  '204': 'No content',
  ...errorText('400', 'Invalid request'),
  ...errorText('401', 'Missing or invalid bearer token'),
  ...errorText('404', 'Not found'),
  ...errorText('409', 'Conflict'),
  ...errorText('503', 'The findings store is disabled'),
};

function errorText(status: string, text: string): Record<string, string> {
  return { [status]: `${text} (${apiCodesWithStatus(Number(status)).join(', ')})` };
}

/** Collect a route for the document (called from an onRoute hook); HEAD twins are skipped. */
export function routeDoc(r: RouteOptions): RouteDoc | undefined {
  const methods = Array.isArray(r.method) ? r.method : [r.method];
  const method = methods.find((m) => m !== 'HEAD');
  if (!method) return undefined;
  return { method: method.toLowerCase(), url: r.url, schema: r.schema as RouteDoc['schema'] };
}

function parameters(schema: Schema | undefined, where: 'query' | 'path'): Schema[] {
  const props = (schema?.properties ?? {}) as Record<string, Schema>;
  const required = new Set((schema?.required ?? []) as string[]);
  return Object.entries(props).map(([name, s]) => {
    const { description, ...rest } = s;
    return {
      name,
      in: where,
      required: where === 'path' || required.has(name),
      ...(description ? { description } : {}),
      schema: rest,
    };
  });
}

/** The OpenAPI 3.1 document of the findings API, from the routes' fastify schemas (sorted: stable output). */
export function openApiDocument(routes: readonly RouteDoc[], version: string): Schema {
  const paths: Record<string, Record<string, Schema>> = {};
  for (const r of [...routes].sort((a, b) => a.url.localeCompare(b.url) || a.method.localeCompare(b.method))) {
    const path = r.url.replace(/:(\w+)/g, '{$1}');
    const s = r.schema ?? {};
    const responses: Record<string, Schema> = {};
    for (const [code, body] of Object.entries(s.response ?? {}).sort()) {
      responses[code] = {
        description: HTTP_TEXT[code] ?? code,
        ...(code === '204' ? {} : { content: { 'application/json': { schema: body } } }),
      };
    }
    if (Object.keys(responses).length === 0) responses['200'] = { description: 'OK' };
    const params = [...parameters(s.params, 'path'), ...parameters(s.querystring, 'query')];
    (paths[path] ??= {})[r.method] = {
      ...(s.summary ? { summary: s.summary } : {}),
      ...(s.description ? { description: s.description } : {}),
      ...(params.length ? { parameters: params } : {}),
      ...(s.body ? { requestBody: { required: true, content: { 'application/json': { schema: s.body } } } } : {}),
      responses,
    };
  }
  return {
    openapi: '3.1.0',
    info: {
      title: 'Tracehound findings API',
      version,
      description: 'Findings, sessions, review queue, verdicts and suppressions of tracehound serve (docs/console.md).',
    },
    servers: [{ url: 'http://127.0.0.1:4320' }],
    security: [{ bearer: [] }],
    components: { securitySchemes: { bearer: { type: 'http', scheme: 'bearer' } } },
    paths,
  };
}
