import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ALERTS_FILE, PROMETHEUS_DIR } from './support/alert-rules.js';

const hasPromtool = spawnSync('promtool', ['--version'], { stdio: 'ignore' }).status === 0;
if (!hasPromtool)
  console.warn(
    'promtool not found: skipping the alert-rule checks (.ci/run installs Debian\u2019s prometheus package, which provides it)',
  );

describe.skipIf(!hasPromtool)('alerting rules with promtool', () => {
  it('promtool check rules', () => {
    const r = spawnSync('promtool', ['check', 'rules', ALERTS_FILE], { encoding: 'utf8' });
    expect(r.status, r.stdout + r.stderr).toBe(0);
    expect(r.stdout).toContain('SUCCESS: 8 rules found');
  });

  it('promtool test rules (unit tests in prometheus/tests/)', () => {
    const r = spawnSync('promtool', ['test', 'rules', 'tracehound-alerts.test.yml'], {
      cwd: join(PROMETHEUS_DIR, 'tests'),
      encoding: 'utf8',
    });
    expect(r.status, r.stdout + r.stderr).toBe(0);
    expect(r.stdout).toContain('SUCCESS');
  });
});
