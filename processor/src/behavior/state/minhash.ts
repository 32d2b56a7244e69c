/**
 * MinHash signatures over word shingles. Words are scanned by hand (letters and digits, case-folded; no regular
 * expressions) and each shingle of k consecutive words is hashed once (murmur3-style finalizer). The signature is a
 * one-permutation MinHash: a second hash of the shingle picks one of numHashes bins, a third is the value whose minimum
 * the bin keeps, and empty bins borrow the value of a pseudo-randomly chosen non-empty bin (optimal densification,
 * Shrivastava 2017). Cost O(shingles + numHashes) instead of O(shingles × numHashes); estimated Jaccard similarity of
 * two texts is still the share of equal positions.
 */
export class MinHasher {
  private readonly binSeed: number;
  private readonly valueSeed: number;
  private readonly probeSeed: number;

  constructor(
    readonly numHashes: number,
    readonly shingleWords: number,
    seed = 0x9e3779b9,
  ) {
    let s = seed >>> 0;
    const next = () => (s = mix32((s + 0x6d2b79f5) >>> 0));
    this.binSeed = next();
    this.valueSeed = next();
    this.probeSeed = next();
  }

  /** Word hashes of text (at most maxChars scanned), as signed 32-bit integers. */
  words(text: string, maxChars: number): number[] {
    const out: number[] = [];
    const n = Math.min(text.length, maxChars);
    // Signed start value: the hash stays a V8 small integer throughout (an unsigned one is a heap double).
    const offset = 0x811c9dc5 | 0;
    let h = offset;
    let inWord = false;
    for (let i = 0; i < n; i++) {
      let c = text.charCodeAt(i);
      const word = (c >= 48 && c <= 57) || (c >= 65 && c <= 90) || (c >= 97 && c <= 122) || (c > 127 && !isSpace(c));
      if (word) {
        if (c >= 65 && c <= 90) c += 32;
        h = Math.imul(h ^ c, 0x01000193);
        inWord = true;
      } else if (inWord) {
        out.push(h);
        h = offset;
        inWord = false;
      }
    }
    if (inWord) out.push(h);
    return out;
  }

  /** The signature of a word-hash sequence (needs at least one word; no words gives the all-ones signature). */
  signature(words: number[]): Uint32Array {
    const n = this.numHashes;
    const sig = new Uint32Array(n).fill(0xffffffff);
    const filled = new Uint8Array(n);
    let any = false;
    const k = Math.min(this.shingleWords, words.length);
    for (let i = 0; k > 0 && i + k <= words.length; i++) {
      let sh = 0x27d4eb2f;
      for (let j = 0; j < k; j++) sh = mix32((sh ^ words[i + j]) >>> 0) + j;
      sh >>>= 0;
      const bin = Math.floor((mix32((sh ^ this.binSeed) >>> 0) * n) / 4294967296);
      const v = mix32((sh ^ this.valueSeed) >>> 0);
      if (v < sig[bin]) sig[bin] = v;
      filled[bin] = 1;
      any = true;
    }
    if (!any) return sig;
    // Densify: each empty bin takes the value of the first non-empty bin on its own fixed pseudo-random probe
    // sequence, so two texts with the same shingles in a region copy the same values (Jaccard stays unbiased).
    for (let b = 0; b < n; b++) {
      if (filled[b]) continue;
      let from = -1;
      for (let attempt = 0; attempt < 8 * n; attempt++) {
        const j = Math.floor(
          (mix32((Math.imul(b + 1, 0x9e3779b1) ^ Math.imul(attempt + 1, 0x85ebca6b) ^ this.probeSeed) >>> 0) * n) /
            4294967296,
        );
        if (filled[j]) {
          from = j;
          break;
        }
      }
      // Vanishingly rare (a handful of filled bins and an unlucky sequence): fall back to the next filled bin.
      for (let j = (b + 1) % n; from < 0; j = (j + 1) % n) if (filled[j]) from = j;
      sig[b] = sig[from];
    }
    return sig;
  }
}

export function similarity(a: Uint32Array, b: Uint32Array): number {
  let eq = 0;
  for (let i = 0; i < a.length; i++) if (a[i] === b[i]) eq++;
  return eq / a.length;
}

/**
 * LSH band keys: a hash of each band's rows, folded with the band index into 30 bits so the key is a V8 small integer
 * (heap-number Map keys are much slower). A rare cross-band collision only adds a candidate, which is then verified.
 */
export function bandKeys(sig: Uint32Array, bands: number): number[] {
  const rows = Math.floor(sig.length / bands);
  const keys: number[] = new Array(bands);
  for (let b = 0; b < bands; b++) {
    let h = 0x811c9dc5 ^ b;
    for (let r = 0; r < rows; r++) h = mix32((h ^ sig[b * rows + r]) >>> 0);
    keys[b] = mix32((h + b) >>> 0) & 0x3fffffff;
  }
  return keys;
}

function mix32(x: number): number {
  x ^= x >>> 16;
  x = Math.imul(x, 0x85ebca6b);
  x ^= x >>> 13;
  x = Math.imul(x, 0xc2b2ae35);
  x ^= x >>> 16;
  return x >>> 0;
}

function isSpace(c: number): boolean {
  return (
    c === 0xa0 ||
    c === 0x1680 ||
    (c >= 0x2000 && c <= 0x206f) ||
    c === 0x2028 ||
    c === 0x2029 ||
    c === 0x202f ||
    c === 0x205f ||
    c === 0x3000 ||
    c === 0xfeff
  );
}
