import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

/**
 * `npm run bench`: runs every processor/bench/*.bench.ts that exports `main(): Promise<{title, markdown}>`, prints
 * their sections and writes them to .tracehound/bench/benchmarks.md (not tracked). `npm run bench -- --write-docs`
 * also puts them into docs/benchmarks.md: each section replaces the one of the same title, the others are kept.
 */

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const benchDir = join(root, 'processor', 'bench');
const docPath = join(root, 'docs', 'benchmarks.md');
const outPath = join(root, '.tracehound', 'bench', 'benchmarks.md');

const HEADER =
  '# Benchmarks\n\nNumbers from `npm run bench` (not a test: nothing here gates CI). Re-run on your machine to compare.\n';

/** A section's key: its heading up to the first parenthesis ("Transport (OTLP …)" and "Transport" are one). */
const keyOf = (title: string): string => title.split(' (')[0].trim();

function sections(doc: string): Map<string, string> {
  const out = new Map<string, string>();
  for (const p of doc.split('\n## ').slice(1)) out.set(keyOf(p.slice(0, p.indexOf('\n'))), `## ${p.trimEnd()}\n`);
  return out;
}

function write(path: string, all: Map<string, string>): void {
  mkdirSync(dirname(path), { recursive: true });
  writeFileSync(path, `${HEADER}\n${[...all.values()].join('\n')}`);
  console.log(`wrote ${path}`);
}

async function run(writeDocs: boolean): Promise<void> {
  const files = readdirSync(benchDir)
    .filter((f) => f.endsWith('.bench.ts'))
    .sort();
  const results = new Map<string, string>();
  for (const f of files) {
    const mod = (await import(pathToFileURL(join(benchDir, f)).href)) as {
      main?: () => Promise<{ title: string; markdown: string }>;
    };
    if (typeof mod.main !== 'function') continue;
    console.log(`== ${f}`);
    const { title, markdown } = await mod.main();
    console.log(markdown.trimEnd());
    results.set(keyOf(title), markdown.trimEnd() + '\n');
  }
  write(outPath, results);
  if (!writeDocs) return;
  const doc = existsSync(docPath) ? sections(readFileSync(docPath, 'utf8')) : new Map<string, string>();
  for (const [key, markdown] of results) doc.set(key, markdown);
  write(docPath, doc);
}

await run(process.argv.includes('--write-docs'));
