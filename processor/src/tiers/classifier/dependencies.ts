import { createRequire } from 'node:module';
import { TracehoundError } from '../../errors.js';

/** The optional packages the classifier tier runs on (peerDependencies marked optional in processor/package.json). */
export const CLASSIFIER_DEPENDENCIES = ['onnxruntime-node', '@huggingface/transformers'] as const;

/**
 * Throws TH_TIER_DEPENDENCY naming the missing packages when the classifier tier is enabled without them; the
 * processor itself installs and runs without them.
 */
export function assertClassifierDependencies(
  resolve: (id: string) => string = createRequire(import.meta.url).resolve,
): void {
  const missing = CLASSIFIER_DEPENDENCIES.filter((id) => {
    try {
      resolve(id);
      return false;
    } catch {
      return true;
    }
  });
  if (missing.length > 0)
    throw new TracehoundError(
      'TH_TIER_DEPENDENCY',
      `tiers.classifier.enabled needs ${missing.join(' and ')}: npm install ${missing.join(' ')}`,
      { missing },
    );
}
