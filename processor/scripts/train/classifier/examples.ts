/**
 * Corpus rows → classifier examples: the class a row teaches, its channel, and its features (featurized once per row
 * object and cached, so the leave-one-source-out eval's folds share the work).
 */
import { rowFeatures, type FeatureSpec, type RowFeatures } from '../../../src/detect/classifier/features.js';
import { CLASSES, type ClassName } from '../../../src/detect/classifier/model.js';
import { prepareString } from '../../../src/detect/injection/prepare.js';
import { DEFAULT_MAX_CHARS } from '../../../src/detect/injection/signals.js';
import { sourceGroup, type CorpusRow } from '../../lib/corpus.js';

export interface Example {
  row: CorpusRow;
  y: number;
  channel: number;
  group: string;
  f: RowFeatures;
  /**
   * Benign kind for calibration: ordinary prompts, hard negatives, documents; `surrogate` for rows trained on but not
   * calibrated on — benign model outputs (as document text) and the train-only generated groups (undefined for
   * positives).
   */
  benignKind?: 'ordinary' | 'hard' | 'document' | 'surrogate';
}

const ORDINARY = new Set(['chat', 'instruction', 'question', 'roleplay', 'benign_multilingual']);

/**
 * Generated benign groups the network learns from but the threshold is not calibrated on: their rows are one template
 * family, not a sample of traffic, so held out in the calibration folds they looked like a source unlike any other
 * (the coding-request generator, own/code-tasks: 17 % flagged when unseen) and set the threshold alone.
 */
const TRAIN_ONLY_GROUPS: ReadonlySet<string> = new Set(['own/code-tasks']);

/** The class a row teaches, or undefined when the classifier does not learn from it. */
export function rowClass(row: CorpusRow): ClassName | undefined {
  // Benign model outputs are fluent prose like most documents: they teach the document channel what clean text is.
  // Only outputs of real models: the project's generated outputs are a few template families written to test the
  // leak detectors (refusals, on-topic answers), and adding one such file moved the network's extraction class enough
  // to flag 60 more benign prompts.
  if (row.channel === 'output' && row.label === 'benign') return row.set === 'own' ? undefined : 'benign';
  if (row.channel !== 'prompt' && row.channel !== 'document' && row.channel !== 'tool_result') return undefined;
  if (row.label === 'benign') return 'benign';
  if (row.label === 'harmful') return 'harmful';
  if (row.label !== 'attack') return undefined;
  // An attack row that comes with a system prompt is an attack on that prompt's restrictions ("what is the
  // customer's address?" where the prompt holds it and forbids telling): the text alone is an ordinary request, and
  // learning it as injection taught the network to flag short ordinary requests. The context detector judges them.
  if (row.system !== undefined) return undefined;
  if (row.family === 'obfuscated') return undefined; // encoded payloads: the obfuscation path decodes and judges them
  if (row.family === 'prompt_extraction') return 'extraction';
  if (row.family === 'jailbreak' || row.family === 'adversarial_suffix') return 'jailbreak';
  return 'injection';
}

const cache = new Map<string, WeakMap<CorpusRow, RowFeatures>>();

export function toExample(row: CorpusRow, spec: FeatureSpec): Example | undefined {
  const cls = rowClass(row);
  if (!cls) return undefined;
  const key = `${spec.bits}/${spec.blockTokens}/${spec.orders.join(',')}/${spec.bigrams}`;
  let m = cache.get(key);
  if (!m) cache.set(key, (m = new WeakMap()));
  let f = m.get(row);
  if (!f) {
    f = rowFeatures(prepareString(row.text, DEFAULT_MAX_CHARS).text, spec);
    m.set(row, f);
  }
  const channel = row.channel === 'prompt' ? 0 : 1;
  const ex: Example = { row, y: CLASSES.indexOf(cls), channel, group: sourceGroup(row), f };
  if (row.channel === 'output') ex.benignKind = 'surrogate';
  else if (cls === 'benign') {
    const hard = row.family === 'hard_negative' || /lookalike/.test(row.family);
    ex.benignKind = hard ? 'hard' : channel === 1 ? 'document' : ORDINARY.has(row.family) ? 'ordinary' : 'hard';
    if (TRAIN_ONLY_GROUPS.has(ex.group)) ex.benignKind = 'surrogate';
  }
  return ex;
}
