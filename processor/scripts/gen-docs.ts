/**
 * Generates docs/schema.md, docs/schema.json and docs/rules.md from the code (core/src/telemetry/fields.ts and the rule
 * catalogue). Run `npm run gen:docs`; test/docs-drift.test.ts fails when the committed files differ.
 */
import { writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { renderRulesMarkdown, renderSchemaJson, renderSchemaMarkdown } from '../src/docs/render.js';

const root = fileURLToPath(new URL('../../', import.meta.url));
writeFileSync(`${root}docs/schema.json`, renderSchemaJson());
writeFileSync(`${root}docs/schema.md`, renderSchemaMarkdown());
writeFileSync(`${root}docs/rules.md`, await renderRulesMarkdown());
console.log('wrote docs/schema.json, docs/schema.md, docs/rules.md');
