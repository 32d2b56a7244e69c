/**
 * Shared helpers of the own-row generators: a seeded random stream (mulberry32) and a JSONL writer into
 * processor/eval/. Every generator writes composed text only (no dataset text) and is reproducible from its seed.
 */
import { writeFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));
export const EVAL_DIR = resolve(here, '../../eval');

export interface OwnRow {
  id: string;
  text: string;
  label: 'attack' | 'benign' | 'harmful';
  family: string;
  channel: 'prompt';
  lang: string;
  system?: string;
}

export type Rng = () => number;

export function rng(seed: number): Rng {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export const pick = <T>(r: Rng, xs: readonly T[]): T => xs[Math.floor(r() * xs.length)];

/** Write rows as processor/eval/<name>.jsonl; ids are `<name>-<n>`. */
export function writeRows(name: string, rows: Omit<OwnRow, 'id' | 'channel'>[]): void {
  const lines = rows.map((r, i) =>
    JSON.stringify({ id: `${name}-${String(i + 1).padStart(4, '0')}`, channel: 'prompt', ...r }),
  );
  writeFileSync(resolve(EVAL_DIR, `${name}.jsonl`), lines.join('\n') + '\n');
  console.log(`wrote processor/eval/${name}.jsonl (${rows.length} rows)`);
}
