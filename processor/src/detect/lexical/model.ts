import { readFileSync } from 'node:fs';
import { DIM, FEATURE_BITS, featurize } from './features.js';

/** The shipped weights file (processor/models/lexical-injection.json). */
export interface LexicalWeightsFile {
  version: 2;
  featureBits: number;
  bias: number;
  /** Weights quantized to int8: w = q * scale. */
  scale: number;
  /** base64 of the Int8Array of length 2^featureBits. */
  weights: string;
  /** Probability at or above which the detector fires. */
  threshold: number;
  trainedOn: string;
  metrics?: Record<string, number | string>;
}

/** Logistic regression over hashed n-grams: one pass over the text, no allocation. */
export class LexicalModel {
  private constructor(
    private readonly w: Int8Array,
    private readonly scale: number,
    private readonly bias: number,
    readonly threshold: number,
  ) {}

  static fromFile(file: LexicalWeightsFile): LexicalModel {
    if (file.version !== 2 || file.featureBits !== FEATURE_BITS)
      throw new Error('lexical model: incompatible weights file');
    const bytes = Buffer.from(file.weights, 'base64');
    if (bytes.length !== DIM) throw new Error('lexical model: weights length mismatch');
    const w = new Int8Array(bytes.buffer, bytes.byteOffset, bytes.length);
    return new LexicalModel(w, file.scale, file.bias, file.threshold);
  }

  static load(path: string): LexicalModel {
    return LexicalModel.fromFile(JSON.parse(readFileSync(path, 'utf8')) as LexicalWeightsFile);
  }

  /** Probability that the (prepared) text is an injection or jailbreak attempt. */
  score(prepared: string): number {
    const { sum, n } = featurize(prepared, this.w);
    if (n === 0) return 0;
    const z = this.bias + (sum * this.scale) / Math.sqrt(n);
    return 1 / (1 + Math.exp(-z));
  }
}
