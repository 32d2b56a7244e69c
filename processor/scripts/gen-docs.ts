/**
 * Generates docs/schema.md, docs/schema.json and docs/rules.md from the code (core/src/telemetry/fields.ts and the rule
 * catalogue), the rule-id list processor/src/rules/ids.ts that configuration validation checks ids against, and the
 * option tables of docs/configuration.md from the config schema. Run `npm run gen:docs`; test/docs-drift.test.ts and
 * test/config/docs.test.ts fail when the committed files differ.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { updateReferenceBlock } from '../src/config/reference.js';
import {
  renderRuleIdsModule,
  renderRulesMarkdown,
  renderSchemaJson,
  renderSchemaMarkdown,
} from '../src/docs/render.js';
import { renderConsoleOpenApi } from '../src/docs/openapi.js';

const root = fileURLToPath(new URL('../../', import.meta.url));
writeFileSync(`${root}docs/schema.json`, renderSchemaJson());
writeFileSync(`${root}docs/schema.md`, renderSchemaMarkdown());
writeFileSync(`${root}docs/rules.md`, await renderRulesMarkdown());
writeFileSync(`${root}docs/console-openapi.json`, await renderConsoleOpenApi());
writeFileSync(`${root}processor/src/rules/ids.ts`, await renderRuleIdsModule());
const configDoc = `${root}docs/configuration.md`;
writeFileSync(configDoc, updateReferenceBlock(readFileSync(configDoc, 'utf8')));
console.log(
  'wrote docs/schema.json, docs/schema.md, docs/rules.md, processor/src/rules/ids.ts, docs/configuration.md (option tables), docs/console-openapi.json',
);
