import { detectionDefaults, type DetectionConfig } from '../../../src/detect/config.js';
import { createContentRunner } from '../../../src/detect/content-runner.js';
import { expandTexts } from '../../../src/detect/injection/expand.js';
import { emptyInteraction, type Detection } from '@tracehound/core';

const engine = createContentRunner(detectionDefaults, { expand: expandTexts });

/** Run the whole content engine (as the service does) on a system prompt and one user input; detections ≥ 0.5. */
export function judge(system: string | undefined, user: string, config?: DetectionConfig): Detection[] {
  const ix = emptyInteraction('llm_call', 'test');
  if (system !== undefined) ix.systemInstructions = system;
  ix.input.push({ role: 'user', content: user });
  return (config ? createContentRunner(config, { expand: expandTexts }) : engine).run(ix);
}

/** The TH-CTX rule ids raised. */
export function ctx(system: string | undefined, user: string): string[] {
  return [
    ...new Set(
      judge(system, user)
        .filter((d) => d.ruleId.startsWith('TH-CTX'))
        .map((d) => d.ruleId),
    ),
  ].sort();
}
