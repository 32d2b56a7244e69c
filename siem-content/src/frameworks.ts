/**
 * Names of the MITRE ATLAS techniques and OWASP LLM 2025 entries the catalog maps to, and the ATLAS tactic each
 * technique is filed under (Kibana's threat block needs a tactic). Facts from atlas.mitre.org and genai.owasp.org.
 */

export interface AtlasTechnique {
  name: string;
  tactic: { id: string; name: string };
}

const TA = {
  modelAccess: { id: 'AML.TA0000', name: 'AI Model Access' },
  initialAccess: { id: 'AML.TA0004', name: 'Initial Access' },
  execution: { id: 'AML.TA0005', name: 'Execution' },
  defenseEvasion: { id: 'AML.TA0007', name: 'Defense Evasion' },
  discovery: { id: 'AML.TA0008', name: 'Discovery' },
  collection: { id: 'AML.TA0009', name: 'Collection' },
  exfiltration: { id: 'AML.TA0010', name: 'Exfiltration' },
  impact: { id: 'AML.TA0011', name: 'Impact' },
  privilegeEscalation: { id: 'AML.TA0012', name: 'Privilege Escalation' },
} as const;

export const ATLAS: Readonly<Record<string, AtlasTechnique>> = {
  'AML.T0012': { name: 'Valid Accounts', tactic: TA.initialAccess },
  'AML.T0014': { name: 'Discover AI Model Family', tactic: TA.discovery },
  'AML.T0024': { name: 'Exfiltration via AI Inference API', tactic: TA.exfiltration },
  'AML.T0024.002': { name: 'Extract AI Model', tactic: TA.exfiltration },
  'AML.T0029': { name: 'Denial of AI Service', tactic: TA.impact },
  'AML.T0031': { name: 'Erode AI Model Integrity', tactic: TA.impact },
  'AML.T0034': { name: 'Cost Harvesting', tactic: TA.impact },
  'AML.T0036': { name: 'Data from Information Repositories', tactic: TA.collection },
  'AML.T0040': { name: 'AI Model Inference API Access', tactic: TA.modelAccess },
  'AML.T0048': { name: 'External Harms', tactic: TA.impact },
  'AML.T0048.004': { name: 'AI Intellectual Property Theft', tactic: TA.impact },
  'AML.T0050': { name: 'Command and Scripting Interpreter', tactic: TA.execution },
  'AML.T0051': { name: 'LLM Prompt Injection', tactic: TA.execution },
  'AML.T0052': { name: 'Phishing', tactic: TA.initialAccess },
  'AML.T0053': { name: 'AI Agent Tool Invocation', tactic: TA.execution },
  'AML.T0054': { name: 'LLM Jailbreak', tactic: TA.privilegeEscalation },
  'AML.T0056': { name: 'Extract LLM System Prompt', tactic: TA.exfiltration },
  'AML.T0057': { name: 'LLM Data Leakage', tactic: TA.exfiltration },
  'AML.T0068': { name: 'LLM Prompt Obfuscation', tactic: TA.defenseEvasion },
  'AML.T0069': { name: 'Discover LLM System Information', tactic: TA.discovery },
  'AML.T0075': { name: 'Cloud Service Discovery', tactic: TA.discovery },
  'AML.T0077': { name: 'LLM Response Rendering', tactic: TA.exfiltration },
  'AML.T0086': { name: 'Exfiltration via AI Agent Tool Invocation', tactic: TA.exfiltration },
  'AML.T0101': { name: 'Data Destruction via AI Agent Tool Invocation', tactic: TA.impact },
};

export interface AttackTechnique {
  id: string;
  name: string;
  tactic: { id: string; name: string };
}

const ATTACK_TA = {
  initialAccess: { id: 'TA0001', name: 'Initial Access' },
  execution: { id: 'TA0002', name: 'Execution' },
  defenseEvasion: { id: 'TA0005', name: 'Defense Evasion' },
  discovery: { id: 'TA0007', name: 'Discovery' },
  collection: { id: 'TA0009', name: 'Collection' },
  impact: { id: 'TA0040', name: 'Impact' },
} as const;

/**
 * MITRE ATT&CK (Enterprise) techniques that an ATLAS technique is adapted from or equal to, for consumers that take
 * ATT&CK only (Elastic before 9.3, Sigma's attack.* tags). ATLAS techniques without an ATT&CK counterpart (prompt
 * injection, jailbreak, system prompt extraction...) have none: they are carried as ATLAS tags and references.
 */
export const ATTACK_EQUIVALENT: Readonly<Record<string, AttackTechnique>> = {
  'AML.T0012': { id: 'T1078', name: 'Valid Accounts', tactic: ATTACK_TA.initialAccess },
  'AML.T0029': { id: 'T1499', name: 'Endpoint Denial of Service', tactic: ATTACK_TA.impact },
  'AML.T0034': { id: 'T1496', name: 'Resource Hijacking', tactic: ATTACK_TA.impact },
  'AML.T0036': { id: 'T1213', name: 'Data from Information Repositories', tactic: ATTACK_TA.collection },
  'AML.T0050': { id: 'T1059', name: 'Command and Scripting Interpreter', tactic: ATTACK_TA.execution },
  'AML.T0052': { id: 'T1566', name: 'Phishing', tactic: ATTACK_TA.initialAccess },
  'AML.T0068': { id: 'T1027', name: 'Obfuscated Files or Information', tactic: ATTACK_TA.defenseEvasion },
  'AML.T0075': { id: 'T1526', name: 'Cloud Service Discovery', tactic: ATTACK_TA.discovery },
  'AML.T0101': { id: 'T1485', name: 'Data Destruction', tactic: ATTACK_TA.impact },
};

export const attackUrl = (id: string): string =>
  id.startsWith('TA')
    ? `https://attack.mitre.org/tactics/${id}/`
    : `https://attack.mitre.org/techniques/${id.replace('.', '/')}/`;

/** The ATT&CK techniques equivalent to a rule's ATLAS techniques (deduplicated, in ATLAS order). */
export function attackEquivalents(atlas: readonly string[]): AttackTechnique[] {
  const out = new Map<string, AttackTechnique>();
  for (const a of atlas) {
    const t = ATTACK_EQUIVALENT[a];
    if (t) out.set(t.id, t);
  }
  return [...out.values()];
}

export const OWASP_LLM_2025: Readonly<Record<string, string>> = {
  'LLM01:2025': 'Prompt Injection',
  'LLM02:2025': 'Sensitive Information Disclosure',
  'LLM03:2025': 'Supply Chain',
  'LLM04:2025': 'Data and Model Poisoning',
  'LLM05:2025': 'Improper Output Handling',
  'LLM06:2025': 'Excessive Agency',
  'LLM07:2025': 'System Prompt Leakage',
  'LLM08:2025': 'Vector and Embedding Weaknesses',
  'LLM09:2025': 'Misinformation',
  'LLM10:2025': 'Unbounded Consumption',
};

/** ATLAS page of a tactic or technique (trailing slash, as detection-rules' reference patterns require). */
export const atlasUrl = (id: string): string =>
  `https://atlas.mitre.org/${id.startsWith('AML.TA') ? 'tactics' : 'techniques'}/${id}/`;

/** The OWASP Top 10 for LLM Applications 2025 list. */
export const OWASP_LLM_URL = 'https://genai.owasp.org/llm-top-10/';
