import { existsSync, readdirSync, statSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

/**
 * The compiled detection worker (processor/dist/engine/pool/worker.js) when a build exists and every source file of
 * processor/src and core/src has a compiled file at least as new; benchmarks then start their workers from it, as the
 * service does, instead of from the TypeScript sources through tsx (about 25 MiB more per worker). `which` says which
 * one, for the output.
 */
export function compiledWorker(): { url?: URL; which: string } {
  const js = new URL('../dist/engine/pool/worker.js', import.meta.url);
  if (!existsSync(fileURLToPath(js))) return { which: 'the TypeScript sources through tsx (no build)' };
  for (const pkg of ['../', '../../core/'])
    if (
      stale(fileURLToPath(new URL(`${pkg}src`, import.meta.url)), fileURLToPath(new URL(`${pkg}dist`, import.meta.url)))
    )
      return { which: 'the TypeScript sources through tsx (the build is older than the sources: npm run build)' };
  return { url: js, which: 'the compiled worker.js (processor/dist)' };
}

/** A .ts file under src whose .js under dist is missing or older. */
function stale(src: string, dist: string): boolean {
  if (!existsSync(src)) return false;
  for (const e of readdirSync(src, { withFileTypes: true })) {
    const s = `${src}/${e.name}`;
    if (e.isDirectory()) {
      if (stale(s, `${dist}/${e.name}`)) return true;
    } else if (e.name.endsWith('.ts') && !e.name.endsWith('.d.ts')) {
      const d = `${dist}/${e.name.slice(0, -3)}.js`;
      if (!existsSync(d) || statSync(d).mtimeMs < statSync(s).mtimeMs) return true;
    }
  }
  return false;
}
