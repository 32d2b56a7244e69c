import { detectionDefaults } from '../../../src/detect/config.js';
import type { DetectInput } from '../../../src/detect/detector.js';
import { channelTexts } from '../../../src/detect/texts.js';
import { emptyInteraction, type Interaction } from '@tracehound/core';

export const config = () => ({ ...detectionDefaults });

export function chat(prompt: string, output?: string): Interaction {
  const ix = emptyInteraction('llm_call', 'test');
  ix.input = [{ role: 'user', content: prompt }];
  if (output !== undefined) ix.output = [{ role: 'assistant', content: output }];
  return ix;
}

export const inputOf = (ix: Interaction): DetectInput => ({ interaction: ix, texts: channelTexts(ix) });
