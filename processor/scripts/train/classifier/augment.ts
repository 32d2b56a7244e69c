/**
 * Composed injected documents, built at training time from the training rows themselves (nothing is stored): a
 * benign carrier (a clean document or a benign model output) with one injection or extraction instruction (a
 * training attack prompt) placed at its start, middle (nearest sentence or paragraph break) or end, as a plain
 * sentence, its own paragraph, an HTML comment or a quoted note. They teach the document channel that an instruction
 * to the assistant inside ordinary prose is the attack, whatever the carrier, in every language the payloads come in.
 * Each composed document belongs to its payload's source group, so held-out groups stay held out.
 */
import { rowFeatures, type FeatureSpec } from '../../../src/detect/classifier/features.js';
import { CLASSES } from '../../../src/detect/classifier/model.js';
import { prepareString } from '../../../src/detect/injection/prepare.js';
import { DEFAULT_MAX_CHARS } from '../../../src/detect/injection/signals.js';
import type { Example } from './examples.js';
import type { Rng } from './network.js';

const WRAPPERS: ReadonlyArray<(p: string) => string> = [
  (p) => p,
  (p) => `\n\n${p}\n\n`,
  (p) => `<!-- ${p} -->`,
  (p) => `\n> ${p}\n`,
];

function breakNear(text: string, at: number): number {
  let best = -1;
  const re = /[.!?。！？]\s+|\n/g;
  for (let m = re.exec(text); m; m = re.exec(text)) {
    const pos = m.index + m[0].length;
    if (best < 0 || Math.abs(pos - at) < Math.abs(best - at)) best = pos;
  }
  return best < 0 ? text.length : best;
}

export function composeDocuments(examples: readonly Example[], count: number, r: Rng, spec: FeatureSpec): Example[] {
  const injection = CLASSES.indexOf('injection');
  const extraction = CLASSES.indexOf('extraction');
  const carriers = examples.filter((e) => e.y === 0 && e.channel === 1 && e.benignKind !== 'hard');
  const payloads = examples.filter((e) => (e.y === injection || e.y === extraction) && e.channel === 0);
  if (carriers.length === 0 || payloads.length === 0) return [];
  const out: Example[] = [];
  for (let i = 0; i < count; i++) {
    const carrier = carriers[Math.floor(r() * carriers.length)].row.text;
    const payload = payloads[Math.floor(r() * payloads.length)];
    const wrapped = WRAPPERS[Math.floor(r() * WRAPPERS.length)](payload.row.text.trim());
    const where = r();
    const at = where < 0.3 ? 0 : where < 0.6 ? breakNear(carrier, carrier.length / 2) : carrier.length;
    const text = `${carrier.slice(0, at)}${at > 0 ? ' ' : ''}${wrapped}${at < carrier.length ? ' ' : ''}${carrier.slice(at)}`;
    out.push({
      row: payload.row,
      y: injection,
      channel: 1,
      group: payload.group,
      f: rowFeatures(prepareString(text, DEFAULT_MAX_CHARS).text, spec),
    });
  }
  return out;
}
