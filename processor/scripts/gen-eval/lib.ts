/**
 * Shared helpers of the eval-row generators (processor/scripts/gen-eval/*.ts): a seeded RNG, picking, shuffling and
 * writing jsonl rows in the corpus shape (scripts/lib/corpus.ts). Every generator is deterministic for its seed.
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { OWN_DIR } from '../lib/corpus.js';

export type Rng = () => number;

/** mulberry32. */
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

export function pick<T>(r: Rng, xs: readonly T[]): T {
  return xs[Math.floor(r() * xs.length)];
}

export function shuffle<T>(r: Rng, xs: readonly T[]): T[] {
  const out = xs.slice();
  for (let i = out.length - 1; i > 0; i--) {
    const j = Math.floor(r() * (i + 1));
    [out[i], out[j]] = [out[j], out[i]];
  }
  return out;
}

export function sample<T>(r: Rng, xs: readonly T[], n: number): T[] {
  return shuffle(r, xs).slice(0, Math.min(n, xs.length));
}

export interface EvalRow {
  id: string;
  text: string;
  label: 'leak' | 'benign' | 'attack' | 'harmful';
  family: string;
  channel: 'output' | 'tool_call' | 'prompt';
  source: string;
  system?: string;
  request?: string;
  lang?: string;
}

/** Write rows to processor/eval/<file>.jsonl (one JSON object a line) and say how many. */
export function writeRows(file: string, rows: EvalRow[]): void {
  writeFileSync(join(OWN_DIR, `${file}.jsonl`), rows.map((r) => JSON.stringify(r)).join('\n') + '\n');
  const by = new Map<string, number>();
  for (const r of rows) by.set(r.label, (by.get(r.label) ?? 0) + 1);
  console.log(`${file}.jsonl: ${rows.length} rows (${[...by].map(([l, n]) => `${n} ${l}`).join(', ')})`);
}
