/**
 * Writes the project's own generated eval rows (processor/eval/<name>.jsonl) from the seeded generators in
 * scripts/gen-eval/. Composed text only; rerunning reproduces the files byte for byte.
 *
 *   node --import tsx processor/scripts/gen-eval.ts
 */
import './gen-eval/gcg-suffix.js';
import './gen-eval/framed-harm.js';
import './gen-eval/access-code.js';
