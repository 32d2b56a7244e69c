/**
 * The trained classifier as a shared service for detectors: `classifyText(config, text)` returns the calibrated class
 * probabilities of one ChannelText (prompt, document or tool result), computed once per ChannelText object and
 * cached, so the classifier's own rules, harm × framing and document judgement can all read them for the cost of one
 * pass. The model is the config's in-memory `classifier` model (leave-one-source-out folds, tests) or the shipped
 * processor/models/classifier.json, loaded once per config.
 */
import type { DetectionConfig } from '../config.js';
import type { ChannelText } from '../detector.js';
import { prepare } from '../injection/prepare.js';
import { DEFAULT_MAX_CHARS } from '../injection/signals.js';
import { loadModel } from '../models.js';
import { Classifier, weightsFromFile, type ClassScores, type ClassifierChannel, type ClassifierFile } from './model.js';

/** @public — the class names and scores, for detectors that combine with the classifier's probabilities */
export { CLASSES, ATTACK_CLASSES, type ClassName, type ClassScores, type ClassifierChannel } from './model.js';

export const CLASSIFIER_MODEL_ID = 'classifier';
export const CLASSIFIER_MODEL_FILE = 'classifier.json';

const byConfig = new WeakMap<object, Classifier | null>();
const byText = new WeakMap<ChannelText, { model: Classifier; scores: ClassScores | undefined }>();

/**
 * The classifier of a config (null when no model can be loaded: the classifier rules are then inert and
 * classifyText returns undefined). Call it in a detector factory so loading happens at start-up.
 */
export function loadClassifier(config: Pick<DetectionConfig, 'models'>): Classifier | null {
  let c = byConfig.get(config);
  if (c === undefined) {
    try {
      c = new Classifier(
        weightsFromFile(loadModel<ClassifierFile>(config, CLASSIFIER_MODEL_ID, CLASSIFIER_MODEL_FILE)),
      );
    } catch {
      c = null;
    }
    byConfig.set(config, c);
  }
  return c;
}

/** The channel a text is scored as, or undefined for channels the classifier does not judge. */
export function classifierChannel(t: Pick<ChannelText, 'channel'>): ClassifierChannel | undefined {
  if (t.channel === 'prompt') return 'prompt';
  if (t.channel === 'document' || t.channel === 'tool_result') return 'document';
  return undefined;
}

/**
 * Calibrated probabilities {benign, injection, extraction, jailbreak, harmful} of the most attack-like window of a
 * prompt, document or tool result, plus `attack` (injection + extraction + jailbreak). Undefined for other channels,
 * texts too short to judge, or when no model is loaded. Never throws.
 */
export function classifyText(config: Pick<DetectionConfig, 'models'>, t: ChannelText): ClassScores | undefined {
  const model = loadClassifier(config);
  if (!model) return undefined;
  const cached = byText.get(t);
  if (cached && cached.model === model) return cached.scores;
  const channel = classifierChannel(t);
  let scores: ClassScores | undefined;
  if (channel) {
    try {
      scores = model.score(prepare(t, DEFAULT_MAX_CHARS).text, channel);
    } catch {
      scores = undefined;
    }
  }
  byText.set(t, { model, scores });
  return scores;
}
