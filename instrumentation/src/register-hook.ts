/**
 * Entry point for `node --import @tracehound/instrumentation/register app.mjs`: installs the ESM loader hook
 * (import-in-the-middle, through @opentelemetry/instrumentation) before the app's imports are evaluated, then calls
 * register() configured from the environment. CommonJS apps can use `node --require` on the same file or call register().
 */
import { register as registerLoader } from 'node:module';
import { register } from './register.js';
import { captureModeFromEnv } from './content/capture.js';

registerLoader('@opentelemetry/instrumentation/hook.mjs', import.meta.url);

const canaries = process.env.TRACEHOUND_CANARIES?.split(',')
  .map((s) => s.trim())
  .filter(Boolean);
export const registration = register({ captureContent: captureModeFromEnv(), canaries });
