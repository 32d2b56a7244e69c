import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { COMMANDS } from '../../src/cli/commands/index.js';
import { run } from './harness.js';

const fixtures = fileURLToPath(new URL('./fixtures/', import.meta.url));
const invalid = fileURLToPath(new URL('../config/invalid/', import.meta.url));
const defaultYaml = fileURLToPath(new URL('../../config/default.yaml', import.meta.url));

describe('command table', () => {
  it('has unique names and help for every command', async () => {
    const names = COMMANDS.map((c) => c.name);
    expect(new Set(names).size).toBe(names.length);
    for (const c of COMMANDS) {
      for (const args of [
        [c.name, '--help'],
        [c.name, '-h'],
        ['help', c.name],
      ]) {
        const r = await run(args);
        expect(r.code).toBe(0);
        expect(r.stdout).toContain(`Usage: ${c.synopsis}`);
        expect(r.stdout).toContain('Exit codes');
      }
    }
  });

  it('answers usage errors with exit code 2 and the usage text', async () => {
    const cases: [string[], string][] = [
      [['frobnicate'], "unknown command 'frobnicate'"],
      [[], 'missing command'],
      [['help', 'frobnicate'], "unknown command 'frobnicate'"],
      [['serve', '--prot', '4320'], 'TH_CLI_USAGE'],
      [['serve', 'extra-arg'], 'expected 0 argument(s), got 1'],
      [['validate-config'], 'expected 1 argument(s), got 0'],
      [['validate-config', 'a.yaml', 'b.yaml'], 'expected 1 argument(s), got 2'],
      [['scan'], 'expected at least 1 argument(s), got 0'],
      [['scan', '--fail-on', 'urgent', 'x.jsonl'], '--fail-on must be one of low, medium, high, critical'],
    ];
    for (const [args, message] of cases) {
      const r = await run(args);
      expect(r.code, args.join(' ')).toBe(2);
      expect(r.stderr).toContain(message);
      expect(r.stderr).toContain('Usage: tracehound');
    }
  });

  it('prints the version', async () => {
    expect((await run(['--version'])).stdout).toBe('0.0.0-test\n');
  });
});

describe('validate-config', () => {
  it('applies environment overrides unless --ignore-env', async () => {
    const env = { TRACEHOUND_HTTP_PORT: 'eighty' };
    const withEnv = await run(['validate-config', defaultYaml], env);
    expect(withEnv.code).toBe(1);
    expect(withEnv.stderr).toContain('TH_CONFIG_ENV server.http.port: TRACEHOUND_HTTP_PORT: must be a port number');
    expect((await run(['validate-config', '--ignore-env', defaultYaml], env)).code).toBe(0);
    const ok = await run(['validate-config', defaultYaml], {
      TRACEHOUND_HTTP_PORT: '9999',
      TRACEHOUND_FORWARD_ENDPOINT: 'http://10.0.0.5:4319',
    });
    expect(ok.code).toBe(0);
    expect(ok.stdout).toContain('127.0.0.1:9999');
    expect(ok.stdout).toContain('http://10.0.0.5:4319');
  });

  it('reports problems as JSON with --json', async () => {
    const r = await run(['validate-config', '--json', `${invalid}port-range.yaml`]);
    expect(r.code).toBe(1);
    const parsed = JSON.parse(r.stdout) as {
      valid: boolean;
      problems: { code: string; path: string; value: string }[];
    };
    expect(parsed.valid).toBe(false);
    expect(parsed.problems).toEqual([
      expect.objectContaining({ code: 'TH_CONFIG_VALUE', path: 'server.http.port', value: '70000' }),
    ]);
  });

  it('never prints a secret, from the file or the environment', async () => {
    const r = await run(['validate-config', `${invalid}short-auth-token.yaml`], {
      TRACEHOUND_FORWARD_HEADERS: 'authorization=Bearer env-secret-123,broken',
    });
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('TH_CONFIG_VALUE server.authToken');
    expect(r.stderr).toContain('TH_CONFIG_ENV forward.headers');
    expect(r.stderr).not.toContain('s3cr3t-tok');
    expect(r.stderr).not.toContain('env-secret-123');
  });

  it('reports an unreadable file as TH_CONFIG_READ', async () => {
    const r = await run(['validate-config', 'no/such/file.yaml']);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('TH_CONFIG_READ');
  });
});

describe('scan input problems', () => {
  it('reports unreadable and unparsable input as TH_SCAN_INPUT with exit code 1, still scanning the rest', async () => {
    const r = await run(['scan', `${fixtures}bad.jsonl`, `${fixtures}missing.jsonl`]);
    expect(r.code).toBe(1);
    for (const line of [2, 3, 4]) expect(r.stderr).toContain(`TH_SCAN_INPUT ${fixtures}bad.jsonl:${line}`);
    expect(r.stderr).toContain(`TH_SCAN_INPUT ${fixtures}missing.jsonl: cannot read (ENOENT)`);
    expect(r.stderr).toContain('scanned 2 input(s): 0 spans, 0 log records, 1 texts');
  });

  it('refuses an invalid --config', async () => {
    const r = await run(['scan', '--config', `${invalid}confidence-range.yaml`, `${fixtures}texts.jsonl`]);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('TH_CONFIG_VALUE detection.minConfidence');
  });
});
