import { trainer as classifier } from './classifier.js';
import type { Trainer } from './trainer.js';
import { trainer as charLm } from './char-lm.js';
import { trainer as wordRarity } from './word-rarity.js';

/** Every trainer, in the order `npm run train` runs them. Add one by adding it here. */
export const trainers: readonly Trainer[] = [wordRarity, charLm, classifier];
