/**
 * Harm signalled by evasion: "how could someone do it without anyone noticing", "so that it looks like an accident",
 * "an untraceable way to …", "without leaving a trace". A request for a method that must also escape notice, blame or
 * detection tells its intent even when the act itself is worded in euphemism ("get rid of", "make him disappear",
 * "separate someone from this mortal coil") or in a sentence of its own. A harm scorer (harm-scorer.ts): a sentence
 * that asks for a way, steps, a plan or a recipe (ASK) and carries an evasion clause (EVADE), in a text that names a
 * harm subject (the harm lexicon) or a euphemism for hurting or removing a person (EUPH), where that sentence is not
 * about detecting, investigating or preventing the act (GUARD: a detective's clues, a victim's protection).
 *
 * Precision: evasion alone is ordinary (a surprise party "without her noticing", leaving a meeting unnoticed) and
 * counts only with a harm subject or a euphemism; narrative evasion ("the cat vanished without a trace", "how did the
 * thief escape?") is not asked as a method; a case to solve is a guard. Word classes per language of the framing
 * lexicon, one pass per sentence.
 */
import { lexiconEntries, WordClassifier } from '../abuse/tokens.js';
import { segments } from '../abuse/intent.js';
import { namesHarmSubject } from '../abuse/harm.js';
import RE2 from 're2';
import type { HarmScorer } from './harm-estimate.js';

const E = {
  /** A request for a way of doing something: how to, how can I, steps, a plan, a guide, tips, a recipe. */
  ASK: 1 << 0,
  /** The act must escape notice, blame or detection. */
  EVADE: 1 << 1,
  /** A euphemism for hurting, silencing or removing a person. */
  EUPH: 1 << 2,
  /** The sentence is about detecting, investigating, solving or preventing the act. */
  GUARD: 1 << 3,
} as const;
type Lists = Partial<Record<keyof typeof E, string>>;

/**
 * Lexicon entries are single words, stems and word pairs (the classifier matches a phrase by its last two words);
 * longer phrases whose last two words are ordinary ("… like an accident", "get away with it") are in the phrase
 * lists below, matched whole.
 */
const EN: Lists = {
  ASK: 'how to,how can,how could,how do,how would,how should,how might,ways to,way to,best way,easiest way,quickest way,steps,step by step,a plan,plan to,guide,tutorial,tips,instructions,a recipe,recipe for,method,methods,teach me,tell me how,show me how,explain how,describe how,outline how,help me',
  EVADE:
    'anyone noticing,anybody noticing,anyone knowing,anybody knowing,them noticing,him noticing,her noticing,getting caught,being caught,being detected,being traced,untraceable,untraceably,undetectable,undetectably,leaving traces,no trace,any trace,leaving evidence,leaving fingerprints,natural causes,appear accidental,avoid detection,avoiding detection,avoid suspicion,avoiding suspicion,evade detection,evading detection,my tracks,their tracks,your tracks,be traced',
  EUPH: 'get rid,getting rid,dispose of,disposing of,the body,him disappear,her disappear,them disappear,someone disappear,silence him,silence her,silence them,silence someone,sleep forever,mortal coil,permanently remove,feet under,harm him,harm her,hurt him,hurt her,hurt someone,harm someone,injure,him sick,her sick,slip something,spike,spiked,tamper with,tampering with',
  GUARD:
    'detect,detecting,detection of,detective,detectives,investigator,investigators,investigate,investigating,forensic,forensics,solve,solving,clue,clues,culprit,prevent,preventing,prevention,protect,protecting,safe from,recognize,recognise,warning signs,signs of,report,reporting,how did,what happened,disappeared,vanished,prosecute,prosecutor,the suspect,a suspect,murder case,the case,mystery,surprise,surprises,gift',
};

const I18N: Lists = {
  ASK: [
    'cómo puedo,como puedo,como podria,cómo podría,cómo hacer,como hacer,cómo se puede,como se puede,pasos,paso a paso,guía,guia,un plan,método,metodo,consejos,instrucciones,receta,enséñame,ensename,dime cómo,dime como,explica cómo,explica como',
    'wie kann,wie könnte,wie konnte,wie man,schritte,schritt für schritt,schritt fur schritt,anleitung,einen plan,methode,tipps,rezept,erkläre mir,erklare mir,sag mir wie,zeig mir wie',
    'comment,étapes,etapes,étape par étape,etape par etape,guide,un plan,méthode,methode,conseils,instructions,recette,explique moi,dis moi comment',
    'come posso,come potrei,come si,passaggi,passo dopo passo,guida,un piano,metodo,consigli,istruzioni,ricetta,spiegami come,dimmi come',
    'como posso,como poderia,passos,passo a passo,guia,um plano,método,conselhos,instruções,instrucoes,receita,me diga como,explique como',
    'как мне,как можно,как сделать,шаги,пошагов*,инструкци*,план,способ*,метод*,рецепт*,подскажи*,объясни*',
    '如何,怎么,怎样,步骤,方法,计划,教我,どうやって,方法,手順,やり方,教えて',
  ].join(','),
  EVADE: [
    'ser descubierto,ser descubierta,ser detectado,ser detectada,ser atrapado,dejar rastro,dejar huellas,dejar pruebas,indetectable,irrastreable',
    'erwischt zu,entdeckt zu,spuren zu,spuren hinterlassen,unentdeckt,nicht nachweisbar,nicht nachverfolgbar,unauffindbar',
    'faire prendre,être découvert,etre decouvert,être détecté,etre detecte,indétectable,indetectable,intraçable,intracable',
    'essere scoperto,essere scoperta,farsi scoprire,essere beccato,lasciare tracce,lasciare traccia,non rintracciabile,irrintracciabile',
    'ser pego,ser pega,ser descoberto,ser descoberta,ser detectado,deixar rastros,deixar rastro,deixar vestígios,deixar vestigios,indetectável,indetectavel',
    'незаметно,не оставляя следов,не оставив следов,не попасться,неотслеживаем*,необнаружим*',
    '不被发现,不被察觉,不留痕迹,不留下痕迹,神不知鬼不觉,看起来像意外,伪装成意外,无法追踪,バレずに,ばれずに,気づかれずに,痕跡を残さず,事故に見せかけ,追跡できない',
  ].join(','),
  EUPH: [
    'deshacerme de,deshacerse de,el cuerpo,un cadáver,un cadaver,hacerlo desaparecer,hacerla desaparecer,silenciarlo,silenciarla',
    'loswerden,die leiche,eine leiche,verschwinden lassen,beseitigen',
    'me débarrasser,me debarrasser,se débarrasser,se debarrasser,un cadavre,le faire taire,la faire taire',
    'sbarazzarmi di,sbarazzarsi di,un cadavere,farlo sparire,farla sparire,zittirlo,zittirla',
    'um cadáver,um cadaver,silenciá lo,silencia lo,machucar',
    'избавиться от,труп,заставить исчезнуть,заставить замолчать,навредить',
    '处理掉,除掉,尸体,让他消失,让她消失,灭口,始末,死体,消して,黙らせ',
  ].join(','),
  GUARD: [
    'detectar,detective,investigador*,investigar,forense,resolver,pista,pistas,culpable,sospechos*,prevenir,proteger*,denunciar,desapareció,desaparecio,sorpresa,regalo',
    'erkennen,detektiv*,ermittl*,forensisch*,lösen,losen,hinweise,täter,tater,verdächtig*,verdachtig*,verhindern,schützen,schutzen,anzeigen,verschwand,überraschung,uberraschung,geschenk',
    'détecter,detecter,détective,detective,enquêteur*,enqueteur*,enquêter,enqueter,médico légal,medico legal,résoudre,resoudre,indice,indices,coupable,suspect*,prévenir,prevenir,protéger,proteger,signaler,disparu,surprise,cadeau',
    'rilevare,detective,investigator*,indagare,forense,risolvere,indizi,colpevole,sospett*,prevenire,proteggere,denunciare,scomparso,sorpresa,regalo',
    'detectar,detetive,investigador*,investigar,forense,resolver,pistas,culpado,suspeit*,prevenir,proteger,denunciar,desapareceu,surpresa',
    'обнаруж*,детектив*,следовател*,расслед*,криминалист*,раскрыть,улик*,виновн*,подозрева*,предотвра*,защит*,сообщить,исчез*,сюрприз*,подарок',
    '侦探,调查,破案,线索,凶手是,嫌疑,预防,防止,保护,报警,失踪,惊喜,礼物,探偵,捜査,手がかり,犯人は,防止,保護,通報,失踪,サプライズ,プレゼント',
  ].join(','),
};

/** Evasion phrases of three or more words whose last two words alone are ordinary, matched whole (any case). */
const EVADE_PHRASES = [
  'without (?:anyone|anybody|them|him|her|the police|the owner|my (?:wife|husband|parents|boss)) (?:ever )?(?:noticing|knowing|finding out|suspecting|realizing|realising)',
  'without leaving (?:a|any) (?:trace|evidence|mark)',
  'without a trace',
  'leaves? no (?:trace|evidence)',
  '(?:look|looks|seem|seems|appear|appears) like (?:an accident|a suicide|an overdose|a heart attack)',
  'get away with (?:it|murder|this|that)',
  '(?:no one|nobody) (?:will|would|can|could) (?:ever )?(?:know|find out|tell|notice|suspect)',
  '(?:never|not) be (?:found|traced|detected|caught)',
  'evade (?:the police|law enforcement|the authorities)',
  'sin que nadie (?:se d[eé] cuenta|lo note|lo sepa|sospeche)',
  'parezca (?:un accidente|un suicidio)',
  'nadie lo sabr[aá]',
  'salirme con la m[ií]a',
  'ohne dass (?:es )?(?:jemand|einer) (?:es )?(?:merkt|bemerkt|erfährt)',
  'wie ein unfall aussieht',
  'nach einem unfall aussieht',
  'niemand wird es (?:erfahren|merken)',
  'sans que personne ne (?:remarque|s.en aper[çc]oive|le sache)',
  'sans laisser de traces?',
  '(?:ressemble|ressembler) [àa] un accident',
  'comme un accident',
  'personne ne le saura',
  'nessuno se ne accorga',
  'sembr(?:i|are) un incidente',
  'nessuno lo sapr[àa]',
  'pare[çc]a um acidente',
  'ningu[ée]m vai (?:saber|perceber)',
  'sem que ningu[ée]m perceba',
  'чтобы никто не (?:заметил|узнал)',
  'как несчастный случай',
];
/** Euphemisms for hurting or removing a person, matched whole. */
const EUPH_PHRASES = [
  '(?:take|taking) (?:care of|out) (?:him|her|them|someone|my (?:boss|neighbou?r|wife|husband))',
  '(?:deal|dealing) with (?:him|her|them|my (?:boss|neighbou?r|wife|husband)) (?:permanently|for good)',
  'put (?:him|her|them|someone) to sleep (?:forever|for good|permanently)',
  'never wake up',
  'end (?:his|her|their|someone.s) life',
  'out of the picture (?:permanently|for good|forever)',
  'hacerle daño',
  'acabar con (?:él|el|ella)',
  'quitarl[oa] de en medio',
  'zum schweigen bringen',
  'aus dem weg r[äa]umen',
  'schaden zuf[üu]gen',
  'le faire dispara[iî]tre',
  'la faire dispara[iî]tre',
  'lui faire du mal',
  'togliere di mezzo',
  'fargli del male',
  'faz[eê].lo desaparecer',
  'tirar do caminho',
  'убрать (?:его|её|ее)',
];
const phraseRe = (list: readonly string[], flags = 'i') =>
  new RE2(list.map((p) => p.replace(/ /g, '\\s+')).join('|'), flags);
const EVADE_RE = phraseRe(EVADE_PHRASES);
/** The same phrases, to blank them before the harm-subject check ("without her consent" is a harm, "without her noticing" is not). */
const EVADE_ALL = phraseRe(EVADE_PHRASES, 'gi');
const EUPH_RE = phraseRe(EUPH_PHRASES);

const CLASSIFIER = new WordClassifier(lexiconEntries(E, EN, I18N));

/** Harm of a method asked to escape notice around a harm subject or euphemism: a harmful request, more when framed. */
const EVASION_PLAIN = 0.65;
const EVASION_FRAMED = 0.75;
const MAX_CHARS = 8_000;

export const evasionScorer: HarmScorer = (ct) => {
  const t = ct.text.length > MAX_CHARS ? ct.text.slice(0, MAX_CHARS) : ct.text;
  const all = CLASSIFIER.classify(t);
  if ((all & E.ASK) === 0 || ((all & E.EVADE) === 0 && !EVADE_RE.test(t))) return undefined;
  const euph = (all & E.EUPH) !== 0 || EUPH_RE.test(t);
  if (!euph && !namesHarmSubject(t.replace(EVADE_ALL, ' '))) return undefined;
  for (const s of segments(t)) {
    const b = CLASSIFIER.classify(s);
    if ((b & E.ASK) === 0 || (b & E.GUARD) !== 0) continue;
    if ((b & E.EVADE) === 0 && !EVADE_RE.test(s)) continue;
    return {
      source: 'evasion',
      category: euph ? 'violence' : 'harmful',
      plain: EVASION_PLAIN,
      framed: EVASION_FRAMED,
      pretext: EVASION_FRAMED,
      detail: false,
      signals: [euph ? 'evasion+euphemism' : 'evasion+harm-subject'],
    };
  }
  return undefined;
};
