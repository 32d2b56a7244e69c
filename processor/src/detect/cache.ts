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
