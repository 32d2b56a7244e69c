/**
 * A bounded map from system prompts to what was parsed from them: most applications send a handful of distinct system
 * prompts, so each is parsed once. Least recently used entries go first; long prompts are keyed by length and a hash.
 */

/** FNV-1a over UTF-16 code units. */
export function fnv1a(s: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < s.length; i++) {
    h ^= s.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}

const LONG_KEY = 2048;

export class BoundedCache<V> {
  private readonly map = new Map<string, V>();
  hits = 0;
  misses = 0;

  constructor(private readonly max: number) {}

  private key(text: string): string {
    return text.length <= LONG_KEY ? text : `${text.length}:${fnv1a(text)}:${text.slice(0, 64)}`;
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
