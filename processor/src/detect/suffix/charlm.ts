/**
 * A character-level language model of human text: interpolated Kneser-Ney over normalized code points (alphabet.ts),
 * orders 1..N, shipped as two hashed tables with 16-bit fingerprints and log-quantized values
 * (processor/models/char-lm.json, written by scripts/train/char-lm.ts).
 *
 * For order k the probability of c after the context h (the k-1 preceding code points) is
 *   P_k(c | h) = a_k(h, c) + g_k(h) · P_{k-1}(c | h')
 * where a_k is the discounted relative frequency and g_k the mass left to the shorter context h'. The pair table holds
 * a_k(h, c) for the n-grams the trainer kept; the context table holds g_k(h). An unseen context passes the lower order
 * through unchanged; a seen context without the pair contributes only g_k(h) · P_{k-1}. The unigram level mixes the
 * known code points with a uniform share for unseen ones.
 *
 * Cost per scored character: N-1 context and N-1 pair probes (≤ PROBES slots each). The detector scores only the
 * regions its cheap pre-pass marks (windows.ts), so ordinary prose never reaches this code.
 */
import { BOS, SCRIPT_COUNT } from './alphabet.js';

/** The weights file. */
export interface CharLmFile {
  version: 1;
  /** Highest n-gram order (context length + 1). */
  order: number;
  /** log2 of the pair and context table sizes (slots). */
  pairBits: number;
  ctxBits: number;
  /** Quantization of table values: q means 2^(-q / qstep); QMAX means zero. */
  qstep: number;
  /** base64 of the little-endian Uint16 slots of each table. */
  pairs: string;
  contexts: string;
  /** Unigram level: known code points (delta-encoded, ascending) and their quantized probabilities (base64 bytes). */
  unigramCps: number[];
  unigramQ: string;
  /** Probability mass (of the unigram level) left for code points the model never saw, and how many it assumes. */
  unseenMass: number;
  unseenCount: number;
  /** Per script class: mean and standard deviation of per-character surprisal (bits) on held-out training text,
   * and how many characters of that class the model was trained on. */
  scripts: Array<{ mean: number; sd: number; chars: number }>;
  trainedOn: string;
  metrics?: Record<string, number | string>;
}

/** The shipped file: the full code-point model and the shape model (alphabet.ts shapeOf), trained on the same text. */
export interface SuffixLmFile {
  version: 1;
  full: CharLmFile;
  shape: CharLmFile;
  trainedOn: string;
}

export const PROBES = 8;
/** Unigram probabilities are stored one byte each at 1/8-bit resolution. */
export const UNIGRAM_QSTEP = 8;
const DIRECT = 0x3000;

/** One step of the left-extending n-gram hash: two independent 32-bit lanes. */
export function extend1(h: number, c: number): number {
  let x = Math.imul(h ^ c, 0x9e3779b1);
  x ^= x >>> 15;
  x = Math.imul(x, 0x85ebca77);
  return (x ^ (x >>> 13)) >>> 0;
}
export function extend2(h: number, c: number): number {
  let x = Math.imul(h ^ c, 0xc2b2ae3d);
  x ^= x >>> 16;
  x = Math.imul(x, 0x27d4eb2f);
  return (x ^ (x >>> 15)) >>> 0;
}

/** Lane seeds: n-gram keys (context + next character) and context keys live in different tables but hash alike. */
export const SEED1 = 0x243f6a88;
export const SEED2 = 0x85a308d3;

/** Slot index and 10-bit fingerprint (never 0: 0 marks an empty slot) of a key (h1, h2). */
export function slotOf(h1: number, bits: number): number {
  return h1 >>> (32 - bits);
}
export function fingerprintOf(h2: number): number {
  return h2 & 0x3ff || 1;
}

/** Values of table slots: 6 bits, q meaning 2^(-q / qstep). */
export const QMAX = 63;

/**
 * A hashed table of quantized values: one 16-bit slot per entry, fingerprint in the top 10 bits and value in the low
 * 6; linear probing over at most PROBES slots.
 */
export class QTable {
  readonly slots: Uint16Array;
  readonly mask: number;
  constructor(
    readonly bits: number,
    slots?: Uint16Array,
  ) {
    this.slots = slots ?? new Uint16Array(1 << bits);
    this.mask = (1 << bits) - 1;
  }

  /** The stored value for the key, or -1. */
  get(h1: number, h2: number): number {
    const fp = fingerprintOf(h2);
    let i = slotOf(h1, this.bits);
    for (let p = 0; p < PROBES; p++) {
      const v = this.slots[i];
      if (v === 0) return -1;
      if (v >>> 6 === fp) return v & QMAX;
      i = (i + 1) & this.mask;
    }
    return -1;
  }

  /** Insert (trainer); false when the probe run is full. */
  put(h1: number, h2: number, q: number): boolean {
    const fp = fingerprintOf(h2);
    let i = slotOf(h1, this.bits);
    for (let p = 0; p < PROBES; p++) {
      const v = this.slots[i];
      if (v === 0 || v >>> 6 === fp) {
        this.slots[i] = (fp << 6) | (q & QMAX);
        return true;
      }
      i = (i + 1) & this.mask;
    }
    return false;
  }

  encode(): string {
    return Buffer.from(this.slots.buffer, this.slots.byteOffset, this.slots.byteLength).toString('base64');
  }

  static decode(bits: number, b64: string): QTable {
    const buf = Buffer.from(b64, 'base64');
    const n = 1 << bits;
    if (buf.length !== n * 2) throw new Error('char-lm: table size mismatch');
    const slots = new Uint16Array(n);
    for (let i = 0; i < n; i++) slots[i] = buf[2 * i] | (buf[2 * i + 1] << 8);
    return new QTable(bits, slots);
  }
}

/** Probability → quantized value in [0, max] (max stands for "zero"). */
export function quantize(p: number, qstep: number, max = QMAX): number {
  if (p <= 0) return max;
  return Math.max(0, Math.min(max, Math.round(-Math.log2(p) * qstep)));
}

export class CharLm {
  readonly order: number;
  private readonly pairs: QTable;
  private readonly ctx: QTable;
  private readonly dequant: Float64Array;
  /** Unigram probabilities: code points below DIRECT in an array, the rest in a map. */
  private readonly direct = new Float64Array(DIRECT);
  private readonly unigram = new Map<number, number>();
  private readonly unseen: number;
  /** Script statistics (mean, sd, trained chars) by script class. */
  readonly scriptMean: Float64Array;
  readonly scriptSd: Float64Array;
  readonly scriptChars: Float64Array;
  // Scratch for one position's context hashes (orders 2..N).
  private readonly c1: Uint32Array;
  private readonly c2: Uint32Array;

  constructor(file: CharLmFile) {
    if (file.version !== 1 || file.order < 2 || file.order > 8) throw new Error('char-lm: incompatible weights file');
    this.order = file.order;
    this.pairs = QTable.decode(file.pairBits, file.pairs);
    this.ctx = QTable.decode(file.ctxBits, file.contexts);
    this.dequant = new Float64Array(QMAX + 1);
    for (let q = 0; q <= QMAX; q++) this.dequant[q] = q === QMAX ? 0 : Math.pow(2, -q / file.qstep);
    const uq = Buffer.from(file.unigramQ, 'base64');
    let cp = 0;
    file.unigramCps.forEach((d, i) => {
      cp += d;
      const p = Math.pow(2, -uq[i] / UNIGRAM_QSTEP);
      if (cp < DIRECT) this.direct[cp] = p;
      else this.unigram.set(cp, p);
    });
    this.unseen = file.unseenMass / Math.max(1, file.unseenCount);
    this.scriptMean = new Float64Array(SCRIPT_COUNT);
    this.scriptSd = new Float64Array(SCRIPT_COUNT);
    this.scriptChars = new Float64Array(SCRIPT_COUNT);
    file.scripts.forEach((s, i) => {
      if (i >= SCRIPT_COUNT) return;
      this.scriptMean[i] = s.mean;
      this.scriptSd[i] = s.sd;
      this.scriptChars[i] = s.chars;
    });
    this.c1 = new Uint32Array(this.order);
    this.c2 = new Uint32Array(this.order);
  }

  /**
   * Surprisal in bits of cps[i] for every i in [from, to), written to out[i]. Context before `from` is read from cps
   * (positions < 0 are start-of-text). Linear: O((to - from) · order).
   */
  surprisal(cps: Int32Array, from: number, to: number, out: Float64Array): void {
    const N = this.order;
    const c1 = this.c1;
    const c2 = this.c2;
    for (let i = from; i < to; i++) {
      const c = cps[i];
      let p = c < DIRECT ? this.direct[c] || this.unseen : (this.unigram.get(c) ?? this.unseen);
      // Context hashes for lengths 1..N-1, extending leftwards from i-1; n-gram hashes from c then leftwards.
      let h1 = SEED1;
      let h2 = SEED2;
      let g1 = extend1(SEED1 ^ 0x5bd1e995, c);
      let g2 = extend2(SEED2 ^ 0x5bd1e995, c);
      for (let k = 1; k < N; k++) {
        const x = i - k >= 0 ? cps[i - k] : BOS;
        h1 = extend1(h1, x);
        h2 = extend2(h2, x);
        g1 = extend1(g1, x);
        g2 = extend2(g2, x);
        c1[k] = h1;
        c2[k] = h2;
        const gq = this.ctx.get(h1, h2);
        if (gq < 0) break; // a longer context of an unseen one is unseen too
        const aq = this.pairs.get(g1, g2);
        const a = aq < 0 ? 0 : this.dequant[aq];
        p = a + this.dequant[gq] * p;
      }
      out[i] = p > 0 ? -Math.log2(p) : 32;
    }
  }
}
