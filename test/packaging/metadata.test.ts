/**
 * Publishing metadata of the three published packages (docs/release.md): what npm and users read before they install
 * (repository, licence, homepage, keywords), what the module system reads (exports with types, sideEffects), what ships
 * (files), and one version for the three, pinned exactly between them.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const root = fileURLToPath(new URL('../../', import.meta.url));
const read = (file: string) => readFileSync(join(root, file), 'utf8');
const manifest = (dir: string) => JSON.parse(read(`${dir}/package.json`));
const PUBLISHED = ['core', 'processor', 'instrumentation'] as const;

describe('package metadata', () => {
  const rootManifest = manifest('.');
  const packages = PUBLISHED.map((dir) => ({ dir, pkg: manifest(dir) }));
  const version = packages[0].pkg.version;
  const repoUrl = packages[0].pkg.repository?.url;

  it.each(packages)(
    '$dir: repository with its directory, licence, homepage, bugs, keywords, engines',
    ({ dir, pkg }) => {
      expect(pkg.name).toBe(`@tracehound/${dir}`);
      expect(pkg.description?.length).toBeGreaterThan(20);
      expect(pkg.keywords?.length).toBeGreaterThan(3);
      expect(pkg.license).toBe('Apache-2.0');
      expect(pkg.repository).toEqual({ type: 'git', url: repoUrl, directory: dir });
      expect(repoUrl).toMatch(/^git\+https:\/\/github\.com\/[^/]+\/[^/]+\.git$/);
      const web = repoUrl.replace(/^git\+/, '').replace(/\.git$/, '');
      expect(pkg.homepage).toBe(`${web}/tree/main/${dir}#readme`);
      expect(pkg.bugs).toEqual({ url: `${web}/issues` });
      expect(pkg.engines).toEqual(rootManifest.engines);
      expect(pkg.type).toBe('module');
      expect(pkg.publishConfig).toEqual({ access: 'public' });
      expect(pkg.scripts?.prepack, 'the tarball is built fresh').toBe('tsc -b');
      expect(pkg.private).toBeUndefined();
    },
  );

  it.each(packages)(
    '$dir: every export has types first and a default, both existing after the build',
    ({ dir, pkg }) => {
      expect(pkg.exports['./package.json']).toBe('./package.json');
      for (const [entry, target] of Object.entries(pkg.exports)) {
        if (entry === './package.json') continue;
        const t = target as Record<string, string>;
        const keys = Object.keys(t).filter((k) => k !== '@tracehound/source');
        expect(keys, `${dir} ${entry}`).toEqual(['types', 'default']);
        expect(t.types).toBe(t.default.replace(/\.js$/, '.d.ts'));
        expect(t['@tracehound/source']).toBe(t.default.replace(/^\.\/dist\//, './src/').replace(/\.js$/, '.ts'));
        expect(existsSync(join(root, dir, t['@tracehound/source'])), `${dir} ${entry} source`).toBe(true);
      }
      expect(pkg.main).toBe(pkg.exports['.'].default);
      expect(pkg.types).toBe(pkg.exports['.'].types);
    },
  );

  it.each(packages)('$dir: files, sideEffects and LICENSE', ({ dir, pkg }) => {
    for (const f of ['dist', 'src', 'README.md', 'LICENSE']) expect(pkg.files, `${dir} files`).toContain(f);
    for (const f of pkg.files) if (f !== 'dist') expect(existsSync(join(root, dir, f)), `${dir}/${f}`).toBe(true);
    // false, or the modules that do something on import (the CLI, the --import hook), as their sources name them.
    if (pkg.sideEffects !== false) {
      expect(Array.isArray(pkg.sideEffects), `${dir} sideEffects`).toBe(true);
      for (const f of pkg.sideEffects as string[]) {
        const source = f.startsWith('./dist/') ? f.replace(/^\.\/dist\//, './src/').replace(/\.js$/, '.ts') : f;
        expect(existsSync(join(root, dir, source)), `${dir} sideEffects ${f}`).toBe(true);
      }
    }
    expect(read(`${dir}/LICENSE`), `${dir}/LICENSE is the repository's`).toBe(read('LICENSE'));
    expect(read(`${dir}/README.md`)).toContain(`# @tracehound/${dir}`);
  });

  it('one version for the three packages, pinned exactly between them and in the code', () => {
    for (const { pkg } of packages) expect(pkg.version).toBe(version);
    const processor = packages.find((p) => p.dir === 'processor')!.pkg;
    const instrumentation = packages.find((p) => p.dir === 'instrumentation')!.pkg;
    expect(processor.dependencies['@tracehound/core']).toBe(version);
    expect(instrumentation.dependencies['@tracehound/core']).toBe(version);
    expect(instrumentation.peerDependencies['@tracehound/processor']).toBe(version);
    expect(instrumentation.peerDependenciesMeta['@tracehound/processor']).toEqual({ optional: true });
    // The instrumentation names itself (tracer scope version) with a constant, so bundlers need no package.json.
    expect(read('instrumentation/src/version.ts')).toContain(`PACKAGE_VERSION = '${version}'`);
    const lock = JSON.parse(read('package-lock.json'));
    for (const dir of PUBLISHED) expect(lock.packages[dir]?.version, `package-lock.json ${dir}`).toBe(version);
  });

  it('the instrumentation keeps the server out: OpenTelemetry API as a peer, no processor dependency', () => {
    const instrumentation = packages.find((p) => p.dir === 'instrumentation')!.pkg;
    expect(Object.keys(instrumentation.dependencies).sort()).not.toContain('@tracehound/processor');
    expect(instrumentation.peerDependencies['@opentelemetry/api']).toBeDefined();
    expect(instrumentation.dependencies['@opentelemetry/api']).toBeUndefined();
  });

  it('the root, the SIEM content and the dashboards are never published', () => {
    for (const dir of ['.', 'siem-content', 'dashboards']) expect(manifest(dir).private, dir).toBe(true);
    expect(rootManifest.license).toBe('Apache-2.0');
  });
});
