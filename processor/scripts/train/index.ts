import type { Trainer } from './trainer.js';
import { trainer as charLm } from './char-lm.js';

/** Every trainer, in the order `npm run train` runs them. Add one by adding it here. */
export const trainers: readonly Trainer[] = [charLm];
