import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import {
  ConfigError,
  DEFAULT_CONFIG_FILE,
  DEFAULT_FINDINGS_FILE,
  SECTIONS,
  checkConfigFile,
  defaultConfigObject,
  formatProblem,
  loadConfig,
  parseConfigText,
  validateConfig,
} from '../../src/config/index.js';

const invalidDir = fileURLToPath(new URL('./invalid/', import.meta.url));

interface Fixture {
  file: string;
  expect: { code: string; path: string }[];
  secrets: string[];
}

/** Each invalid fixture states what it must produce: `# expect: CODE path` ('-' = whole document), `# secret: text`. */
function fixtures(): Fixture[] {
  return readdirSync(invalidDir)
    .filter((f) => f.endsWith('.yaml'))
    .sort()
    .map((f) => {
      const lines = readFileSync(join(invalidDir, f), 'utf8').split('\n');
      const after = (prefix: string) =>
        lines.filter((l) => l.startsWith(prefix)).map((l) => l.slice(prefix.length).trim());
      return {
        file: f,
        expect: after('# expect:').map((e) => {
          const [code, ...path] = e.split(' ');
          const p = path.join(' ');
          return { code, path: p === '-' ? '' : p };
        }),
        secrets: after('# secret:'),
      };
    });
}

describe('embedded default configuration', () => {
  it('is valid and equals the built-in defaults of every section', () => {
    const config = loadConfig(undefined, {});
    expect(JSON.parse(JSON.stringify(config))).toEqual(defaultConfigObject());
    expect(Object.keys(config)).toEqual(SECTIONS.map((s) => s.key));
  });

  it('works with nothing else running: OTLP on loopback 4320/4321, no next hop, findings to a local file and the console', () => {
    const c = loadConfig(undefined, {});
    expect(c.server.http).toMatchObject({ enabled: true, host: '127.0.0.1', port: 4320 });
    expect(c.server.grpc).toMatchObject({ enabled: true, host: '127.0.0.1', port: 4321 });
    expect(c.server.maxBodyBytes).toBe(64 * 1024 * 1024);
    expect(c.server.authToken).toBeUndefined();
    expect(c.forward.endpoint).toBe('');
    expect(c.findings).toMatchObject({ file: DEFAULT_FINDINGS_FILE, console: true, forward: true });
    expect(c.capture.mode).toBe('full');
  });

  it('ships inside the package (processor/config is in package.json files)', () => {
    const pkg = JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as { files: string[] };
    expect(pkg.files).toContain('config');
    expect(DEFAULT_CONFIG_FILE.endsWith(join('processor', 'config', 'default.yaml'))).toBe(true);
  });

  it('is frozen so no module can change it after start-up', () => {
    const c = loadConfig(undefined, {});
    expect(Object.isFrozen(c.server.http)).toBe(true);
    expect(() => {
      (c.server.http as { port: number }).port = 1;
    }).toThrow(TypeError);
  });

  it('applies defaults under a partial file', () => {
    const r = validateConfig({ server: { http: { port: 9000 } }, detection: { canaries: ['CANARY-7f3a9c'] } });
    expect(r.errors).toEqual([]);
    expect(r.config?.server.http).toEqual({ enabled: true, host: '127.0.0.1', port: 9000 });
    expect(r.config?.server.grpc.port).toBe(4321);
    expect(r.config?.detection.canaries).toEqual(['CANARY-7f3a9c']);
    expect(r.config?.detection.minConfidence).toBe(0.5);
  });

  it('treats an empty file as all defaults', () => {
    expect(parseConfigText('').value).toBeNull();
    expect(validateConfig(null).config).toBeDefined();
  });
});

describe('invalid configurations', () => {
  const all = fixtures();

  it('has fixtures', () => {
    expect(all.length).toBeGreaterThanOrEqual(25);
    for (const f of all) expect(f.expect.length, `${f.file} states its expected problems`).toBeGreaterThan(0);
  });

  it.each(all.map((f) => [f.file, f] as const))('%s', (_name, f) => {
    const result = checkConfigFile(join(invalidDir, f.file), {});
    expect(result.config).toBeUndefined();
    const got = result.errors.map((e) => ({ code: e.code, path: e.path }));
    for (const want of f.expect) expect(got).toContainEqual(want);
    for (const e of result.errors) expect(e.message.length).toBeGreaterThan(0);

    let thrown: unknown;
    try {
      loadConfig(join(invalidDir, f.file), {});
    } catch (err) {
      thrown = err;
    }
    expect(thrown).toBeInstanceOf(ConfigError);
    const err = thrown as ConfigError;
    expect(err.problems).toEqual(result.errors);
    expect(err.code.startsWith('TH_CONFIG_')).toBe(true);
    const printed = `${err.message}\n${JSON.stringify(result.errors)}\n${result.errors.map(formatProblem).join('\n')}`;
    for (const secret of f.secrets) expect(printed).not.toContain(secret);
  });

  it('reports YAML syntax errors with line and column, never the source line', () => {
    const r = parseConfigText('server:\n  authToken: "abc-very-secret-value\n  http: {');
    expect(r.errors[0].code).toBe('TH_CONFIG_PARSE');
    expect(r.errors[0].line).toBeGreaterThan(0);
    expect(JSON.stringify(r.errors)).not.toContain('abc-very-secret-value');
  });

  it('refuses alias bombs and oversized files', () => {
    const bomb = ['a: &a [x, x, x, x, x, x, x, x, x, x]'];
    for (let i = 0; i < 12; i++)
      bomb.push(
        `${String.fromCharCode(98 + i)}: &${String.fromCharCode(98 + i)} [*${String.fromCharCode(97 + i)}, *${String.fromCharCode(97 + i)}, *${String.fromCharCode(97 + i)}, *${String.fromCharCode(97 + i)}, *${String.fromCharCode(97 + i)}, *${String.fromCharCode(97 + i)}, *${String.fromCharCode(97 + i)}, *${String.fromCharCode(97 + i)}, *${String.fromCharCode(97 + i)}, *${String.fromCharCode(97 + i)}]`,
      );
    expect(parseConfigText(bomb.join('\n')).errors[0]?.code).toBe('TH_CONFIG_PARSE');

    const dir = mkdtempSync(join(tmpdir(), 'th-config-'));
    const big = join(dir, 'big.yaml');
    writeFileSync(big, `# ${'x'.repeat(1024 * 1024 + 10)}\n`);
    expect(checkConfigFile(big, {}).errors[0]?.code).toBe('TH_CONFIG_READ');
    expect(checkConfigFile(join(dir, 'missing.yaml'), {}).errors[0]?.code).toBe('TH_CONFIG_READ');
  });

  it('does not let a __proto__ key reach the prototype', () => {
    const r = validateConfig(JSON.parse('{"__proto__": {"polluted": true}, "server": {"__proto__": {"x": 1}}}'));
    expect(r.errors.map((e) => e.path)).toEqual(expect.arrayContaining(['__proto__', 'server.__proto__']));
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });
});

describe('environment overrides', () => {
  const base = {
    server: {},
    forward: { endpoint: 'http://127.0.0.1:4319', headers: { 'x-tenant': 'acme', authorization: 'Bearer file' } },
  };

  it('overrides endpoints, ports and secrets', () => {
    const r = validateConfig(base, {
      env: {
        TRACEHOUND_HTTP_HOST: '0.0.0.0',
        TRACEHOUND_HTTP_PORT: '14320',
        TRACEHOUND_GRPC_HOST: '0.0.0.0',
        TRACEHOUND_GRPC_PORT: '14321',
        TRACEHOUND_AUTH_TOKEN: 'a-long-enough-receiver-token',
        TRACEHOUND_FORWARD_ENDPOINT: 'https://otel-out.internal:4319',
        TRACEHOUND_FORWARD_HEADERS: 'authorization=Bearer env-token, x-extra = 1',
        TRACEHOUND_HASH_KEY: 'k'.repeat(40),
        TRACEHOUND_FINDINGS_FILE: '/var/log/tracehound/findings.jsonl',
      },
    });
    expect(r.errors).toEqual([]);
    const c = r.config!;
    expect(c.server.http).toMatchObject({ host: '0.0.0.0', port: 14320 });
    expect(c.server.grpc).toMatchObject({ host: '0.0.0.0', port: 14321 });
    expect(c.server.authToken).toBe('a-long-enough-receiver-token');
    expect(c.forward.endpoint).toBe('https://otel-out.internal:4319');
    // Headers merge over the file's, the variable winning per name.
    expect(c.forward.headers).toEqual({ 'x-tenant': 'acme', authorization: 'Bearer env-token', 'x-extra': '1' });
    expect(c.capture.hashKey).toBe('k'.repeat(40));
    expect(c.findings.file).toBe('/var/log/tracehound/findings.jsonl');
  });

  it('ignores unset and empty variables', () => {
    const r = validateConfig(base, { env: { TRACEHOUND_HTTP_PORT: '', TRACEHOUND_FORWARD_ENDPOINT: '' } });
    expect(r.config?.server.http.port).toBe(4320);
    expect(r.config?.forward.endpoint).toBe('http://127.0.0.1:4319');
  });

  it('reports bad values as TH_CONFIG_ENV with the variable name, masking secrets', () => {
    const r = validateConfig(base, {
      env: {
        TRACEHOUND_GRPC_PORT: '43 21',
        TRACEHOUND_HTTP_PORT: '99999',
        TRACEHOUND_AUTH_TOKEN: 'short-tkn',
        TRACEHOUND_FORWARD_HEADERS: 'authorization=Bearer hidden-value,novalue',
        TRACEHOUND_FORWARD_ENDPOINT: 'https://user:pa55word@otel-out:4319',
      },
    });
    const byEnv = Object.fromEntries(r.errors.map((e) => [e.env, e]));
    for (const name of [
      'TRACEHOUND_GRPC_PORT',
      'TRACEHOUND_HTTP_PORT',
      'TRACEHOUND_AUTH_TOKEN',
      'TRACEHOUND_FORWARD_HEADERS',
      'TRACEHOUND_FORWARD_ENDPOINT',
    ]) {
      expect(byEnv[name]?.code, name).toBe('TH_CONFIG_ENV');
      expect(byEnv[name]?.message.startsWith(name)).toBe(true);
    }
    expect(byEnv.TRACEHOUND_HTTP_PORT.path).toBe('server.http.port');
    expect(byEnv.TRACEHOUND_AUTH_TOKEN.path).toBe('server.authToken');
    expect(byEnv.TRACEHOUND_AUTH_TOKEN.value).toBe('***');
    const printed = JSON.stringify(r.errors) + r.errors.map(formatProblem).join('\n');
    for (const secret of ['short-tkn', 'hidden-value', 'pa55word']) expect(printed).not.toContain(secret);
  });

  it('validateConfig ignores the process environment unless given one', () => {
    const saved = process.env.TRACEHOUND_HTTP_PORT;
    process.env.TRACEHOUND_HTTP_PORT = '5555';
    try {
      expect(validateConfig({}).config?.server.http.port).toBe(4320);
      expect(loadConfig(undefined, process.env).server.http.port).toBe(5555);
    } finally {
      if (saved === undefined) delete process.env.TRACEHOUND_HTTP_PORT;
      else process.env.TRACEHOUND_HTTP_PORT = saved;
    }
  });
});

describe('section composition', () => {
  it('has unique section keys, each with an object schema that accepts its own defaults', () => {
    const keys = SECTIONS.map((s) => s.key);
    expect(new Set(keys).size).toBe(keys.length);
    for (const s of SECTIONS) {
      expect(s.schema.type).toBe('object');
      expect(validateConfig({ [s.key]: s.defaults }).errors).toEqual([]);
    }
  });
});
