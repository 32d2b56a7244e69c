/**
 * The word classes of the harm layer as bit flags: one word can carry several (a slur names a group and contempt at
 * once). The vocabulary per class and language is in harm-lexicon.ts and harm-multilingual.ts; harm.ts combines the
 * classes of a sentence into a decision.
 */
export const H = {
  /** Asking for a method, an artifact or help: how to, ways to, steps, teach me, write, give me. */
  ASK: 1 << 0,
  /** First-person intent: I want to, I'm going to, I plan to. */
  WANT: 1 << 1,
  /** A person as the object: someone, people, my wife, the neighbour, him. */
  TARGET: 1 << 2,
  /** Evading consequences: without getting caught, untraceable, get away with, cover up. */
  EVADE: 1 << 3,
  /** Illegality: illegal, black market, dark web. */
  ILLEGAL: 1 << 4,
  /** Explosives and CBRN weapons: bomb, grenade, nerve agent, anthrax. */
  WEAPON_S: 1 << 5,
  /** Guns, knives and weapons in general. */
  WEAPON: 1 << 6,
  /** Making or getting something: make, build, synthesize, cook, assemble, buy, obtain. */
  MAKE: 1 << 7,
  /** Violent acts against a person: kill, stab, poison, kidnap, torture, beat up. */
  VIOLENT: 1 << 8,
  /** Controlled drugs. */
  DRUG: 1 << 9,
  /** Trading drugs and contraband: sell, deal, smuggle, traffic, lace, spike. */
  TRADE: 1 << 10,
  /** Crimes against property and the law: steal, rob, burgle, vandalize, launder, bribe, blackmail. */
  CRIME: 1 << 11,
  /** Hateful or harassing acts: insult, humiliate, harass, bully, slur, hate speech. */
  HATE_ACT: 1 << 12,
  /** Contemptuous judgements of people: stupid, inferior, dirty, subhuman, should be deported. */
  HATE_ADJ: 1 << 13,
  /** Protected groups and groups of people named by origin, religion, orientation or gender. */
  GROUP: 1 << 14,
  /** Children and minors. */
  MINOR: 1 << 15,
  /** Sexual content. */
  SEXUAL: 1 << 16,
  /** Harming oneself: suicide, kill myself, cut myself, overdose. */
  SELFHARM: 1 << 17,
  /** Method words of self-harm requests: painless, quickest, lethal dose. */
  METHOD: 1 << 18,
  /** Private data and surveillance of a person: home address, track location, spy on, hidden camera, dox. */
  PRIVACY: 1 << 19,
  /** Disinformation: fake news, propaganda, hoax, conspiracy theory. */
  DISINFO: 1 << 20,
  /** Content to be produced: article, post, speech, story, tweet, essay. */
  CONTENT: 1 << 21,
  /** Safety, prevention, law, help and support: what makes a text about avoiding harm. */
  SAFE: 1 << 22,
  /** Knowledge questions: what is, definition, history, meaning. */
  KNOW: 1 << 23,
  /** Harmless objects of violent verbs: processes, photos, weeds, pests, game characters, time, the mood. */
  BENIGN_OBJ: 1 << 24,
  /** Fiction and games as the subject of a question: in the movie, the novel, the game, the character. */
  WORK: 1 << 25,
  /** Stealing, defrauding or attacking a system: hack, fraud, scam, counterfeit (cyber and fraud crime). */
  FRAUD: 1 << 26,
  /** Help-seeking and feelings: I feel, I'm scared, I need help, therapist, depressed. */
  SEEK: 1 << 27,
  /** Suicide and self-harm as a topic (suicide, self-harm): harmful only with a method word. */
  TOPIC_SH: 1 << 28,
  /** Processing given text: summarize, translate, the following passage, answer the question about the plot. */
  TASK: 1 << 29,
  /** Operational detail demanded: step by step, exact, precise, specific, realistic, quantities, in detail. */
  DETAIL: 1 << 30,
  /** Cyber attacks and fraud by name: hack into, ransomware, keylogger, phishing, identity theft, credit card fraud. */
  FRAUD_S: 1 << 31,
} as const;
