import { readFileSync, statSync } from 'node:fs';
import { parse as parseYaml } from 'yaml';
import type { Suppression } from '../detect/config.js';
import { silentLogger, type Logger } from '../log/logger.js';
import { parseSuppressionList } from './suppression-parse.js';

/** Where the engine takes its suppressions (Engine.suppressions). */
export interface SuppressionTarget {
  replace(list: Suppression[]): void;
}

export type SuppressionSource = 'config' | 'file' | 'api';

/** Where API suppressions are kept across restarts (the findings store). */
export interface SuppressionPersistence {
  loadSuppressions(): Suppression[];
  saveSuppression(s: Suppression): void;
  removeSuppression(id: string): void;
}

export interface SuppressionManagerOptions {
  /** detection.suppressions from the configuration (always applied). */
  base: Suppression[];
  file?: string;
  /** mtime poll interval (seconds); 0 disables polling. */
  pollSeconds: number;
  maxApi: number;
  /** API suppressions are loaded from here at start and written through on add and remove. */
  persistence?: SuppressionPersistence;
  logger?: Logger;
  /** Injectable file access and timer for tests. */
  fs?: { read(path: string): string; mtimeMs(path: string): number | undefined };
  setInterval?: (fn: () => void, ms: number) => { unref?(): unknown };
  clearInterval?: (t: unknown) => void;
}

const nodeFs = {
  read: (p: string) => readFileSync(p, 'utf8'),
  mtimeMs(p: string): number | undefined {
    try {
      return statSync(p).mtimeMs;
    } catch {
      return undefined;
    }
  },
};

/**
 * The analysts' suppressions from three sources, merged and applied to later scoring: the configuration, a file
 * (loaded at start, on reload() — SIGHUP — and when its mtime changes) and the review API (bounded; persisted when a SuppressionPersistence is given).
 * On an id clash the configuration wins, then the file. An invalid file keeps the previous file list in force.
 */
export class SuppressionManager {
  private fileList: Suppression[] = [];
  private readonly api = new Map<string, Suppression>();
  private target?: SuppressionTarget;
  private lastMtime: number | undefined;
  private timer: unknown;
  private readonly fs: NonNullable<SuppressionManagerOptions['fs']>;
  private readonly logger: Logger;

  constructor(private readonly opts: SuppressionManagerOptions) {
    this.fs = opts.fs ?? nodeFs;
    this.logger = (opts.logger ?? silentLogger).child({ component: 'suppressions' });
  }

  /** Attach to the engine, load the file and start polling it. */
  start(target: SuppressionTarget): void {
    this.target = target;
    for (const s of this.opts.persistence?.loadSuppressions() ?? [])
      if (this.api.size < this.opts.maxApi) this.api.set(s.id, s);
    this.reload();
    if (this.opts.file && this.opts.pollSeconds > 0) {
      const set = this.opts.setInterval ?? ((fn: () => void, ms: number) => setInterval(fn, ms));
      const t = set(() => this.poll(), this.opts.pollSeconds * 1000);
      t.unref?.();
      this.timer = t;
    }
  }

  stop(): void {
    if (this.timer === undefined) return;
    (this.opts.clearInterval ?? ((t: unknown) => clearInterval(t as NodeJS.Timeout)))(this.timer);
    this.timer = undefined;
  }

  /** Re-read the file whatever its mtime (SIGHUP). Returns false when the file is unreadable or invalid. */
  reload(): boolean {
    const ok = this.loadFile();
    this.apply();
    return ok;
  }

  /** Reload when the file's mtime changed since the last load. */
  poll(): void {
    if (!this.opts.file) return;
    const m = this.fs.mtimeMs(this.opts.file);
    if (m !== undefined && m !== this.lastMtime) this.reload();
  }

  /** Add a suppression from the API (an id already in use by any source is a conflict). */
  add(s: Suppression): { ok: true } | { ok: false; reason: 'conflict' | 'full' } {
    if (this.api.has(s.id) || this.opts.base.some((b) => b.id === s.id) || this.fileList.some((f) => f.id === s.id))
      return { ok: false, reason: 'conflict' };
    if (this.api.size >= this.opts.maxApi) return { ok: false, reason: 'full' };
    this.opts.persistence?.saveSuppression(s);
    this.api.set(s.id, s);
    this.apply();
    return { ok: true };
  }

  /** Remove an API suppression (configuration and file entries are changed at their source). */
  remove(id: string): boolean {
    const had = this.api.delete(id);
    if (had) {
      this.opts.persistence?.removeSuppression(id);
      this.apply();
    }
    return had;
  }

  list(): Array<Suppression & { source: SuppressionSource }> {
    const out: Array<Suppression & { source: SuppressionSource }> = [];
    const seen = new Set<string>();
    const push = (list: Iterable<Suppression>, source: SuppressionSource) => {
      for (const s of list) {
        if (seen.has(s.id)) continue;
        seen.add(s.id);
        out.push({ ...s, source });
      }
    };
    push(this.opts.base, 'config');
    push(this.fileList, 'file');
    push(this.api.values(), 'api');
    return out;
  }

  private apply(): void {
    if (!this.target) return;
    this.target.replace(this.list().map(({ source: _s, ...s }) => s));
  }

  private loadFile(): boolean {
    const file = this.opts.file;
    if (!file) return true;
    this.lastMtime = this.fs.mtimeMs(file);
    let doc: unknown;
    try {
      doc = parseYaml(this.fs.read(file));
    } catch (err) {
      this.logger.warn(
        { code: 'TH_CONFIG_FILE', file, error: (err as Error).name },
        'cannot read the suppressions file; keeping the previous list',
      );
      return false;
    }
    const parsed = parseSuppressionList(doc);
    if (!parsed.ok) {
      this.logger.warn(
        { code: 'TH_CONFIG_INVALID', file, problem: parsed.error },
        'invalid suppressions file; keeping the previous list',
      );
      return false;
    }
    this.fileList = parsed.value;
    this.logger.info({ file, count: parsed.value.length }, 'suppressions file loaded');
    return true;
  }
}
