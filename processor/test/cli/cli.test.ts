import { execFile, spawn } from 'node:child_process';
import { existsSync, mkdtempSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

/** The real executable, as a user runs it (through tsx, so no build is needed). Few spawns: each costs a Node start. */
const root = fileURLToPath(new URL('../../../', import.meta.url));
const main = fileURLToPath(new URL('../../src/cli/main.ts', import.meta.url));
const fixtures = fileURLToPath(new URL('./fixtures/', import.meta.url));
const invalid = fileURLToPath(new URL('../config/invalid/', import.meta.url));

const engineAvailable = await import('../../src/engine/engine.js').then(
  () => true,
  () => false,
);
const serviceAvailable = existsSync(fileURLToPath(new URL('../../src/service/service.ts', import.meta.url)));

interface Run {
  code: number | null;
  stdout: string;
  stderr: string;
}

/** Environment without TRACEHOUND_* overrides from the developer's shell. */
function cleanEnv(extra: Record<string, string> = {}): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = {};
  for (const [k, v] of Object.entries(process.env)) if (!k.startsWith('TRACEHOUND_')) env[k] = v;
  return { ...env, ...extra };
}

function cli(args: string[], extraEnv: Record<string, string> = {}): Promise<Run> {
  return new Promise((resolve) => {
    execFile(
      process.execPath,
      ['--conditions=@tracehound/source', '--import', 'tsx', main, ...args],
      { cwd: root, env: cleanEnv(extraEnv), timeout: 60_000 },
      (err, stdout, stderr) => {
        const code = err ? (err as { code?: unknown }).code : 0;
        resolve({ code: typeof code === 'number' ? code : null, stdout, stderr });
      },
    );
  });
}

describe('tracehound executable', () => {
  it('prints help (exit 0) and answers an unknown command with usage (exit 2)', async () => {
    const [help, unknown] = await Promise.all([cli(['--help']), cli(['frobnicate'])]);
    expect(help.code).toBe(0);
    for (const c of ['serve', 'validate-config', 'scan']) expect(help.stdout).toContain(`  ${c}`);
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toContain("unknown command 'frobnicate' (TH_CLI_USAGE)");
    expect(unknown.stderr).toContain('Usage: tracehound <command>');
  });

  it('validate-config: exit 0 on the embedded default, 1 with every problem listed on a bad file', async () => {
    const [good, bad] = await Promise.all([
      cli(['validate-config', 'processor/config/default.yaml']),
      cli(['validate-config', `${invalid}many-problems.yaml`]),
    ]);
    expect(good.code).toBe(0);
    expect(good.stdout).toContain('processor/config/default.yaml: valid');
    expect(good.stdout).toContain('http://127.0.0.1:4320');
    expect(bad.code).toBe(1);
    expect(bad.stderr).toContain('5 problems');
    for (const line of [
      'TH_CONFIG_VALUE server.http.port',
      'TH_CONFIG_TYPE server.grpc.enabled',
      'TH_CONFIG_VALUE capture.mode',
      'TH_CONFIG_TYPE findings.console',
      "TH_CONFIG_UNKNOWN_KEY detection.minConfidense: unknown option; did you mean 'minConfidence'?",
    ]) {
      expect(bad.stderr).toContain(line);
    }
  });

  it('scan: parses OTLP/JSON lines, a single JSON document and text rows; prints findings as JSONL', async () => {
    const r = await cli(['scan', `${fixtures}traces.jsonl`, `${fixtures}logs.json`, `${fixtures}texts.jsonl`]);
    expect(r.stderr).toContain('scanned 3 input(s): 2 spans, 1 log records, 3 texts');
    expect(r.stderr).toContain('0 input problem(s)');
    if (!engineAvailable) {
      expect(r.code).toBe(1);
      expect(r.stderr).toContain('could not be loaded');
      return;
    }
    expect(r.code).toBe(0);
    const findings = r.stdout
      .split('\n')
      .filter(Boolean)
      .map(
        (l) =>
          JSON.parse(l) as {
            rule: { id: string };
            severity: string;
            timeUnixNano: string;
            input: { file: string; line?: number };
          },
      );
    expect(findings.length).toBeGreaterThan(0);
    for (const f of findings) {
      expect(f.rule.id).toBeTruthy();
      expect(typeof f.timeUnixNano).toBe('string');
    }
    // The injections (first trace line, first text row) are found; the benign texts are not.
    const at = (file: string, line: number) =>
      findings.some((f) => f.input.file.endsWith(file) && f.input.line === line);
    expect(at('traces.jsonl', 1)).toBe(true);
    expect(at('texts.jsonl', 1)).toBe(true);
    expect(at('texts.jsonl', 3)).toBe(false);
  });

  it('serve: refuses an invalid configuration with the problems listed (exit 1)', async () => {
    const r = await cli(['serve', '--config', `${invalid}port-conflict.yaml`]);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('TH_CONFIG_CONFLICT server.grpc.port');
  });

  it.skipIf(!serviceAvailable || !engineAvailable)(
    'serve: starts on the embedded default, says where it listens, drains on SIGTERM (exit 0)',
    async () => {
      const child = spawn(process.execPath, ['--conditions=@tracehound/source', '--import', 'tsx', main, 'serve'], {
        cwd: root,
        env: cleanEnv({ TRACEHOUND_HTTP_PORT: '0', TRACEHOUND_GRPC_PORT: '0' }),
        stdio: ['ignore', 'pipe', 'pipe'],
      });
      let stdout = '';
      let stderr = '';
      child.stderr.on('data', (c: Buffer) => {
        stderr += c.toString();
      });
      const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
      await new Promise<void>((resolve, reject) => {
        child.stdout.on('data', (chunk: Buffer) => {
          stdout += chunk.toString();
          if (stdout.includes('OTLP/gRPC')) resolve();
        });
        child.on('exit', () => reject(new Error(`serve exited before listening: ${stdout}${stderr}`)));
      });
      expect(stdout).toContain('tracehound listening (embedded default config)');
      expect(stdout).toContain('OTLP/HTTP  http://127.0.0.1:');
      expect(stdout).not.toContain('127.0.0.1:0 ');
      child.kill('SIGTERM');
      expect(await exited, stderr).toBe(0);
    },
  );

  it.skipIf(!serviceAvailable || !engineAvailable)(
    'serve: an export still in flight at the shutdown deadline is answered 503 and the exit code is 1 (unclean)',
    async () => {
      // A next hop that takes the data and never answers.
      const held: Array<() => void> = [];
      const hop = createServer((req) => {
        req.resume();
        held.push(() => req.socket.destroy());
      });
      await new Promise<void>((r) => hop.listen(0, '127.0.0.1', () => r()));
      const dir = mkdtempSync(join(tmpdir(), 'th-cli-'));
      const config = join(dir, 'serve.yaml');
      writeFileSync(
        config,
        [
          'server:',
          '  http: { port: 0 }',
          '  grpc: { port: 0 }',
          '  shutdownTimeoutMs: 200',
          'forward:',
          `  endpoint: http://127.0.0.1:${(hop.address() as AddressInfo).port}`,
          '  timeoutMs: 60000',
          'findings: { file: "", console: false }',
          '',
        ].join('\n'),
      );
      const child = spawn(process.execPath, ['--import', 'tsx', main, 'serve', '--config', config], {
        cwd: root,
        env: cleanEnv(),
        stdio: ['ignore', 'pipe', 'pipe'],
      });
      let stdout = '';
      let stderr = '';
      child.stderr.on('data', (c: Buffer) => (stderr += c.toString()));
      const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
      const url = await new Promise<string>((resolve, reject) => {
        child.stdout.on('data', (chunk: Buffer) => {
          stdout += chunk.toString();
          const m = /OTLP\/HTTP +(http:\/\/127\.0\.0\.1:\d+)/.exec(stdout);
          if (m && stdout.includes('OTLP/gRPC')) resolve(m[1]);
        });
        child.on('exit', () => reject(new Error(`serve exited before listening: ${stdout}${stderr}`)));
      });
      const answer = fetch(`${url}/v1/traces`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({
          resourceSpans: [
            { scopeSpans: [{ spans: [{ traceId: '01'.repeat(16), spanId: '02'.repeat(8), name: 'x' }] }] },
          ],
        }),
      }).then(
        (r) => r.status,
        () => 'reset',
      );
      while (held.length === 0) await new Promise((r) => setTimeout(r, 20));
      child.kill('SIGTERM');
      expect(await answer).toBe(503);
      expect(await exited, stderr).toBe(1);
      expect(stderr).toContain('shutdown unclean');
      for (const h of held) h();
      await new Promise<void>((r) => hop.close(() => r()));
    },
  );
});
