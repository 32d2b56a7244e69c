/** Everything `npm run gen:siem` writes, computed in memory so the drift test can compare it with the committed tree. */
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { CONTENT_ROOT, PLAYBOOKS_DIR, loadCatalog, type CatalogRule } from './catalog.js';
import { elasticFiles } from './elastic.js';
import { sigmaFiles } from './sigma.js';
import { APP_VERSION, SPLUNK_APP, SPLUNK_ES_APP, splunkApp, splunkFiles } from './splunk.js';
import { archiveName, writeAppArchive } from './splunk-package.js';

/** Folders whose every file is generated (stale files there are deleted by the generator and fail the drift test). */
export const GENERATED_DIRS = ['splunk', 'elastic', 'sigma'] as const;

export function loadPlaybooks(dir: string = PLAYBOOKS_DIR): Map<string, string> {
  const out = new Map<string, string>();
  for (const f of readdirSync(dir)
    .filter((x) => x.endsWith('.md'))
    .sort())
    out.set(f.slice(0, -3), readFileSync(join(dir, f), 'utf8'));
  return out;
}

export interface Archive {
  app: string;
  /** Path relative to siem-content/. */
  path: string;
  files: Map<string, string>;
}

export interface GeneratedContent {
  /** Text files keyed by path relative to siem-content/. */
  files: Map<string, string>;
  archives: Archive[];
}

export function generate(
  rules: readonly CatalogRule[] = loadCatalog(),
  playbooks: ReadonlyMap<string, string> = loadPlaybooks(),
): GeneratedContent {
  const files = new Map<string, string>();
  for (const [p, c] of splunkFiles(rules)) files.set(`splunk/${p}`, c);
  for (const [p, c] of elasticFiles(rules, playbooks)) files.set(`elastic/${p}`, c);
  for (const [p, c] of sigmaFiles(rules)) files.set(`sigma/${p}`, c);
  const archives = [SPLUNK_APP, SPLUNK_ES_APP].map((app) => ({
    app,
    path: `splunk/dist/${archiveName(app, APP_VERSION)}`,
    files: splunkApp(rules, app === SPLUNK_ES_APP),
  }));
  return { files, archives };
}

/** Files currently under the generated folders (relative to siem-content/). */
export function listGenerated(root: string = CONTENT_ROOT): string[] {
  const out: string[] = [];
  const walk = (rel: string): void => {
    const abs = join(root, rel);
    if (!existsSync(abs)) return;
    for (const e of readdirSync(abs, { withFileTypes: true })) {
      const p = `${rel}/${e.name}`;
      if (e.isDirectory()) walk(p);
      else out.push(p);
    }
  };
  for (const d of GENERATED_DIRS) walk(d);
  return out.sort();
}

export async function writeGenerated(content: GeneratedContent, root: string = CONTENT_ROOT): Promise<string[]> {
  const keep = new Set([...content.files.keys(), ...content.archives.map((a) => a.path)]);
  for (const p of listGenerated(root)) if (!keep.has(p)) rmSync(join(root, p));
  for (const [p, c] of content.files) {
    mkdirSync(dirname(join(root, p)), { recursive: true });
    writeFileSync(join(root, p), c);
  }
  for (const a of content.archives) await writeAppArchive(a.app, a.files, join(root, a.path));
  return [...keep].sort();
}
