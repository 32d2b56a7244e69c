/**
 * Writes dashboards/grafana/*.json from the code (`npm run gen:dashboards`), or with --check reports the files that
 * differ from what the code generates and exits 1 (the drift test does the same in-process).
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { DASHBOARDS, renderDashboard } from './index.js';

export const GRAFANA_DIR = join(dirname(fileURLToPath(import.meta.url)), '..', 'grafana');

function current(path: string): string | undefined {
  try {
    return readFileSync(path, 'utf8');
  } catch {
    return undefined;
  }
}

function main(args: string[]): number {
  const check = args.includes('--check');
  const stale: string[] = [];
  for (const spec of DASHBOARDS) {
    const path = join(GRAFANA_DIR, spec.file);
    const text = renderDashboard(spec.build());
    if (current(path) === text) continue;
    if (check) stale.push(spec.file);
    else writeFileSync(path, text);
  }
  if (stale.length > 0) {
    process.stderr.write(`dashboards out of date (run npm run gen:dashboards): ${stale.join(', ')}\n`);
    return 1;
  }
  if (!check) process.stdout.write(`wrote ${DASHBOARDS.length} dashboards to ${GRAFANA_DIR}\n`);
  return 0;
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1])
  process.exitCode = main(process.argv.slice(2));
