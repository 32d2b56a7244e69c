import { defineSection } from '../config-section.js';
import { serverSection } from './sections/server.js';
import { forwardSection } from './sections/forward.js';
import { captureSection } from './sections/capture.js';
import { findingsSection } from './sections/findings.js';
import { detectionSection } from './sections/detection.js';
import { behaviorConfigSchema, behaviorDefaults } from '../behavior/config.js';
import { ArchiveConfigSchema, archiveDefaults, checkArchiveConfig } from '../archive/config.js';
import { checkTiersConfig, tiersConfigSchema, tiersDefaults } from '../tiers/config.js';
import { checkResponseConfig, responseConfigSchema, responseDefaults } from '../response/config.js';
import { storeConfigSchema, storeDefaults } from '../store/config.js';
import { flowsConfigSchema, flowsDefaults } from '../correlate/flows/config.js';

/**
 * Every top-level configuration section, in documentation order. A module adds (or fills in) its section with one
 * line here; TracehoundConfig, the JSON schema and the defaults all follow from this list.
 */
export const SECTIONS = [
  serverSection,
  forwardSection,
  captureSection,
  findingsSection,
  detectionSection,
  defineSection({ key: 'behavior', schema: behaviorConfigSchema, defaults: behaviorDefaults }),
  defineSection({ key: 'flows', schema: flowsConfigSchema, defaults: flowsDefaults }),
  defineSection({ key: 'archive', schema: ArchiveConfigSchema, defaults: archiveDefaults, check: checkArchiveConfig }),
  defineSection({
    key: 'response',
    schema: responseConfigSchema,
    defaults: responseDefaults,
    secrets: ['api.token', 'webhooks.*.secret', 'webhooks.*.headers', 'webhooks.*.headers.*'],
    check: checkResponseConfig,
  }),
  defineSection({
    key: 'tiers',
    schema: tiersConfigSchema,
    defaults: tiersDefaults,
    secrets: ['judge.apiKey', 'judge.headers', 'judge.headers.*'],
    check: checkTiersConfig,
  }),
  defineSection({ key: 'store', schema: storeConfigSchema, defaults: storeDefaults }),
] as const;

type Section = (typeof SECTIONS)[number];

/** The processor's validated, defaulted configuration: one property per section. */
export type TracehoundConfig = { readonly [S in Section as S['key']]: S['defaults'] };
