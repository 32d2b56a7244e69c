import { createHash } from 'node:crypto';

/**
 * A bounded map from system prompts to what a detector derives from them (restrictions, protected values, leak
 * facts): most applications send a handful of distinct system prompts, so each is parsed once per detector. Least
 * recently used entries go first. A long prompt is keyed by its length and SHA-256 rather than kept whole as a key,
 * so the memory held is bounded by the entry count; the digest is collision-resistant and over the UTF-16 code units
 * (lone surrogates included), so no crafted prompt can be served another prompt's parse.
 */

const LONG_KEY = 2048;

export class BoundedCache<V> {
  private readonly map = new Map<string, V>();
  hits = 0;
  misses = 0;

  constructor(private readonly max: number) {
    if (!Number.isInteger(max) || max < 1)
      throw new RangeError(`BoundedCache: max must be a positive integer (${max})`);
  }

  private key(text: string): string {
    return text.length <= LONG_KEY
      ? text
      : `${text.length}:${createHash('sha256').update(Buffer.from(text, 'utf16le')).digest('base64')}`;
  }

  get(text: string, make: (text: string) => V): V {
    const k = this.key(text);
    const v = this.map.get(k);
    if (v !== undefined) {
      this.hits++;
      // Re-insert: Map iteration order is insertion order, so the first key is the least recently used.
      this.map.delete(k);
      this.map.set(k, v);
      return v;
    }
    this.misses++;
    const made = make(text);
    this.map.set(k, made);
    if (this.map.size > this.max) this.map.delete(this.map.keys().next().value as string);
    return made;
  }

  get size(): number {
    return this.map.size;
  }
}

/**
 * What a detector computed from a text, kept for the texts seen last: several detectors (and the spans of one
 * application) read the same prompt, so it is computed once while recent. Bounded by the characters of the texts
 * kept (the keys are the texts themselves); the oldest inserted goes first; a text longer than the bound is not kept.
 */
export class RecentTextCache<V> {
  private readonly map = new Map<string, V>();
  private chars = 0;

  constructor(private readonly maxChars: number) {}

  get(text: string): V | undefined {
    return this.map.get(text);
  }

  set(text: string, value: V): void {
    if (text.length > this.maxChars) return;
    while (this.chars + text.length > this.maxChars && this.map.size > 0) {
      const oldest = this.map.keys().next().value as string;
      this.map.delete(oldest);
      this.chars -= oldest.length;
    }
    this.map.set(text, value);
    this.chars += text.length;
  }
}
