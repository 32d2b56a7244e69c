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
  'AML.T0024': { name: 'Exfiltration via AI Inference API', tactic: TA.exfiltration },
  'AML.T0029': { name: 'Denial of AI Service', tactic: TA.impact },
  'AML.T0031': { name: 'Erode AI Model Integrity', tactic: TA.impact },
  'AML.T0034': { name: 'Cost Harvesting', tactic: TA.impact },
  'AML.T0036': { name: 'Data from Information Repositories', tactic: TA.collection },
  'AML.T0040': { name: 'AI Model Inference API Access', tactic: TA.modelAccess },
  'AML.T0048': { name: 'External Harms', tactic: TA.impact },
  'AML.T0051': { name: 'LLM Prompt Injection', tactic: TA.execution },
  'AML.T0052': { name: 'Phishing', tactic: TA.initialAccess },
  'AML.T0053': { name: 'AI Agent Tool Invocation', tactic: TA.execution },
  'AML.T0054': { name: 'LLM Jailbreak', tactic: TA.privilegeEscalation },
  'AML.T0056': { name: 'Extract LLM System Prompt', tactic: TA.exfiltration },
  'AML.T0057': { name: 'LLM Data Leakage', tactic: TA.exfiltration },
  'AML.T0068': { name: 'LLM Prompt Obfuscation', tactic: TA.defenseEvasion },
  'AML.T0086': { name: 'Exfiltration via AI Agent Tool Invocation', tactic: TA.exfiltration },
};

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

export const atlasUrl = (id: string): string =>
  `https://atlas.mitre.org/${id.startsWith('AML.TA') ? 'tactics' : 'techniques'}/${id}`;
