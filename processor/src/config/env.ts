import type { ConfigProblem } from './problems.js';

/**
 * Environment overrides: endpoints and secrets that deployments inject without editing the file. Applied after the
 * file and before validation; an unset or empty variable changes nothing.
 */
export interface EnvOverride {
  name: string;
  path: readonly string[];
  kind: 'string' | 'port' | 'headers';
  description: string;
}

export const ENV_OVERRIDES: readonly EnvOverride[] = [
  {
    name: 'TRACEHOUND_HTTP_HOST',
    path: ['server', 'http', 'host'],
    kind: 'string',
    description: 'OTLP/HTTP listen address',
  },
  { name: 'TRACEHOUND_HTTP_PORT', path: ['server', 'http', 'port'], kind: 'port', description: 'OTLP/HTTP port' },
  {
    name: 'TRACEHOUND_GRPC_HOST',
    path: ['server', 'grpc', 'host'],
    kind: 'string',
    description: 'OTLP/gRPC listen address',
  },
  { name: 'TRACEHOUND_GRPC_PORT', path: ['server', 'grpc', 'port'], kind: 'port', description: 'OTLP/gRPC port' },
  {
    name: 'TRACEHOUND_AUTH_TOKEN',
    path: ['server', 'authToken'],
    kind: 'string',
    description: 'receiver bearer token',
  },
  { name: 'TRACEHOUND_FORWARD_ENDPOINT', path: ['forward', 'endpoint'], kind: 'string', description: 'next hop URL' },
  {
    name: 'TRACEHOUND_FORWARD_HEADERS',
    path: ['forward', 'headers'],
    kind: 'headers',
    description: 'next hop headers, k=v,k=v (merged over the file)',
  },
  {
    name: 'TRACEHOUND_HASH_KEY',
    path: ['capture', 'hashKey'],
    kind: 'string',
    description: 'HMAC key of capture mode hashed',
  },
  { name: 'TRACEHOUND_FINDINGS_FILE', path: ['findings', 'file'], kind: 'string', description: 'findings JSONL file' },
  {
    name: 'TRACEHOUND_RESPONSE_TOKEN',
    path: ['response', 'api', 'token'],
    kind: 'string',
    description: 'bearer token of the verdict/review API',
  },
  {
    name: 'TRACEHOUND_JUDGE_API_KEY',
    path: ['tiers', 'judge', 'apiKey'],
    kind: 'string',
    description: 'bearer token of the LLM judge tier',
  },
];

export interface EnvResult {
  /** Dotted path → name of the variable that set it (to attribute schema errors to the variable). */
  applied: Map<string, string>;
  problems: ConfigProblem[];
}

/** Write the overrides into `target` (a plain object tree, mutated) and report variables that cannot be parsed. */
export function applyEnvOverrides(target: Record<string, unknown>, env: NodeJS.ProcessEnv): EnvResult {
  const applied = new Map<string, string>();
  const problems: ConfigProblem[] = [];
  for (const o of ENV_OVERRIDES) {
    const raw = env[o.name];
    if (raw === undefined || raw === '') continue;
    const parsed = parse(o, raw);
    if ('error' in parsed) {
      problems.push({
        code: 'TH_CONFIG_ENV',
        path: o.path.join('.'),
        env: o.name,
        value: parsed.shown,
        message: `${o.name}: ${parsed.error}`,
      });
      continue;
    }
    const parent = ensureParent(target, o.path);
    if (!parent) continue; // a non-object is in the way: the schema reports that, the override has nowhere to go
    const leaf = o.path[o.path.length - 1];
    if (o.kind === 'headers') {
      const existing = parent[leaf];
      const base =
        existing && typeof existing === 'object' && !Array.isArray(existing)
          ? (existing as Record<string, unknown>)
          : {};
      parent[leaf] = { ...base, ...(parsed.value as Record<string, string>) };
    } else {
      parent[leaf] = parsed.value;
    }
    applied.set(o.path.join('.'), o.name);
  }
  return { applied, problems };
}

type Parsed = { value: unknown } | { error: string; shown: string };

function parse(o: EnvOverride, raw: string): Parsed {
  switch (o.kind) {
    case 'string':
      return { value: raw };
    case 'port': {
      const t = raw.trim();
      let digits = t.length > 0 && t.length <= 5;
      for (let i = 0; digits && i < t.length; i++) digits = t.charCodeAt(i) >= 48 && t.charCodeAt(i) <= 57;
      const n = digits ? Number(t) : NaN;
      if (!(n >= 0 && n <= 65535))
        return { error: 'must be a port number 0-65535', shown: JSON.stringify(raw.slice(0, 32)) };
      return { value: n };
    }
    case 'headers': {
      const headers: Record<string, string> = {};
      for (const part of raw.split(',')) {
        if (part.trim() === '') continue;
        const eq = part.indexOf('=');
        const key = eq > 0 ? part.slice(0, eq).trim() : '';
        // Header values are secrets: say which entry is malformed by position, never print it.
        if (!key) return { error: 'must be a comma-separated list of name=value pairs', shown: '***' };
        headers[key] = part.slice(eq + 1).trim();
      }
      return { value: headers };
    }
  }
}

function ensureParent(root: Record<string, unknown>, path: readonly string[]): Record<string, unknown> | undefined {
  let node = root;
  for (const key of path.slice(0, -1)) {
    const next = node[key];
    if (next === undefined || next === null) node[key] = {};
    else if (typeof next !== 'object' || Array.isArray(next)) return undefined;
    node = node[key] as Record<string, unknown>;
  }
  return node;
}
