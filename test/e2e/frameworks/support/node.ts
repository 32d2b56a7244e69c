/**
 * Whether this Node runs a setup's packages: every installed package's declared `engines.node` must accept it.
 * The newest majors of `ai`, `openai` and `@langchain/openai` declare Node >= 22; their suites run where that holds
 * (CI runs the whole suite on Node 24 too, `.ci/run`).
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import semver from 'semver';

/** The repository root: every setup's packages are root devDependencies. */
const ROOT = fileURLToPath(new URL('../../../../', import.meta.url));

function manifest(pkg: string): { engines?: { node?: string } } {
  return JSON.parse(readFileSync(join(ROOT, 'node_modules', pkg, 'package.json'), 'utf8')) as {
    engines?: { node?: string };
  };
}

export function nodeSupports(packages: readonly string[]): { ok: boolean; needs: string } {
  const ranges = packages.map((p) => manifest(p).engines?.node).filter((r): r is string => !!r);
  const failing = ranges.filter((r) => !semver.satisfies(process.versions.node, r));
  return { ok: failing.length === 0, needs: failing.join(' and ') };
}
