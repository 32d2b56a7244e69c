import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { formatProblem, type ConfigProblem } from '../../src/config/index.js';
import { run } from './harness.js';

const invalid = fileURLToPath(new URL('../config/invalid/', import.meta.url));
const files = readdirSync(invalid)
  .filter((f) => f.endsWith('.yaml'))
  .sort();

/** The problem lines serve prints before refusing to start. */
const serveProblems = (stderr: string) =>
  stderr
    .split('\n')
    .filter((l) => l.startsWith('  '))
    .map((l) => l.slice(2));

describe('validate-config runs exactly the start-up checks of serve', () => {
  it('has the start-up refusals among the fixtures', () => {
    expect(files).toEqual(expect.arrayContaining(['response-api-without-token.yaml', 'archive-key-file-missing.yaml']));
  });

  it.each(files)('%s: same verdict and the same problems from both', async (f) => {
    const file = join(invalid, f);
    const checked = await run(['validate-config', '--json', file]);
    const report = JSON.parse(checked.stdout) as { valid: boolean; problems: ConfigProblem[] };
    expect(checked.code).toBe(1);
    expect(report.valid).toBe(false);
    // Only an invalid file reaches serve here: a valid one would start listening.
    const served = await run(['serve', '--config', file]);
    expect(served.code).toBe(1);
    expect(served.stdout).not.toContain('listening');
    expect(report.problems.length).toBeGreaterThan(0);
    expect(serveProblems(served.stderr)).toEqual(report.problems.map(formatProblem));
  });
});
