#!/usr/bin/env node
// The `tracehound` executable. A committed launcher rather than dist/cli/main.js itself: npm links a package's bin
// only when the file exists at install time, and in a fresh clone `npm ci` runs before `npm run build` creates dist/.
import { fileURLToPath } from 'node:url';

const main = new URL('../dist/cli/main.js', import.meta.url);

import(main.href).catch((err) => {
  if (err?.code === 'ERR_MODULE_NOT_FOUND' && String(err.message).includes(fileURLToPath(main))) {
    process.stderr.write('tracehound: processor/dist/ is missing: run `npm run build` first\n');
    process.exit(1);
  }
  throw err;
});
