/** A trained network → the shipped model file (int8 embeddings with per-row scales, deflated; dense layers rounded). */
import { deflateSync } from 'node:zlib';
import { CHANNELS, CLASSES, type ClassifierFile } from '../../../src/detect/classifier/model.js';
import type { Net } from './network.js';

const round = (a: Float64Array) => Array.from(a, (x) => Number(x.toPrecision(6)));

export function encodeNet(
  net: Net,
  extra: Pick<ClassifierFile, 'temperature' | 'thresholds' | 'minTokens' | 'calibration' | 'trainedOn'>,
): ClassifierFile {
  const { bits, dim, hidden, blockTokens, orders, bigrams, symbols } = net.shape;
  const B = 1 << bits;
  const q = new Int8Array(B * dim);
  const scales = new Float32Array(B);
  for (let b = 0; b < B; b++) {
    let max = 0;
    for (let d = 0; d < dim; d++) max = Math.max(max, Math.abs(net.E[b * dim + d]));
    if (max === 0) continue;
    const s = max / 127;
    scales[b] = s;
    for (let d = 0; d < dim; d++) q[b * dim + d] = Math.round(net.E[b * dim + d] / s);
  }
  const raw = Buffer.concat([Buffer.from(q.buffer), Buffer.from(scales.buffer)]);
  return {
    format: 'tracehound-classifier',
    version: 1,
    classes: [...CLASSES],
    channels: [...CHANNELS],
    featureBits: bits,
    subwordOrders: [...orders],
    bigrams,
    symbols: symbols !== false,
    dim,
    hidden,
    blockTokens,
    minTokens: extra.minTokens,
    embedding: deflateSync(raw, { level: 9 }).toString('base64'),
    w1: round(net.w1),
    b1: round(net.b1),
    wc: round(net.wc),
    w2: round(net.w2),
    b2: round(net.b2),
    temperature: extra.temperature,
    thresholds: {
      prompt: Number(extra.thresholds.prompt.toPrecision(6)),
      document: Number(extra.thresholds.document.toPrecision(6)),
    },
    calibration: extra.calibration,
    trainedOn: extra.trainedOn,
  };
}
