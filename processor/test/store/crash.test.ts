import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import Database from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import { FindingsStore } from '../../src/store/findings-store.js';
import { finding, removeDirs, storeConfig, tempStorePath } from './helpers.js';

const dirs: string[] = [];
afterEach(() => removeDirs(dirs));

const repoRoot = fileURLToPath(new URL('../../../', import.meta.url));
const script = fileURLToPath(new URL('./fixtures/write-loop.ts', import.meta.url));

/** Run the write loop in a child, SIGKILL it once it reported `ready` committed findings; the last reported total. */
function runAndKill(path: string, ready: number): Promise<number> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--conditions=@tracehound/source', '--import', 'tsx', script, path], {
      cwd: repoRoot,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stderr = '';
    let out = '';
    let last = 0;
    child.stderr.on('data', (c: Buffer) => (stderr += c.toString()));
    child.stdout.on('data', (c: Buffer) => {
      out += c.toString();
      for (const m of out.matchAll(/committed (\d+)\n/g)) last = Math.max(last, Number(m[1]));
      if (last >= ready) child.kill('SIGKILL');
    });
    child.on('error', reject);
    child.on('exit', (code, signal) =>
      signal === 'SIGKILL' ? resolve(last) : reject(new Error(`child exited ${code}: ${stderr}`)),
    );
  });
}

describe('store crash safety', () => {
  it('a kill -9 during writes keeps every committed batch, and the store opens cleanly and takes writes', async () => {
    const path = tempStorePath(dirs);
    const committed = await runAndKill(path, 2000);
    expect(committed).toBeGreaterThanOrEqual(2000);

    const raw = new Database(path);
    expect(raw.pragma('integrity_check', { simple: true })).toBe('ok');
    raw.close();

    const s = new FindingsStore(storeConfig(path), { capture: { mode: 'full' } });
    const n = s.status().findings;
    // Everything reported committed is there; at most the batch in flight (200 + 50 queued) beyond it.
    expect(n).toBeGreaterThanOrEqual(committed);
    expect(n).toBeLessThanOrEqual(committed + 250);
    expect(n % 50).toBe(0); // whole batches only
    s.write([finding({ timeMs: Date.now() })]);
    await s.forceFlush();
    expect(s.status().findings).toBe(n + 1);
    expect(s.queries.listFindings({ limit: 5, q: 'previous instructions' }).findings).toHaveLength(5);
    await s.shutdown();
  }, 60_000);
});
