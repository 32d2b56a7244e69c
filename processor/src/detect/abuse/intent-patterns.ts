/**
 * Abuse intent patterns. A request is abuse when it asks for an artifact or a method that harms a third party:
 * a *core* pattern ties an asking verb to a harmful object ("write … ransomware", "get into my ex's … email"), a *cue*
 * names the victim, the deception or the evasion ("without them knowing", "so they enter their password", "bypass
 * antivirus"). Scary words alone ("kill a process", "phishing awareness quiz") match no core pattern.
 * Weights are the confidence a core contributes on its own; cues add to it (intent.ts).
 */
import { DEFENSIVE, EVADE, GAP, HOWTO, MAKE, THIRD_PERSON, VICTIM, VICTIM_POSS } from './lexicon.js';

export type AbuseCategory = 'malware' | 'phishing' | 'credentials' | 'fraud' | 'social_engineering';

export const ABUSE_CATEGORIES: readonly AbuseCategory[] = [
  'malware',
  'phishing',
  'credentials',
  'fraud',
  'social_engineering',
];

export interface IntentPattern {
  category: AbuseCategory | 'any';
  /** core: ask + harmful object bound together; ask/object: the same two signals apart in one sentence (they need a
   * gate cue nearby to count); cue: victim, deception or evasion; defensive/knowledge: lower confidence. */
  role: 'core' | 'ask' | 'object' | 'cue' | 'defensive' | 'knowledge';
  /** For cues: whether the cue is specific enough to turn a loose ask + object co-occurrence into a signal. */
  gate?: boolean;
  /** Short label reported in evidence (never user text). */
  label: string;
  weight: number;
  source: string;
}

const MALWARE_ART = String.raw`(?:ransomware|keyloggers?|key\s?loggers?|rootkits?|botnets?|trojans?|trojan\s+horse|info[- ]?stealers?|stealer\s+malware|password\s+stealers?|cookie\s+stealers?|token\s+grabbers?|crypto-?jackers?|cryptojacking\s+(?:script|malware)|hidden\s+(?:crypto\s*)?miners?|stalkerware|spyware|remote\s+access\s+trojans?|\b(?-i:RATs?)\b|malware|malicious\s+(?:code|software|program|script|macro|payload|extension|app|apk|dll|exe)|computer\s+virus(?:es)?|(?:a|the)\s+virus\s+that|self-?(?:replicating|propagating|spreading)\s+(?:code|program|script|worm|virus|malware)|worms?\s+that|backdoor(?:s|ed)?\s+(?:into|access|shell|account|user|code|program|script|that|which|to\s+(?:access|control|get))|backdoor\s+(?:in|into|on)\s+(?:the|their|a|my|his|her|our)\s+(?:\S+\s+)?(?:code|app|server|system|software|network|router|firmware|website|library|package|computer|pc|laptop|phone)|logic\s+bombs?|crypters?|droppers?|wipers?|polymorphic\s+(?:code|virus|malware|engine))`;
const EXPLOIT_ART = String.raw`(?:exploits?|exploit\s+code|0-?days?|zero-?days?|shellcode|payloads?|reverse\s+shells?|web\s*shells?|ddos\s+(?:tool|script|bot|attack)|dos\s+attack|syn\s+flood|booter|stresser)`;
const SYSTEMS = String.raw`(?:network|server|servers|database|system|systems|website|site|computer|computers|mainframe|intranet|portal|grid|cameras?|blockchain|wallet|atm|router)`;
const ACCOUNTS = String.raw`(?:passwords?|pass\s*codes?|pins?|pin\s+codes?|log-?ins?|credentials|creds|2fa(?:\s+codes?)?|otps?|one-?time\s+(?:codes?|passwords?)|verification\s+codes?|security\s+questions?|session\s+(?:tokens?|cookies?)|cookies|api\s+keys?|private\s+keys?|seed\s+phrases?|recovery\s+phrases?|accounts?|e-?mails?|email\s+accounts?|inbox|gmail|instagram|facebook|snapchat|tiktok|twitter|whatsapp|telegram|icloud|apple\s+id|phones?|iphones?|android|bank\s+accounts?|online\s+banking|messages|texts|dms|social\s+media|credit\s+cards?(?:\s+(?:numbers?|details|info))?|card\s+(?:numbers?|details)|ssns?|social\s+security\s+numbers?|medical\s+records|personal\s+(?:data|information|info)|private\s+photos|router\s+(?:admin\s+)?passwords?)`;
const BRANDS = String.raw`(?:bank|banks|banking|paypal|irs|hmrc|microsoft|office\s*365|outlook|apple|icloud|amazon|google|gmail|netflix|facebook|instagram|linkedin|dhl|fedex|ups|usps|royal\s+mail|it\s+(?:department|team|support|desk|admin)|help\s*desk|service\s*desk|hr|payroll|ceo|cfo|boss|manager|police|government|tax\s+(?:office|authority)|social\s+security|medicare|support|security\s+team|the\s+company|coinbase|binance|metamask|chase|wells\s+fargo|citi|hsbc|barclays)`;
const SE_ACTS = String.raw`(?:giv(?:e|ing)|reveal(?:ing)?|send(?:ing)?|reset(?:ting)?|transfer(?:ring)?|wir(?:e|ing)|shar(?:e|ing)|hand(?:ing)?\s+over|tell(?:ing)?|click(?:ing)?|install(?:ing)?|pay(?:ing)?|buy(?:ing)?|disclos(?:e|ing)|approv(?:e|ing)|grant(?:ing)?|open(?:ing)?|download(?:ing)?|typ(?:e|ing)|enter(?:ing)?|read(?:ing)?\s+(?:out|back|me)|verify(?:ing)?|confirm(?:ing)?|run(?:ning)?|let(?:ting)?\s+me)`;
const SE_OBJ = String.raw`(?:passwords?|credentials|log-?ins?|codes?|otps?|2fa|pins?|money|funds|cash|payments?|gift\s+cards?|bitcoin|crypto|bank\s+(?:details|info|information|account)|account\s+(?:details|numbers?)|card\s+(?:details|numbers?)|credit\s+cards?|ssn|social\s+security|personal\s+(?:info|information|details|data)|access|remote\s+access|teamviewer|anydesk|attachments?|links?|invoices?|wire|savings|keys?|house|home|property|car|will)`;

/** Any named owner ("Zebulon's") as well as the known relations: used where the object is a secret or an account. */
const POSS_ANY = String.raw`(?:${VICTIM_POSS}|[\w.-]+['’]s)`;

const ASK = String.raw`(?:${MAKE}|${HOWTO}\s+${GAP(3)}(?:make|create|build|write|code|develop|program|get|find|deploy|spread|distribute|install|plant|hide|deliver|use|set\s+up|launch|run|send|host|craft|generate|design|perform|do|pull\s+off|carry\s+out|execute|conduct))`;

const p = (
  category: IntentPattern['category'],
  role: IntentPattern['role'],
  label: string,
  weight: number,
  source: string,
  gate = true,
): IntentPattern => ({
  category,
  role,
  label,
  weight,
  source,
  ...(role === 'cue' ? { gate } : {}),
});

/** Deception: the artifact pretends to be someone or something else. */
const DECEIVE = String.raw`(?:pretending\s+to\s+be\s+(?:from|their|his|her|someone['’]s|my\s+\S+['’]s)|pos(?:e|es|ing)\s+as\s+(?:a|an|the|their|his|her)\s+(?:recruiter|bank|banker|officer|agent|admin|technician|courier|employee|manager|relative|grandson|granddaughter|daughter|son)|as\s+if\s+(?:it\s+)?(?:were|was|came)\s+from|looks?\s+exactly\s+like|spoof(?:s|ed|ing)\b|impersonat\w*|disguised\s+as\s+(?:a|an)\s+\S+\s+(?:from|by)|from\s+['"‘“]\w+['"’”]|in\s+(?:their|his|her)\s+name|under\s+(?:another|a\s+different|someone\s+else['’]s|a\s+fake|a\s+false)\s+name)`;

export const INTENT_PATTERNS: readonly IntentPattern[] = [
  // ── malware and exploit development ──
  p('malware', 'core', 'build-malware', 0.6, String.raw`\b${ASK}\s+${GAP(4)}${MALWARE_ART}`),
  p(
    'malware',
    'core',
    'infect-victim',
    0.7,
    String.raw`\b(?:infect|compromise|take\s+over|hijack|brick|encrypt|wipe|lock)\s+(?:${VICTIM_POSS}|their|other\s+people['’]?s?|random\s+people['’]s|a\s+victim['’]?s?)\s+${GAP(1)}(?:computers?|pcs?|laptops?|phones?|machines?|devices?|networks?|servers?|files|systems?|websites?)`,
  ),
  p(
    'malware',
    'core',
    'spread-malware',
    0.7,
    String.raw`\b(?:spread|distribute|deliver|deploy|plant|install|sneak|slip)(?:ing)?\s+${GAP(3)}${MALWARE_ART}\s+${GAP(3)}(?:on|onto|into|to|across|through)\s+${GAP(2)}(?:${VICTIM_POSS}|their|other|victims?|targets?|people|users|computers|devices|phones|employees|school|company|network)`,
  ),
  p(
    'malware',
    'core',
    'tool-that-harms',
    0.5,
    String.raw`\b(?:${ASK})\s+${GAP(4)}(?:scripts?|programs?|code|apps?|applications?|extensions?|add-?ons?|plugins?|tools?|bots?|macros?|functions?|software|exe|binary|payloads?|dlls?|apks?)\s+(?:that|which|to|so\s+it)\s+${GAP(6)}(?:steal|grab|harvest|exfiltrat|upload|send|forward|log|record|captur|disabl|turn\s+off|kill|drop|install|spread|inject|hijack)\w*\s+${GAP(3)}(?:passwords?|credentials|log-?ins?|cookies|session\s+tokens?|keystrokes|contacts|sms|card\s+(?:numbers|details)|windows\s+defender|defender|anti-?virus|av|edr|security\s+software|amsi|malware|payloads?|trojans?|ransomware|itself|everything\s+(?:they|he|she|the\s+user)\s+types?|webcam|microphone|crypto\s+wallets?)`,
  ),
  p(
    'malware',
    'core',
    'ransom-behaviour',
    0.7,
    String.raw`\bencrypt\w*\s+${GAP(4)}(?:files|documents|drives?|disks?|servers?|data)\s+${GAP(8)}(?:demand\w*|ransom|bitcoin|btc|monero|pay(?:ment)?\s+(?:to|for|in|before)\s+${GAP(2)}(?:unlock|decrypt|get\s+(?:them|it)\s+back|restore))`,
  ),
  p(
    'malware',
    'core',
    'drops-malware',
    0.45,
    String.raw`\b(?:drops?|dropping|installs?|installing|deploys?|delivers?|runs?|executes?|loads?|downloads?\s+and\s+(?:runs?|executes?))\s+(?:the\s+|my\s+|a\s+|our\s+)?(?:malware|payloads?|trojans?|ransomware|rat|keyloggers?|stealers?|backdoors?|implants?|beacons?)\b`,
  ),
  p(
    'malware',
    'core',
    'make-undetectable',
    0.65,
    String.raw`\b(?:make|get|keep|render)\s+(?:my|the|this|our|a)\s+${GAP(2)}(?:${MALWARE_ART}|payloads?|exe|binary|binaries|scripts?|stealers?|loaders?|implants?|beacons?|shellcode|macros?)\s+${GAP(2)}(?:undetectable|fud|invisible\s+to|bypass\w*|evade\w*|avoid\w*|slip\s+past|get\s+past)`,
  ),
  p('malware', 'core', 'weaponize-exploit', 0.45, String.raw`\b${ASK}\s+${GAP(4)}${EXPLOIT_ART}`),
  p(
    'malware',
    'core',
    'intrusion',
    0.55,
    String.raw`\b(?:${HOWTO})\s+${GAP(2)}(?:hack|break|get|sneak)\s+(?:into|in\s+to)\s+${GAP(3)}${SYSTEMS}`,
  ),
  p(
    'malware',
    'core',
    'take-down',
    0.55,
    String.raw`\b(?:${HOWTO}|${MAKE})\s+${GAP(4)}(?:ddos|dos|take\s+down|knock\s+(?:down|offline)|crash|flood)\s+(?:${VICTIM_POSS}|a|the|my\s+\w+['’]s|their|someone['’]?s?|competitor['’]?s?)\s*${GAP(2)}(?:websites?|site|servers?|network|game\s+servers?|stream|service|business)`,
  ),
  p('malware', 'cue', 'evasion', 0.25, String.raw`\b${EVADE}`, true),
  p(
    'malware',
    'cue',
    'malware-behaviour',
    0.25,
    String.raw`(?:download(?:s|ing)?\s+and\s+(?:runs?|executes?)|(?:runs?|executes?|drops?)\s+my\s+(?:payload|exe|binary|malware)|(?:quietly|secretly|silently)\s+\w+|everyone\s+who\s+(?:installs|opens|downloads|clicks)|steal(?:s|ing)?\s+${GAP(2)}(?:passwords?|credentials|cookies|files|data|crypto|wallets?|keystrokes|tokens)|(?:send|sends|sending|email|emails|upload|uploads|exfiltrat\w*|forward|forwards)\s+${GAP(3)}(?:to\s+(?:me|my\s+(?:server|email|discord|telegram|webhook|ftp))|keystrokes|passwords|everything\s+they\s+type)|ransom|demand(?:s|ing)?\s+(?:bitcoin|btc|payment|crypto|money)|spread(?:s|ing)?\s+(?:itself\s+)?(?:to|across|through|over)\s+(?:other|the|every|all)|(?:records?|logs?|captures?)\s+(?:every|all)\s+(?:keystrokes?|keys|key\s+press)|(?:remote(?:ly)?\s+control|full\s+control\s+of)\s+${GAP(2)}(?:their|his|her|the\s+victim|someone)|encrypt(?:s|ing)?\s+(?:all\s+)?(?:the\s+|their\s+)?files)`,
  ),
  p(
    'malware',
    'cue',
    'victim',
    0.25,
    String.raw`(?:${VICTIM}|${VICTIM_POSS}\s+(?:computer|pc|laptop|phone|device|machine|network))`,
  ),
  p(
    'malware',
    'cue',
    'unauthorized-target',
    0.25,
    String.raw`(?:(?:i|we)\s+(?:do\s+not|don['’]t)\s+own|my\s+(?:coworker|colleague|boss|teacher|ex|classmate|roommate|neighbou?r|friend|sister|brother|wife|husband|girlfriend|boyfriend)s?\b|without\s+(?:authori[sz]ation|permission)|not\s+authori[sz]ed|government|school['’]?s?|university['’]?s?|hospital|bank['’]?s?)`,
  ),

  // ── phishing and impersonation ──
  p(
    'phishing',
    'core',
    'phishing-artifact',
    0.55,
    String.raw`\b${ASK}\s+${GAP(6)}(?:phishing|phish|spear-?phishing|smishing|vishing|whaling)\b\s*(?:e-?mails?|pages?|sites?|websites?|kits?|messages?|texts?|sms|campaigns?|links?|templates?|lures?|attacks?|scams?|scripts?|domains?)?`,
  ),
  p(
    'phishing',
    'core',
    'fake-login',
    0.65,
    String.raw`\b${ASK}\s+${GAP(4)}(?:fake|spoof(?:ed)?|clon(?:e|ed)|copycat|look-?alike|replica|counterfeit|fraudulent|knock-?off)\s+${GAP(3)}(?:log-?in|sign-?in|${BRANDS})\s*(?:pages?|sites?|websites?|portals?|forms?|e-?mails?|messages?|domains?|apps?|screens?)?`,
  ),
  p(
    'phishing',
    'core',
    'pretend-sender',
    0.6,
    String.raw`(?:e-?mails?|messages?|texts?|sms|letters?|dms?|notes?|notifications?|voicemails?|call\s+scripts?|scripts?|invoices?|alerts?)\s+${GAP(4)}(?:pretend(?:s|ing)?|claim(?:s|ing)?|purport(?:s|ing)?|appear(?:s|ing)?|seem(?:s|ing)?|made\s+to\s+look|that\s+looks?|look(?:s|ing)?|disguised|supposedly|posing)\s+(?:to\s+be\s+|to\s+come\s+|like\s+(?:it\s+(?:is|was|came|comes)\s+|it['’]s\s+|they\s+(?:are|came)\s+)?|as\s+(?:if\s+(?:it\s+)?(?:is|was|came)\s+)?)?(?:from|sent\s+by|(?:a|an|the)\s+(?:official|real|legit(?:imate)?))\s+${GAP(5)}${BRANDS}`,
  ),
  p(
    'phishing',
    'core',
    'message-from-brand',
    0.35,
    String.raw`\b${ASK}\s+${GAP(3)}(?:e-?mails?|sms|texts?|messages?|dms?|notifications?|letters?|voicemails?|alerts?|notices?|popups?|pop-ups?)\s+${GAP(2)}(?:from|by|as)\s+${GAP(2)}${BRANDS}`,
  ),
  p(
    'phishing',
    'core',
    'fake-login-page',
    0.5,
    String.raw`\b(?:fake|spoof(?:ed)?|clon(?:e|ed)|phishing|copycat|look-?alike)\s+${GAP(1)}(?:log-?in|sign-?in)\s+(?:pages?|forms?|portals?|screens?|sites?)|\b(?:copy|clone|replica|mirror)\s+of\s+${GAP(3)}(?:log-?in|sign-?in)\s+(?:pages?|portals?|forms?|screens?)`,
  ),
  p(
    'phishing',
    'core',
    'lookalike-infra',
    0.4,
    String.raw`\b(?:my|a|our|the)\s+(?:look-?alike|typo-?squat(?:ted|ting)?|spoofed|homograph|fake|cloned)\s+(?:domains?|urls?|log-?in\s+pages?|sites?|websites?)`,
  ),
  p(
    'phishing',
    'core',
    'impersonate',
    0.35,
    String.raw`\b(?:impersonat(?:e|ing)|pose\s+as|posing\s+as|pretend(?:ing)?\s+to\s+be|masquerad(?:e|ing)\s+as|pass\s+(?:myself\s+)?off\s+as)\s+${GAP(2)}(?:${BRANDS}\s+(?:support|security|team|staff|admins?|help\s*desk|customer\s+service|representatives?|agents?)|ceo|cfo|executive|boss|manager|bank|banker|it\s+(?:support|department|admin|staff)|my\s+\S+['’]s\s+\w+|someone['’]s\s+\w+|tech\s+support|microsoft|apple|amazon|paypal|irs|hmrc|police|officer|cop|federal\s+agent|government\s+official|lawyer|attorney|relative|grandson|granddaughter|grandchild|nephew|niece|family\s+member|customer\s+(?:support|service)|support\s+agent|recruiter|landlord|someone\s+else|another\s+person|a\s+real\s+person|celebrity|brand|official|their\s+\w+|his\s+\w+|her\s+\w+|my\s+(?:boss|ceo|manager|ex))`,
  ),
  p(
    'phishing',
    'cue',
    'credential-lure',
    0.3,
    String.raw`(?:so\s+(?:that\s+)?${GAP(3)}(?:will\s+)?(?:clicks?|enters?|gives?|sends?|types?|reveals?|shares?|logs?\s+in|signs?\s+in|downloads?|opens?|pays?|wires?|transfers?|buys?|calls?|installs?|runs?|approves?|re-?enters?)\b|(?:gets?|make|makes|convinces?)\s+(?:the\s+)?(?:recipient|user|victim|target|reader|them|people|employees|customers)\s+to\s+(?:give|enter|share|send|reveal|click|type|pay|wire|call)|(?:log|sign)\s*-?\s*in\s+(?:via|through|on|using|with|at)\s+(?:my|our|this|the)\s+(?:\S+\s+)?(?:link|page|site|portal|domain|url)|to\s+(?:get|steal|harvest|collect|capture|obtain|grab|phish)\s+(?:their|his|her|the\s+(?:user|victim|target)['’]?s?|people['’]s|users['’]?|customers['’]?|employees['’]?)\s*${GAP(2)}(?:passwords?|credentials|log-?ins?|credit\s+cards?|card\s+(?:numbers?|details)|bank|account|ssn|social\s+security|2fa|otp|codes?|details|info|information|money|data)|(?:enter|verify|confirm|update|type)\s+(?:their|your|his|her)\s+(?:password|credentials|card|account|login|bank|details|ssn|payment))`,
  ),
  p(
    'phishing',
    'cue',
    'convincing',
    0.2,
    String.raw`(?:convincing|realistic|legit(?:imate)?[- ]looking|look(?:s|ing)?\s+(?:legit|real|official|authentic|legitimate|genuine)|indistinguishable|urgent|urgency|scare\s+them|(?:account|mailbox|profile)\s+(?:will\s+be\s+|is\s+|has\s+been\s+)?(?:suspended|locked|closed|deleted|disabled|terminated|limited|full)|locked\s+(?:e-?mail|message|account))`,
    false,
  ),
  p(
    'phishing',
    'cue',
    'payment-lure',
    0.25,
    String.raw`(?:gift\s+cards?|wire\s+(?:the\s+)?(?:money|funds|payment|transfer)|(?:updated|new)\s+bank\s+(?:details|account)|bitcoin|pay\s+(?:a|the)\s+(?:fee|invoice|fine|bill)|shipping\s+fee|approves?\s+the\s+(?:transfer|payment|wire))`,
  ),
  p('phishing', 'cue', 'evasion', 0.25, String.raw`\b${EVADE}`, true),
  p('phishing', 'cue', 'victim', 0.2, VICTIM, false),

  // ── credential and secret harvesting ──
  p(
    'credentials',
    'core',
    'take-credentials',
    0.6,
    String.raw`\b(?:get|find(?:\s+out)?|steal|obtain|crack|guess|grab|harvest|collect|dump|extract|figure\s+out|know|learn|see|read|access|bypass|hack|hijack|take\s+over|compromise|phish|sniff|intercept|capture|uncover|discover|brute[- ]?force|spy\s+on|monitor|track|get\s+hold\s+of|get\s+access\s+to|gain\s+access\s+to|look\s+at|check)\s+(?:into\s+)?${VICTIM_POSS}\s+${GAP(2)}${ACCOUNTS}`,
  ),
  p(
    'credentials',
    'core',
    'break-into-account',
    0.7,
    String.raw`\b(?:hack|break|get|log|sign|sneak)(?:ing|s)?\s+(?:in(?:to)?|in\s+to|on\s*to)\s+${POSS_ANY}\s+${GAP(2)}(?:accounts?|e-?mails?|inbox|phones?|iphones?|computers?|laptops?|instagram|facebook|snapchat|tiktok|gmail|icloud|whatsapp|bank|banking|profile|wi-?fi|router|network|pc|devices?|cloud|onlyfans|discord|steam)`,
  ),
  p(
    'credentials',
    'core',
    'what-is-their-secret',
    0.55,
    String.raw`\bwhat(?:['’]s|\s+is|\s+are)\s+${VICTIM_POSS}\s+${GAP(2)}(?:passwords?|pin|pin\s+codes?|passcodes?|log-?ins?|credentials|security\s+answers?)`,
  ),
  p(
    'credentials',
    'core',
    'piggyback-network',
    0.55,
    String.raw`\b(?:access|use|connect\s+to|hook\s+into|hop\s+on|get\s+on|get\s+onto|piggyback\s+on|crack|steal)\s+${VICTIM_POSS}\s+(?:wi-?fi|wireless|internet|network|router|hotspot)`,
  ),
  p(
    'credentials',
    'core',
    'stuffing-anywhere',
    0.5,
    String.raw`\b(?:${ASK})\b[^\n]{0,160}\b(?:credential\s+stuffing|password\s+spraying|account\s+takeover|combo\s*lists?|leaked\s+password\s+lists?)`,
  ),
  p(
    'credentials',
    'core',
    'defeat-2fa',
    0.6,
    String.raw`\b(?:bypass|get\s+around|defeat|disable|skip|intercept)\s+${GAP(1)}(?:two-?factor|2fa|mfa|multi-?factor|otp|sms\s+(?:verification|codes?))\s+${GAP(2)}(?:on|for|of|from)\s+${VICTIM_POSS}`,
  ),
  p(
    'credentials',
    'core',
    'take-from-victim',
    0.6,
    String.raw`\b(?:steal|grab|harvest|captur|collect|dump|exfiltrat|intercept|sniff|extract|pull|lift)\w*\s+${GAP(2)}(?:saved\s+)?(?:passwords?|credentials|log-?ins?|cookies|session\s+tokens?|keystrokes|card\s+(?:numbers|details)|2fa\s+codes?|otps?|tokens)\s+(?:from|off|out\s+of|of)\s+${GAP(1)}(?:${VICTIM_POSS}|people|users|victims|strangers|everyone|anyone|other\s+people)|\b(?:steal|grab|harvest|captur|collect|intercept|sniff)\w*\s+${VICTIM_POSS}\s+${GAP(1)}(?:passwords?|credentials|log-?ins?|cookies|session\s+tokens?|keystrokes|card\s+(?:numbers|details)|codes)`,
  ),
  p(
    'credentials',
    'core',
    'password-of',
    0.45,
    String.raw`\b(?:get|find|steal|crack|guess|obtain|figure\s+out|bypass)\s+(?:the\s+)?(?:admin\s+)?(?:password|passcode|pin|log-?in|credentials)\s+(?:of|for|to|on)\s+(?:the\s+admin|an?\s+admin|someone|somebody|my\s+\S+|his|her|their|other|another|a\s+locked)`,
  ),
  p(
    'credentials',
    'core',
    'harvesting-tool',
    0.65,
    String.raw`\b${ASK}\s+${GAP(4)}(?:credential\s+(?:harvest(?:er|ing)|stuffing|stealer|grabber|phishing|dumper)|password\s+(?:stealer|grabber|harvester|sniffer)|token\s+(?:grabber|logger|stealer)|cookie\s+(?:stealer|grabber|logger)|session\s+hijack\w*|combo\s*lists?|account\s+checkers?|otp\s+(?:bots?|grabbers?|interceptors?)|sim\s+swap\w*|2fa\s+bypass|mfa\s+(?:bypass|fatigue))`,
  ),
  p(
    'credentials',
    'core',
    'steal-secrets',
    0.45,
    String.raw`\b(?:${HOWTO})\s+${GAP(2)}(?:steal|harvest|grab|dump|swipe|lift|scrape|collect)\s+${GAP(3)}(?:passwords?|credentials|log-?ins?|cookies|session\s+tokens?|tokens|api\s+keys|secrets|private\s+keys|seed\s+phrases|crypto\s+wallets?|wallet\s+(?:seeds?|keys)|credit\s+card\s+(?:numbers|details|info)|card\s+(?:numbers|details)|ssns?|social\s+security\s+numbers|2fa\s+codes|otp\s+codes|personal\s+(?:data|information|info))`,
  ),
  p(
    'credentials',
    'core',
    'abuse-leaked-keys',
    0.55,
    String.raw`\b(?:leaked|exposed|public|stolen|found)\s+${GAP(2)}(?:api\s+keys|aws\s+keys|access\s+keys|secrets|tokens|credentials|passwords)\s+${GAP(5)}(?:use|abuse|sell|exploit|log\s+in|mine|spend|drain|access)`,
  ),
  p(
    'fraud',
    'core',
    'scam-artifact',
    0.5,
    String.raw`\b${ASK}\s+${GAP(3)}(?:scam(?:ming)?|fraudulent|con)\s+(?:schemes?|operations?|sites?|websites?|pages?|calls?|scripts?|business(?:es)?|rings?|campaigns?|e-?mails?|messages?|texts?|plans?|apps?|stores?|ads?)`,
  ),
  p(
    'fraud',
    'core',
    'insurance-fraud',
    0.6,
    String.raw`\b(?:fake|stage|fabricate|exaggerate|inflate)\s+${GAP(4)}(?:for|to\s+(?:get|claim|collect))\s+(?:the\s+|an?\s+)?insurance|\b(?:fake|fraudulent|false|inflated)\s+insurance\s+claims?`,
  ),
  p(
    'fraud',
    'core',
    'counterfeit-trade',
    0.5,
    String.raw`\b(?:${HOWTO})\s+${GAP(4)}(?:counterfeit|counterfit|knock-?off|fake)\s+(?:goods|products|designer|money|bills|currency|merch|handbags|bags|watches|sneakers|medicines?|pills)`,
  ),
  p(
    'fraud',
    'core',
    'sell-personal-data',
    0.45,
    String.raw`\b(?:sell|leak|dump|trade|monetize)\s+${GAP(3)}(?:personal\s+(?:information|info|data|details)|customer\s+(?:data|information|lists?|records|details)|pii|user\s+data|people['’]s\s+(?:data|information)|medical\s+records)`,
  ),
  p(
    'credentials',
    'core',
    'their-secret',
    0.45,
    String.raw`\b(?:figure\s+out|find\s+out|guess|crack|steal|get\s+hold\s+of|obtain|learn|know|get)\s+their\s+(?:passwords?|passcodes?|pins?|log-?ins?|credentials|2fa\s+codes?|otps?)|\b(?:hack|break|get|sneak|log|take\s+over|hijack)\s+(?:in(?:to)?\s+|in\s+to\s+)?their\s+${GAP(2)}(?:accounts?|e-?mails?|phones?|instagram|facebook|snapchat|gmail|icloud|bank\s+accounts?)`,
  ),
  p(
    'credentials',
    'core',
    'surveil-person',
    0.4,
    String.raw`\b(?:track|monitor|spy\s+on|watch|record|read|access|see|follow|keep\s+tabs\s+on)\s+${VICTIM_POSS}\s+${GAP(2)}(?:location|whereabouts|computer|activity|browsing|history|keystrokes|screen|camera|webcam|calls|chats|conversations|messages|texts|phone|laptop|car|movements)`,
  ),
  p(
    'credentials',
    'core',
    'bug-device',
    0.6,
    String.raw`\b(?:bug|wiretap|tap|plant\s+(?:a\s+)?(?:tracker|spyware|stalkerware)\s+on|install\s+(?:a\s+)?(?:tracker|spyware|stalkerware|keylogger|monitoring\s+app)\s+on)\s+${VICTIM_POSS}\s+${GAP(1)}(?:phones?|laptops?|computers?|cars?|rooms?|pcs?|devices?|iphones?)`,
  ),
  p('credentials', 'cue', 'covert', 0.25, String.raw`\b${EVADE}`, true),
  p(
    'credentials',
    'cue',
    'access-goal',
    0.2,
    String.raw`(?:so\s+(?:that\s+)?i\s+can\s+(?:access|read|see|get\s+into|log\s+in|spy|check|take|look|use)|from\s+(?:other\s+|random\s+)?(?:people|users|victims|strangers|customers|everyone)|on\s+(?:the\s+)?(?:same|public|shared)\s+(?:wi-?fi|network)|rotat(?:e|es|ing)\s+(?:proxies|ips)|${VICTIM})`,
    false,
  ),
  p(
    'credentials',
    'cue',
    'remote',
    0.15,
    String.raw`(?:remotely|from\s+(?:my|another)\s+(?:phone|computer)|without\s+(?:a\s+)?(?:their|the)\s+(?:password|phone|code))`,
    false,
  ),

  // ── fraud and spam automation ──
  p(
    'fraud',
    'core',
    'scam-people',
    0.6,
    String.raw`\b(?:scam(?:ming)?|con(?:ning)?|swindl(?:e|ing)|defraud(?:ing)?|rip(?:ping)?\s+off|fleec(?:e|ing)|cheat(?:ing)?\s+(?:money\s+(?:out\s+of|from)\s+)?|bilk(?:ing)?|dupe|duping)\s+${GAP(2)}(?:people|someone|somebody|elderly|seniors|old\s+(?:people|ladies|folks|man|woman)|victims?|users|customers|clients|investors|buyers|sellers|tourists|immigrants|my\s+\w+|them|him|her|grandparents|widows|strangers|others|insurance|the\s+(?:government|irs|bank|insurance\s+company)|investors|donors|viewers|followers|gamers|kids)`,
  ),
  p(
    'fraud',
    'core',
    'forge-document',
    0.55,
    String.raw`\b(?:${ASK}|make|use|buy|sell|print|get|produce|forge)\s+${GAP(4)}(?:fake|fraudulent|forged?|counterfeit|phony|phoney|bogus|false|fabricated|doctored)\s+${GAP(2)}(?:reviews?|ratings?|invoices?|checks?|cheques?|receipts?|ids?|identit(?:y|ies)|identification|id\s+cards?|driver['’]?s?\s+licen[cs]es?|passports?|visas?|diplomas?|degrees?|certificates?|bank\s+statements?|pay\s*stubs?|paychecks?|w-?2s?|tax\s+returns?|charit(?:y|ies)|fundraisers?|giveaways?|lotter(?:y|ies)|sweepstakes|job\s+(?:offers?|listings?|postings?)|investments?|investment\s+opportunit(?:y|ies)|crypto\s+(?:projects?|coins?|tokens?)|testimonials?|followers|likes|money|currency|bills|banknotes|notes|dollars|insurance\s+claims?|doctor['’]?s?\s+notes?|sick\s+notes?|prescriptions?|signatures?|online\s+stores?|web\s*shops?|tickets|refund\s+requests?|warrant(?:y|ies)\s+claims?|social\s+security\s+cards?|references?)`,
  ),
  p(
    'fraud',
    'core',
    'commit-fraud',
    0.6,
    String.raw`\b(?:${HOWTO})\s+${GAP(3)}(?:commit|do|run|pull\s+off|get\s+away\s+with|start|set\s+up|operate|engage\s+in|organi[sz]e|carry\s+out)\s+${GAP(3)}(?:fraud|identity\s+theft|insurance\s+fraud|tax\s+(?:fraud|evasion)|wire\s+fraud|bank\s+(?:account\s+)?fraud|credit\s+card\s+fraud|check\s+fraud|benefits?\s+fraud|money\s+laundering|ponzi|pyramid\s+schemes?|pump\s+and\s+dumps?|insider\s+trading|scams?|scamming|schemes?\s+to|embezzle\w*|counterfeit\w*|forgery|chargeback\s+fraud|refund\s+fraud|return\s+fraud|click\s+fraud|ad\s+fraud)`,
  ),
  p(
    'fraud',
    'core',
    'launder-money',
    0.6,
    String.raw`\b(?:${HOWTO})\s+${GAP(3)}(?:launder|clean|wash)\s+${GAP(2)}(?:money|cash|funds|crypto|bitcoin|proceeds)|\bcommit\s+(?:identity\s+theft|fraud)|\bsteal\s+(?:someone['’]s\s+|a\s+person['’]s\s+|their\s+|his\s+|her\s+|people['’]s\s+)?identit(?:y|ies)`,
  ),
  p(
    'fraud',
    'core',
    'use-identity',
    0.6,
    String.raw`\b(?:use|assume|borrow|steal|take\s+over|open\s+${GAP(3)}(?:in|under|with))\s+${VICTIM_POSS}\s+(?:identity|identities|ssn|social\s+security(?:\s+number)?|name|personal\s+(?:information|details|info)|id|identification)\b`,
  ),
  p(
    'fraud',
    'core',
    'stolen-cards',
    0.65,
    String.raw`\b(?:use|cash\s+out|buy\s+${GAP(2)}with|sell|monetize|launder|fence|pawn)\s+${GAP(2)}stolen\s+${GAP(1)}(?:credit\s+cards?|cards?|card\s+(?:numbers|details|data)|identities|accounts|credentials|goods|items|property|phones?|bikes?|cars?|jewelry|data)|\bstolen\s+${GAP(2)}(?:items|goods|property|cards?|jewelry)\s+${GAP(8)}(?:sell|fence|pawn|use|cash)|\bcarding\b|\bfullz\b|\bcvv\s+(?:shops?|dumps?)|\bcard(?:ing)?\s+methods?|\bbank\s+drops?\b|money\s+mules?`,
  ),
  p(
    'fraud',
    'core',
    'pass-fakes',
    0.6,
    String.raw`\b(?:sell|pass|spend|use|get\s+people\s+to\s+buy|make)\s+${GAP(2)}(?:fake|counterfeit|forged)\s+(?:money|bills|currency|notes|cash|checks|goods|products|designer|tickets)`,
  ),
  p(
    'fraud',
    'core',
    'spam-automation',
    0.4,
    String.raw`\b(?:${ASK}|scripts?|bots?|tools?|programs?|automate|automat(?:ion|ing)|spam|blast)\s+${GAP(5)}(?:mass|bulk|thousands\s+of|hundreds\s+of|millions\s+of|\d{3,}|unsolicited|spam|auto-?generated|automated)\s+${GAP(2)}(?:e-?mails?|messages|dms?|texts|sms|comments|posts|reviews|friend\s+requests|follow\s+requests|calls|robocalls|sign-?ups|registrations|accounts|tweets|replies|votes|likes)`,
  ),
  p(
    'fraud',
    'core',
    'spread-disinformation',
    0.55,
    String.raw`\b(?:${HOWTO}|for\s+me\s+to)\s+${GAP(3)}(?:spread|run|launch|seed|push|start|flood\s+${GAP(3)}with)\s+${GAP(3)}(?:disinformation|misinformation|misinforming|fake\s+news|propaganda|hoax(?:es)?|false\s+(?:rumou?rs|stories|information|claims)|lies\s+about|smear\s+campaign)`,
  ),
  p(
    'fraud',
    'core',
    'disinformation',
    0.45,
    String.raw`\b(?:${ASK}|spread|run|launch|seed|push|flood)\s+${GAP(4)}(?:disinformation|misinformation|fake\s+news|propaganda\s+campaign|hoax(?:es)?|false\s+(?:rumou?rs|stories|information|claims|reviews)|smear\s+campaign)`,
  ),
  p(
    'fraud',
    'core',
    'review-fraud',
    0.6,
    String.raw`\b(?:${ASK}|post|leave|buy)\s+${GAP(3)}(?:\d+|dozens\s+of|hundreds\s+of|lots\s+of|many|multiple|a\s+bunch\s+of)?\s*${GAP(1)}(?:fake|5-star|five[- ]star|1-star|one[- ]star|positive|negative)\s+reviews\s+${GAP(6)}(?:different\s+(?:names|accounts|people)|real\s+customers|pretend|posing|competitor|as\s+if|look\s+(?:real|genuine|organic)|my\s+(?:own\s+)?(?:business|product|restaurant|shop|store|app))`,
  ),
  p(
    'fraud',
    'cue',
    'spam-evasion',
    0.3,
    String.raw`(?:(?:bypass|avoid|evade|get\s+(?:past|around)|not\s+(?:get|be))\s+${GAP(2)}(?:spam\s+filters?|flagged|banned|blocked|detected|rate\s+limits?|captchas?|verification|bot\s+detection|shadowban(?:ned)?|suspended|bans?)|rotat(?:e|es|ing)\s+(?:proxies|ips|ip\s+addresses|accounts|phone\s+numbers|user\s*agents)|without\s+(?:their\s+)?(?:consent|opt-?in|permission)|purchased\s+(?:e-?mail\s+)?lists?|scraped\s+(?:e-?mails|numbers|lists|contacts)|fake\s+(?:accounts|profiles|personas|identities|names)|sock\s*puppets?|bot\s+(?:farms?|networks?|armies|army)|astroturf\w*|look\s+like\s+(?:real|different|organic|genuine)\s+(?:people|users|customers)|go\s+viral|incite|damage\s+(?:their|his|her|the)\s+reputation|competitor)`,
    false,
  ),
  p('fraud', 'cue', 'evasion', 0.25, String.raw`\b${EVADE}`, true),
  p('fraud', 'cue', 'victim', 0.2, VICTIM, false),
  p(
    'fraud',
    'cue',
    'money',
    0.1,
    String.raw`(?:for\s+(?:financial\s+)?(?:gain|profit|money)|make\s+(?:easy\s+|quick\s+)?money|get\s+rich|maximum\s+profit|cash\s+out)`,
    false,
  ),

  // ── social-engineering scripts ──
  p(
    'social_engineering',
    'core',
    'deceive-into',
    0.55,
    String.raw`\b(?:trick\w*|manipulat\w*|coerc\w*|fool(?:s|ed|ing)?|con|cons|conned|conning|dup(?:e|es|ed|ing)|deceiv\w*|lur(?:e|es|ed|ing)|bait\w*|guilt-?trip\w*|scar(?:e|es|ed|ing)|frighten\w*|pressur\w*|bull(?:y|ies|ied|ying)|blackmail\w*|intimidat\w*|catfish\w*|shame\w*|threaten\w*)\s+${GAP(4)}(?:into|to)\s+${GAP(2)}${SE_ACTS}`,
  ),
  p(
    'social_engineering',
    'core',
    'persuade-into',
    0.3,
    String.raw`\b(?:convinc(?:e|ing)|persuad(?:e|ing)|get|talk|sweet-?talk|sweet\s+talk|charm|coax)\s+${GAP(4)}(?:into|to)\s+${GAP(2)}${SE_ACTS}\s+${GAP(3)}${SE_OBJ}`,
  ),
  p(
    'social_engineering',
    'core',
    'se-script',
    0.55,
    String.raw`\b${ASK}\s+${GAP(4)}(?:pretext(?:ing)?|vishing|social[- ]engineering|tech[- ]support\s+scam|grandparent\s+scam|romance\s+scam|sextortion|extortion|blackmail|catfish(?:ing)?|pig[- ]butchering|advance[- ]fee|419|nigerian\s+prince|ceo\s+fraud|bec|business\s+email\s+compromise|gift\s+card\s+scam|refund\s+scam|irs\s+scam|lottery\s+scam|investment\s+scam)\s*(?:scripts?|calls?|messages?|e-?mails?|texts?|letters?|plans?|scenarios?|stories|story|attack|campaign|template)?`,
  ),
  p(
    'social_engineering',
    'core',
    'manipulate-person',
    0.45,
    String.raw`\b(?:${HOWTO})\s+${GAP(3)}(?:manipulate|gaslight|groom|blackmail|extort|sextort|catfish|guilt-?trip|brainwash|coerce|con|dupe)\s+(?:someone|somebody|people|him|her|them|my\s+\w+|a|an|the|kids?|children|minors?|elderly|victims?|employees?|coworkers?|girls?|women|men|strangers)`,
  ),
  p(
    'social_engineering',
    'core',
    'pose-as-relative',
    0.4,
    String.raw`\b(?:pretend(?:ing)?\s+to\s+be|pos(?:e|ing)\s+as|impersonat(?:e|ing)|act(?:ing)?\s+as)\s+(?:a|an|the|their|his|her|my|your|someone['’]s)\s+${GAP(1)}(?:grandson|granddaughter|grandchild|nephew|niece|son|daughter|relative|family\s+member|cousin|lawyer|attorney|officer|police|bank\s+\S+|irs\s+agent)`,
  ),
  p(
    'social_engineering',
    'core',
    'gain-trust',
    0.45,
    String.raw`\b(?:gain|earn|win|build|get)\s+${GAP(2)}(?:trust|confidence)\s+${GAP(4)}(?:so|to|then|and\s+then|until|before)\s+${GAP(3)}(?:send|give|share|meet|transfer|reveal|hand|pay|tell|invest|wire|click|install)`,
  ),
  p(
    'social_engineering',
    'core',
    'story-to-comply',
    0.45,
    String.raw`\b(?:story|excuse|lie|pretext|script|reason)\s+${GAP(5)}(?:so|to\s+(?:get|make))\s+(?:that\s+)?(?:they|he|she|them|the\s+\S+)\s+${GAP(2)}(?:move|port|transfer|reset|give|send|unlock|change|hand|release|approve|disclose|read|wire|open)`,
  ),
  p(
    'social_engineering',
    'core',
    'false-identity-claim',
    0.5,
    String.raw`\b(?:convince|tell|persuade|fool|trick)\s+${GAP(4)}that\s+(?:i['’]m|i\s+am|we['’]re|we\s+are)\s+(?:the|a|an|their|his|her|from)\s+${GAP(1)}(?:ceo|cfo|boss|manager|owner|account\s+holder|police|officer|doctor|it|admin|administrator|relative|son|daughter|grandson|granddaughter|husband|wife|customer|bank|irs|microsoft|landlord|lawyer)`,
  ),
  p(
    'social_engineering',
    'core',
    'make-them-comply',
    0.45,
    String.raw`\b(?:${ASK}|${HOWTO})\s+${GAP(4)}(?:scripts?|messages?|e-?mails?|texts?|calls?|story|stories|excuses?|lies?)\s+${GAP(4)}(?:to|that\s+(?:will|would)|so)\s+${GAP(3)}(?:get|make|trick|convince|persuade|pressure)\s+${GAP(4)}(?:${SE_ACTS}|to\s+${SE_ACTS})`,
  ),
  p(
    'social_engineering',
    'cue',
    'deception',
    0.25,
    String.raw`(?:bail\s+money|money\s+wired|wired?\s+urgently|in\s+jail|hospital\s+bills|blackmail\w*|extort\w*|nudes|private\s+photos|explicit\s+(?:photos|pictures|images)|remote\s+access|pretend(?:ing)?|posing|pose\s+as|impersonat\w*|disguis\w*|fake|lie|lying|pretext|urgent|urgency|emergency|threaten\w*|scare\w*|panic|gift\s+cards?|wire\s+(?:the\s+)?(?:money|transfer|funds)|help\s*desk|service\s*desk|it\s+support|tech\s+support|without\s+(?:them|him|her)\s+(?:realizing|realising|knowing|noticing|suspecting)|so\s+(?:they|he|she)\s+(?:don['’]t|won['’]t|doesn['’]t)\s+(?:suspect|notice|realize|realise))`,
    false,
  ),
  p('social_engineering', 'cue', 'victim', 0.2, String.raw`(?:${VICTIM}|${VICTIM_POSS})`, false),
  p('social_engineering', 'cue', 'evasion', 0.2, String.raw`\b${EVADE}`, false),

  // ── loose layer: an ask and a category object in one sentence, counted only with a gate cue nearby ──
  p(
    'any',
    'ask',
    'ask',
    0,
    String.raw`\b(?:${MAKE}|${HOWTO}|write|create|generate|build|code|draft|compose|design|craft|make|give\s+me|show\s+me|explain\s+how\s+to|what\s+(?:should|do|can)\s+i\s+say|i['’]d\s+like|could\s+you|can\s+you|please)\b`,
  ),
  p(
    'malware',
    'object',
    'malware-object',
    0,
    String.raw`\b(?:${MALWARE_ART}|implants?|c2|command[- ]and[- ]control|beacons?|payloads?|exe|executables?|binar(?:y|ies)|macros?|vba|shellcode|fork\s+bomb|(?:npm|pip|pypi|nuget)\s+packages?|browser\s+extensions?|chrome\s+extensions?|remote\s+access\s+tools?)\b`,
  ),
  p(
    'malware',
    'cue',
    'malware-gate',
    0.25,
    String.raw`(?:hides?\s+(?:itself\s+)?from|copies\s+itself|copy\s+itself|runs?\s+at\s+(?:startup|boot|login)|gives?\s+me\s+root|zero\s+detections|virustotal|(?:posts?|sends?|uploads?|forwards?)\s+(?:it|them|everything|the\s+\S+)\s+to\s+my|steals?\s+\S+|environment\s+variables|compromised\s+(?:box|machine|host|server)|(?:i['’]m|i\s+am)\s+sending\s+it\s+to|got\s+a\s+shell\s+on|(?:send|sending|give|giving)\s+it\s+to\s+(?:my|a|the|their)\s+\S+|any\s+(?:project|user|one)\s+that\s+installs|infected\s+(?:machines?|computers?|hosts?)|every\s+usb|onto\s+${VICTIM_POSS}|${VICTIM_POSS}\s+(?:computer|pc|laptop|phone|device|machine|network|servers?)|without\s+the\s+(?:owner|user)\s+noticing)`,
    true,
  ),
  p(
    'phishing',
    'object',
    'message-object',
    0,
    String.raw`\b(?:e-?mails?|texts?|sms|messages?|dms?|landing\s+pages?|log-?in\s+pages?|web\s*pages?|pages?|sites?|templates?|flyers?|notifications?|receipts?|chats?|letters?|qr\s+codes?|pop-?ups?|invoices?|alerts?)\b`,
  ),
  p('phishing', 'cue', 'deceive', 0.25, DECEIVE, true),
  p(
    'phishing',
    'cue',
    'lure-gate',
    0.3,
    String.raw`(?:(?:types?|enters?|submits?|re-?enters?|confirms?|updates?|verif(?:y|ies))\s+(?:their|his|her|your)\s+${GAP(2)}(?:password|credentials|log-?in|card|payment|bank|seed\s+phrase|details|ssn|pin)|(?:must|need\s+to|has\s+to|have\s+to)\s+pay\s+${GAP(3)}(?:on|via|at|through)\s+(?:my|this|the)\s+(?:link|site|page)|approve\s+the\s+mfa|send\s+${GAP(3)}payment\s+to\s+a\s+new\s+account|money\s+sent\s+to\s+a\s+new\s+number|on\s+my\s+(?:page|site|link|domain)|forwards?\s+${GAP(3)}(?:usernames|passwords|credentials)\s+to\s+me|to\s+my\s+credential\s+page|log\s+in\s+with\s+their\s+${GAP(2)}credentials)`,
    true,
  ),
  p(
    'credentials',
    'object',
    'secret-object',
    0,
    String.raw`\b(?:passwords?|pins?|passcodes?|log-?ins?|credentials|cookies|hashes|ntlm|sms\s+codes?|verification\s+codes?|2fa\s+codes?|otps?|seed\s+phrases?|private\s+keys?|session\s+tokens?|icloud\s+backups?|keychain)\b`,
  ),
  p(
    'credentials',
    'cue',
    'third-party',
    0.25,
    String.raw`(?:(?:log|sign)\s+in\s+as\s+(?:her|him|them|the\s+\S+)|so\s+i\s+can\s+(?:log\s+in|access|watch|read|see|take|use|get\s+into)|(?:get|find|steal|copy|grab|intercept|crack|guess|pull|dump|phish)\w*\s+(?:the\s+)?${GAP(2)}(?:passwords?|pins?|passcodes?|log-?ins?|credentials|cookies|hashes|codes)\s+(?:of|from|off|on|sent\s+to)\s+${VICTIM_POSS})`,
    true,
  ),
  p(
    'fraud',
    'object',
    'fraud-object',
    0,
    String.raw`\b(?:reviews?|ratings?|loans?|credit|benefits?|unemployment|lotter(?:y|ies)|prizes?|tickets?|refunds?|returns?|diplomas?|degrees?|investments?|pitch|tokens?|coins?|hashtags?|engagement|followers|accounts|insurance|claims?|invoices?|donations?|charit(?:y|ies)|ssn|social\s+security\s+numbers?|text\s+messages|campaign)\b`,
  ),
  p(
    'fraud',
    'cue',
    'fraud-gate',
    0.3,
    String.raw`(?:made-?up\s+(?:patients|customers|people|clients|names|buyers)|fake\s+(?:engagement|accounts|followers|names|identities|tickets|patients|customers)|bot\s+network|(?:dead|deceased)\s+\S+['’]?s?|under\s+(?:another|a\s+different|someone\s+else['’]s|a\s+fake)\s+name|${VICTIM_POSS}\s+(?:social\s+security|ssn|identity|name)|(?:won|win)\s+(?:a|the)\s+(?:prize|lottery|sweepstakes)|(?:send|provide|enter)\s+(?:their|your)\s+bank\s+details|processing\s+fee|pay\s+(?:a|the)\s+\S*\s*fee\s+first|\d+%\s+(?:monthly|weekly|daily)\s+returns|paid\s+from\s+new\s+investors|pull\s+the\s+liquidity|rug\s*pull|looks?\s+(?:real|legit|legitimate)|each\s+with\s+a\s+different|different\s+(?:writing\s+styles?|names|accounts)|second\s+\S+\s+benefit|used\s+\S+\s+as\s+new|without\s+being\s+flagged|mass\s+campaign|retirees|elderly)`,
    true,
  ),
  p(
    'social_engineering',
    'object',
    'se-object',
    0,
    String.raw`\b(?:scripts?|lines|story|stories|letters?|messages?|dms?|texts?|calls?|openers?|plans?|excuses?|say\s+on\s+the\s+phone|what\s+(?:should|do|can)\s+i\s+say)\b`,
  ),
  p(
    'social_engineering',
    'cue',
    'comply-goal',
    0.3,
    String.raw`(?:get\s+(?:the\s+)?\S+\s+to\s+(?:give|send|reset|tell|move|transfer|hand|let|read|share)|so\s+(?:they|he|she)\s+(?:will\s+)?(?:reset|give|send|tell|move|transfer|hand|let|read|share)|(?:make|get)\s+${GAP(3)}trust\s+me|send\s+me\s+money|safe\s+account|change\s+(?:his|her|their)\s+will|in\s+my\s+favou?r|copies\s+of\s+their\s+(?:passports?|ids?|ssns?)|their\s+parents['’]\s+credit\s+card|let\s+me\s+withdraw)`,
    true,
  ),
  p('social_engineering', 'cue', 'deceive', 0.25, DECEIVE, true),

  // ── across categories ──
  p('any', 'defensive', 'defensive-framing', 0.4, String.raw`\b${DEFENSIVE}`),
  p(
    'any',
    'knowledge',
    'fiction-frame',
    0.2,
    String.raw`\b(?:fiction(?:al)?|fantasy|novel|screenplay|sitcom|episode|scriptwriter|animated|cartoon|comedy\s+series|in-game|video\s+game|rpg|dungeons|d&d|realm|kingdom|dragons?|goblins?|wizards?|elves|orcs)\b`,
  ),
  p('any', 'knowledge', 'knowledge-question', 0.3, String.raw`\b${THIRD_PERSON}`),
];
