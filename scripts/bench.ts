import { readdirSync, readFileSync, writeFileSync, existsSync, mkdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

/**
 * `npm run bench`: runs every processor/bench/*.bench.ts that exports `main(): Promise<{title, markdown}>` and writes
 * their sections into docs/benchmarks.md. Sections are replaced by title; anything else in the file (such as the
 * "Detection pipeline" section) is kept.
 */

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const benchDir = join(root, 'processor', 'bench');
const docPath = join(root, 'docs', 'benchmarks.md');

const HEADER =
  '# Benchmarks\n\nNumbers from `npm run bench` (not a test: nothing here gates CI). Re-run on your machine to compare.\n';
const DETECTION_PLACEHOLDER =
  '## Detection pipeline\n\n_To be filled by the detection benchmark: pass `stages` to `runServiceBench()` from processor/bench/transport.bench.ts._\n';

function sections(doc: string): Map<string, string> {
  const out = new Map<string, string>();
  const parts = doc.split('\n## ');
  for (const p of parts.slice(1)) {
    const title = p.slice(0, p.indexOf('\n')).trim();
    out.set(title.split(' (')[0], `## ${p.trimEnd()}\n`);
  }
  return out;
}

async function run(): Promise<void> {
  const files = readdirSync(benchDir)
    .filter((f) => f.endsWith('.bench.ts'))
    .sort();
  const existing = existsSync(docPath) ? sections(readFileSync(docPath, 'utf8')) : new Map<string, string>();
  for (const f of files) {
    const mod = (await import(pathToFileURL(join(benchDir, f)).href)) as {
      main?: () => Promise<{ title: string; markdown: string }>;
    };
    if (typeof mod.main !== 'function') continue;
    console.log(`== ${f}`);
    const { title, markdown } = await mod.main();
    existing.set(title, markdown.trimEnd() + '\n');
  }
  if (![...existing.keys()].some((k) => k.startsWith('Detection pipeline')))
    existing.set('Detection pipeline', DETECTION_PLACEHOLDER);
  mkdirSync(dirname(docPath), { recursive: true });
  writeFileSync(docPath, `${HEADER}\n${[...existing.values()].join('\n')}`);
  console.log(`wrote ${docPath}`);
}

await run();
