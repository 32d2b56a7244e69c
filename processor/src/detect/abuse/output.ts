/**
 * Harmful artifacts in model output: a ready-to-send phishing lure, or code that combines malware capabilities.
 * Each signal alone is common in benign text (a "verify your account" help article, a keyboard listener); only
 * combinations count, and detection content (YARA, Sigma) or awareness material lowers confidence.
 */
import RE2 from 're2';

type Signal =
  | 'lure.action'
  | 'lure.urgency'
  | 'lure.link'
  | 'lure.sender'
  | 'code.keys'
  | 'code.exfil'
  | 'code.credstore'
  | 'code.encrypt'
  | 'code.walk'
  | 'code.ransom'
  | 'code.tamper'
  | 'code.persist'
  | 'damp.detection'
  | 'damp.awareness';

const PATTERNS: ReadonlyArray<readonly [Signal, string]> = [
  [
    'lure.action',
    String.raw`\b(?:verify|confirm|update|validate|re-?enter|restore|unlock|reactivate|secure)\s+(?:your\s+)?(?:account|identity|password|payment|billing|card|information|details|credentials|log-?in|mailbox|apple\s+id)`,
  ],
  [
    'lure.urgency',
    String.raw`\b(?:within\s+(?:24|48|72|12)\s+hours|immediately|urgent(?:ly)?|suspend(?:ed|ion)|(?:temporarily\s+)?locked|unusual\s+(?:sign-?in|activity|log-?in)|permanently\s+(?:closed|deleted|disabled)|failure\s+to|avoid\s+(?:suspension|interruption|closure|losing))`,
  ],
  [
    'lure.link',
    String.raw`(?:click\s+(?:here|the\s+(?:link|button)|below)|\[(?:link|url|phishing\s+link|fake\s+link|malicious\s+link|insert\s+link)\]|(?:log|sign)\s+in\s+(?:here|below|using\s+the\s+link)|https?://\S+|bit\.ly/|tinyurl\.com/)`,
  ],
  [
    'lure.sender',
    String.raw`\b(?:dear\s+(?:valued\s+)?(?:customer|user|member|client|account\s+holder|employee)|(?:paypal|microsoft|apple|amazon|netflix|chase|wells\s+fargo|irs|hmrc|docusign|dropbox|office\s*365|it\s+(?:support|department|help\s*desk))\s+(?:security|support|team|account|billing|services?))\b`,
  ],
  [
    'code.keys',
    String.raw`(?:SetWindowsHookEx|GetAsyncKeyState|WH_KEYBOARD_LL|pynput\.keyboard|keyboard\.on_press|keyboard\.hook|CGEventTapCreate|addEventListener\(\s*['"]key(?:down|press|up)['"][^\n]{0,200}(?:fetch|XMLHttpRequest|sendBeacon))`,
  ],
  [
    'code.exfil',
    String.raw`(?:requests\.post|smtplib|sendmail|discord(?:app)?\.com/api/webhooks|api\.telegram\.org/bot|socket\.connect|urllib\.request\.urlopen|Invoke-WebRequest|Invoke-RestMethod|curl\s+-[a-zA-Z]*\s*(?:-X\s+)?POST|ftplib|navigator\.sendBeacon|webhook_url)`,
  ],
  [
    'code.credstore',
    String.raw`(?:Login\s+Data|Local\s+State|cookies\.sqlite|logins\.json|key4\.db|CryptUnprotectData|win32crypt|Web\s+Data|leveldb|sekurlsa|mimikatz|lsass\.dmp|wallet\.dat)`,
  ],
  ['code.encrypt', String.raw`(?:Fernet\(|AES\.new\(|Cipher\(|\.encrypt\(|CryptEncrypt|openssl\s+enc)`],
  [
    'code.walk',
    String.raw`(?:os\.walk\(|glob\.glob\(|os\.listdir\(|Get-ChildItem\s+[^\n]{0,40}-Recurse|FindFirstFile|readdirSync|for\s+\w+\s+in\s+Path\([^)]*\)\.rglob)`,
  ],
  [
    'code.ransom',
    String.raw`(?:ransom|your\s+files\s+(?:have\s+been|are)\s+encrypted|bitcoin\s+address|btc\s+address|to\s+decrypt\s+your\s+files|pay\s+\S+\s+(?:btc|bitcoin))`,
  ],
  [
    'code.tamper',
    String.raw`(?:Set-MpPreference\s+-Disable|DisableRealtimeMonitoring|AmsiUtils|amsiInitFailed|VirtualAllocEx|WriteProcessMemory|CreateRemoteThread|NtUnmapViewOfSection|vssadmin\s+delete\s+shadows|wevtutil\s+cl\s|bcdedit\s+/set\s+\{default\}\s+recoveryenabled\s+no)`,
  ],
  [
    'code.persist',
    String.raw`(?:CurrentVersion\\\\?Run|schtasks\s+/create|LaunchAgents|SW_HIDE|-WindowStyle\s+Hidden|attrib\s+\+h|crontab\s+-)`,
  ],
  [
    'damp.detection',
    String.raw`(?:^|\n)\s*(?:rule\s+\w+\s*(?::\s*\w+\s*)?\{|strings:|condition:|logsource:|detection:|title:\s)|\b(?:yara|sigma|indicators?\s+of\s+compromise|iocs?|detection\s+rule|edr\s+(?:detects|alerts))\b`,
  ],
  [
    'damp.awareness',
    String.raw`\b(?:red\s+flags|warning\s+signs|signs\s+of\s+(?:a\s+)?phishing|this\s+is\s+(?:a|an)\s+(?:example|simulated|fake)|for\s+(?:training|awareness)|phishing\s+(?:simulation|awareness|training)|do\s+not\s+click|never\s+(?:click|share|enter)|report\s+(?:it|this|suspicious))\b`,
  ],
];

/** Flags: case-insensitive for prose; API names are matched case-insensitively too (cheap and harmless). */
const SET = new RE2.Set(
  PATTERNS.map(([, s]) => s),
  'iu',
);
const MAX_CHARS = 64_000;

export interface OutputScore {
  ruleId: 'TH-ABU-011' | 'TH-ABU-012';
  confidence: number;
  signals: string[];
}

export function scoreOutput(text: string): OutputScore[] {
  const t = text.length > MAX_CHARS ? text.slice(0, MAX_CHARS) : text;
  const hit = new Set<Signal>(SET.match(t).map((i) => PATTERNS[i][0]));
  if (hit.size === 0) return [];
  const out: OutputScore[] = [];
  const has = (s: Signal) => hit.has(s);
  const listed = (prefix: string) => [...hit].filter((s) => s.startsWith(prefix)).sort();

  if (has('lure.action') && has('lure.link') && (has('lure.urgency') || has('lure.sender'))) {
    const full = has('lure.urgency') && has('lure.sender');
    const confidence = (full ? 0.8 : 0.65) - (has('damp.awareness') ? 0.35 : 0);
    if (confidence > 0) out.push({ ruleId: 'TH-ABU-011', confidence, signals: listed('lure.') });
  }

  const exfil = has('code.exfil');
  const combos =
    (has('code.keys') && exfil ? 1 : 0) +
    (has('code.credstore') && exfil ? 1 : 0) +
    (has('code.encrypt') && has('code.walk') && has('code.ransom') ? 1 : 0) +
    (has('code.tamper') && (exfil || has('code.persist') || has('code.encrypt')) ? 1 : 0) +
    ((has('code.keys') || has('code.credstore')) && has('code.persist') ? 1 : 0);
  if (combos > 0) {
    const confidence = Math.min(0.95, 0.7 + 0.1 * (combos - 1)) - (has('damp.detection') ? 0.45 : 0);
    if (confidence > 0) out.push({ ruleId: 'TH-ABU-012', confidence, signals: listed('code.') });
  }
  return out;
}
