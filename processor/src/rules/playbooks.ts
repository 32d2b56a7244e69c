import { PLAYBOOK_BY_CATEGORY, PLAYBOOK_BY_RULE, PLAYBOOK_CONTENT } from './playbook-content.js';

/** A response playbook (siem-content/playbooks/, shipped in the processor as generated content). */
export interface Playbook {
  id: string;
  title: string;
  /** Where the playbook is maintained, relative to the repository root. */
  source: string;
  markdown: string;
}

const BY_ID = new Map<string, Playbook>(PLAYBOOK_CONTENT.map((p) => [p.id, p]));

export function getPlaybook(id: string): Playbook | undefined {
  return BY_ID.get(id);
}

/** The playbook of a rule: the one the SIEM catalog names for it, else the one of its category. */
export function playbookFor(rule: { id: string; category: string }): Playbook | undefined {
  const id = PLAYBOOK_BY_RULE[rule.id] ?? PLAYBOOK_BY_CATEGORY[rule.category];
  return id === undefined ? undefined : BY_ID.get(id);
}
