/**
 * `npm run gen:siem`: regenerate the Splunk apps, Elastic rules and Sigma rules from siem-content/rules, and the
 * processor's playbook module (the findings API serves it).
 */
import { writeFileSync } from 'node:fs';
import { loadCatalog } from './catalog.js';
import { generate, loadPlaybooks, writeGenerated } from './generate.js';
import { PROCESSOR_PLAYBOOKS, PROCESSOR_PLAYBOOKS_PATH, renderProcessorPlaybooks } from './processor-playbooks.js';

const written = await writeGenerated(generate());
writeFileSync(PROCESSOR_PLAYBOOKS_PATH, renderProcessorPlaybooks(loadCatalog(), loadPlaybooks()));
console.log(
  `siem-content: wrote ${written.length} files (Splunk apps + archives, Elastic TOML + NDJSON, Sigma) and ${PROCESSOR_PLAYBOOKS}`,
);
