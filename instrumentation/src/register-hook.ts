/**
 * Entry point for `node --import @tracehound/instrumentation/register app.mjs`: installs the ESM loader hook
 * (import-in-the-middle, through @opentelemetry/instrumentation) before the app's imports are evaluated, then calls
 * register() configured from the environment (env.ts: TRACEHOUND_* and OTEL_* variables, the same register() reads).
 * A register() call in the app afterwards is merged into this registration (register.ts). CommonJS apps can use
 * `node --require` on the same file or call register() themselves.
 */
import { register as registerLoader } from 'node:module';
import { registerAs } from './register.js';

registerLoader('@opentelemetry/instrumentation/hook.mjs', import.meta.url);

export const registration = registerAs('hook', {}, process.env);
