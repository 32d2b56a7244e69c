/**
 * What the context generators (context-conflicts.ts, context-documents.ts) share: a seeded random stream, picking and
 * filling templates, and writing a jsonl file of own rows (processor/eval/<name>.jsonl). All text is composed for
 * this project; nothing comes from a dataset.
 */
import { createHash } from 'node:crypto';
import { writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));
export const OWN_EVAL_DIR = resolve(here, '../../eval');

/** mulberry32: a small, well-mixed 32-bit generator; the same seed gives the same rows on every machine. */
export function rng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export function pick<T>(r: () => number, xs: readonly T[]): T {
  return xs[Math.floor(r() * xs.length)];
}

/** k distinct elements (or all of them when there are fewer), in random order. */
export function sample<T>(r: () => number, xs: readonly T[], k: number): T[] {
  const a = xs.slice();
  for (let i = a.length - 1; i > 0; i--) {
    const j = Math.floor(r() * (i + 1));
    [a[i], a[j]] = [a[j], a[i]];
  }
  return a.slice(0, Math.min(k, a.length));
}

/** Replace {slot} markers; a missing slot is an error in the generator, not a silent blank. */
export function fill(template: string, slots: Record<string, string>): string {
  return template.replace(/\{(\w+)\}/g, (_, k: string) => {
    const v = slots[k];
    if (v === undefined) throw new Error(`template slot {${k}} has no value: ${template}`);
    return v;
  });
}

/** One own row before it is written (its id is derived from its content). */
export interface OwnRow {
  text: string;
  label: 'attack' | 'benign';
  family: string;
  channel: 'prompt' | 'document' | 'tool_result';
  source: string;
  lang: string;
  system?: string;
  request?: string;
}

/** Write rows (deduplicated on system + request + text) with stable ids derived from their content. */
export function writeRows(name: string, rows: OwnRow[]): number {
  const seen = new Set<string>();
  const out: string[] = [];
  for (const row of rows) {
    const key = `${row.system ?? ''}\u0000${row.request ?? ''}\u0000${row.text}`;
    if (seen.has(key)) continue;
    seen.add(key);
    const id = `${name}-${createHash('sha1').update(key).digest('hex').slice(0, 10)}`;
    const ordered: Record<string, unknown> = {
      id,
      text: row.text,
      label: row.label,
      family: row.family,
      channel: row.channel,
      source: row.source,
      lang: row.lang,
    };
    if (row.system !== undefined) ordered.system = row.system;
    if (row.request !== undefined) ordered.request = row.request;
    out.push(JSON.stringify(ordered));
  }
  writeFileSync(join(OWN_EVAL_DIR, `${name}.jsonl`), `${out.join('\n')}\n`);
  return out.length;
}
