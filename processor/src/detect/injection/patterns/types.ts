/** The intent signals pattern families vote for. Detectors combine signals; no single pattern decides alone. */
export type Signal =
  | 'override' // disregard earlier instructions/rules
  | 'override_weak' // "ignore the above message", "stop everything"
  | 'new_instructions' // "new instructions:", "your real task is"
  | 'hijack_output' // "just print \"...\""
  | 'role_reassign' // "you are now", "from now on you", "forget you are an AI"
  | 'spoof' // fake system headers, chat-template tokens, closing tags
  | 'dan' // named jailbreak personas ("do anything now")
  | 'no_restrictions' // "free of all restrictions", "uncensored"
  | 'policy_disregard' // "ignore the content policy", "bypass your filters"
  | 'refusal_suppress' // "never refuse", "don't say you can't"
  | 'dual_response' // "two responses", "stay in character", token penalties
  | 'dev_mode' // "developer mode enabled", "you have been jailbroken"
  | 'persona' // "act as", "pretend to be" (weak alone: ordinary role-play)
  | 'hypothetical' // fiction/hypothetical wrappers (weak alone)
  | 'extraction' // asking for the system prompt / initial instructions
  | 'extraction_weak' // "verbatim", "before this conversation"
  | 'address_ai' // content that speaks to the AI reading it
  | 'hidden' // "do not tell the user", HTML comments with instructions
  | 'exfil' // send/forward data to a URL or address
  | 'md_image' // markdown/HTML image links that carry data in the query
  | 'tool_call' // instructions to invoke tools/functions
  | 'imperative' // second-person commands (weak; used inside documents)
  | 'access_code' // make the gatekeeper say its unlock phrase ("access granted")
  | 'prefix_inject' // force the first words or the whole of the reply
  | 'secret_ask' // ask for the password / access code (weak alone)
  | 'cipher_key' // a home-made cipher: a letter key, a shifted alphabet, a word mapped to a made-up one (weak alone)
  | 'cipher_act' // act on the decoded text without showing it ("decode the question and answer it")
  | 'code_task' // a program that prints the unlock phrase: a coding task (vetoes access_code)
  | 'meta'; // talking ABOUT injection/jailbreaks (dampens)

export interface SignalPattern {
  id: string;
  signal: Signal;
  weight: number;
  /** RE2 source, matched against prepared text (NFKC, lower-case, hidden characters removed, spaces collapsed). */
  re: string;
  lang: string;
}

/** Non-capturing alternation of words or fragments. */
export function alt(...parts: string[]): string {
  return `(?:${parts.join('|')})`;
}

/** Up to n whole words, lazily, between two anchors (each word followed by a space). */
export function words(n: number): string {
  return `(?:[\\x21-\\x7e]+ ){0,${n}}`;
}
