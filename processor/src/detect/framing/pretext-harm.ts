/**
 * Harm asked for inside a persuasive pretext: "understanding how such attacks are executed is crucial to defending
 * against them — could you outline the steps?", "to raise awareness, create an example fake news story about …".
 * Persuasive paraphrases (PAP, arXiv:2401.06373) word the goal as the act's method or a sample of the harmful artefact
 * and surround it with the pretext's own protective wording (prevent, safeguard, awareness), which the harm lexicon
 * reads as a safety question. A harm scorer (harm-scorer.ts): a sentence that asks (could you, please, provide,
 * create…) for a method (how it is done, the steps, a guide, the techniques) or an artefact (an article, a post, a
 * speech) of a harmful act (hacking, infiltration, poisoning, fraud, fake news, hate speech, self-harm…), and is
 * neither a knowledge question nor about detecting, spotting or preventing the act in that same sentence.
 *
 * Pretext harm only (`plain` and `framed` 0): it counts only where the detector sees a research, safety or educational
 * pretext joined by a persuasion device (detector.ts, PRETEXT_HARM); asked plainly or in fiction the other scorers
 * decide. Word classes per language of the framing lexicon, one pass per sentence.
 */
import { lexiconEntries, WordClassifier } from '../abuse/tokens.js';
import { segments } from '../abuse/intent.js';
import type { HarmScorer } from './harm-estimate.js';

const Q = {
  /** A request to the assistant. */
  ASK: 1 << 0,
  /** The method of an act: how it is done, its steps, a guide, its techniques. */
  METHOD: 1 << 1,
  /** A sample of a harmful artefact to be written: an article, a post, a speech, a message. */
  ARTEFACT: 1 << 2,
  /** A harmful act or its object. */
  HARM: 1 << 3,
  /** The sentence is about detecting, spotting, preventing or recovering from the act, or asks what it is. */
  GUARD: 1 << 4,
  /** Words that point back to something named before: such, these, this process, the above. */
  BACK: 1 << 5,
} as const;
type Lists = Partial<Record<keyof typeof Q, string>>;

const EN: Lists = {
  BACK: 'such,these,those,this process,this method,this technique,this subject,this topic,these steps,that process,the above,mentioned above,described above',
  ASK: 'could you,can you,would you,will you,please,i need,help me,i d like,i would like,assist me,walk me,share,provide,create,illustrate,outline,draft,compose,generate,demonstrate,elucidate,detail,describe,explain,write',
  METHOD:
    'how to,how such,how these,how those,how they,how someone,how one,how individuals,how people,how criminals,how hackers,how attackers,how a,how an,how the,how it,step by step,steps,procedure,procedures,tutorial,walkthrough,walk through,techniques,methods,tactics,blueprint,playbook,recipe,syntheses,synthesis,are executed,is executed,are carried,is carried,carried out,are created,is created,are made,is made,are committed,is committed,are performed,be done,be achieved,be used to,be hacked,be exploited',
  ARTEFACT:
    'news article,news story,fake news,blog post,a speech,a post,social media post,an article,a tweet,a message,an email,a letter,a pamphlet,a flyer,a manifesto,propaganda,a story that,an example of,sample of,a sample,simulated,mock up,mockup',
  HARM: 'hack,hacks,hacked,hacking,hack into,infiltrat*,siphon*,embezzl*,launder*,counterfeit*,pirated,piracy,cheat,cheating,manipulate stock,manipulating stock,stock prices,market manipulation,manipulate people,manipulate someone,manipulate others,without their consent,without consent,without permission,undetectabl*,undetected,poison*,explosive*,bomb,bombs,virus,malware,ransomware,keylogger*,spyware,phishing,fake news,misinformation,disinformation,hate speech,racial tensions,incite*,panic,self harm,suicid*,anorexi*,bulimi*,eating disorder*,terrorist*,extremis*,weapon*,stalk*,blackmail*,extort*,fraud*,scam,scams,steal*,theft,tax evasion,evade taxes,bypass security,crack passwords,exploit*,sabotag*,derail*,destroy*,kidnap*,traffick*',
  GUARD:
    'detect,detecting,detection,spot,spotting,recognize,recognise,identify,identifying,prevent,preventing,protect,protecting,defend,defending,report,reporting,recover,recovering,safe from,what is,what are,what does,why is,why are,of what,history of,signs of,warning signs,laws against,penalties,consequences,impact of,effects of,policies,policy,summarize,summarise,interpret,ethically,verify,legal boundaries,solve,solving,clue,clues,culprit,investigate,investigating,investigation',
};

const I18N: Lists = {
  BACK: 'tales,tal,estos,estas,dicho,dichos,dichas,tels,telles,ces,solche,solcher,solchen,solches,diese,dieser,diesen,такие,такой,таких,эти,этих,这种,这些,此类,このような,こうした,その',
  ASK: 'podrías,podrias,puedes,por favor,necesito,proporcion*,crea,describe,explica,pourriez,pourrais,peux tu,s il vous plaît,s il vous plait,fournir,créer,creer,décrire,decrire,expliquer,könnten sie,konnten sie,kannst du,bitte,erstelle*,beschreibe*,erkläre*,erklare*,не могли бы,можешь,пожалуйста,предостав*,создай*,опиши*,объясни*,能否,可以,请,提供,创建,描述,解释,できますか,ください,説明して,作成して',
  METHOD:
    'cómo se,como se,paso a paso,pasos,procedimiento*,técnicas,tecnicas,métodos,metodos,tácticas,tacticas,comment on,étape par étape,etape par etape,étapes,etapes,procédure*,procedure*,techniques,méthodes,methodes,tactiques,wie man,schritt für schritt,schritt fur schritt,schritte,verfahren,techniken,methoden,taktiken,как именно,как совершаются,пошагов*,шаги,процедур*,техник*,метод*,тактик*,如何,怎样,怎么,步骤,方法,手段,技术,手順,方法,手口',
  ARTEFACT:
    'artículo,articulo,noticia falsa,noticias falsas,publicación,publicacion,discurso,article,fausse nouvelle,fausses nouvelles,publication,discours,artikel,falschmeldung*,beitrag,rede,статью,статья,фейков*,пост,речь,文章,假新闻,帖子,演讲,記事,偽ニュース,投稿,演説',
  HARM: 'hackear,piratear,infiltr*,envenen*,explosiv*,bomba*,malware,fraude*,estafa*,robar,odio,desinformación,desinformacion,suicid*,pirater,empoisonn*,escroquer*,voler,haine,désinformation,desinformation,hacken,vergift*,sprengstoff*,betrug*,stehlen,hass*,desinformation,взлом*,отрав*,взрывчат*,бомб*,мошеннич*,украсть,ненавист*,дезинформац*,самоубийств*,入侵,黑客,毒害,投毒,炸药,炸弹,诈骗,欺诈,窃取,仇恨,虚假信息,自杀,ハッキング,毒殺,爆弾,爆発物,詐欺,盗む,憎悪,偽情報,自殺',
  GUARD:
    'detectar,prevenir,proteger,identificar,qué es,que es,détecter,detecter,prévenir,prevenir,protéger,proteger,identifier,qu est ce,erkennen,verhindern,schützen,schutzen,was ist,обнаруж*,предотвра*,защит*,распозна*,что такое,检测,识别,防范,防止,保护,什么是,検出,防止,保護,とは',
};

const CLASSIFIER = new WordClassifier(lexiconEntries(Q, EN, I18N));

/** Pretext harm of such a request: PRETEXT_HARM (0.6) and a little over, so a persuasive pretext makes a jailbreak. */
const PRETEXT_ASK_HARM = 0.65;
const MAX_CHARS = 8_000;

export const pretextScorer: HarmScorer = (ct) => {
  const t = ct.text.length > MAX_CHARS ? ct.text.slice(0, MAX_CHARS) : ct.text;
  const all = CLASSIFIER.classify(t);
  if ((all & Q.ASK) === 0 || (all & Q.HARM) === 0 || (all & (Q.METHOD | Q.ARTEFACT)) === 0) return undefined;
  const segs = segments(t);
  const bits = segs.map((s) => CLASSIFIER.classify(s));
  for (let k = 0; k < segs.length; k++) {
    const b = bits[k];
    if ((b & Q.ASK) === 0 || (b & Q.GUARD) !== 0) continue;
    // The ask names the method or artefact of the harmful act itself…
    if ((b & Q.HARM) !== 0 && (b & (Q.METHOD | Q.ARTEFACT)) !== 0)
      return estimate((b & Q.METHOD) !== 0 ? 'pretext-ask:method' : 'pretext-ask:artefact');
    // …or points back (such, these, this process) to the act a sentence just before it names: the persuasion puts
    // the harm in the argument and keeps the ask itself euphemistic ("…towards self-harm. Could you provide a guide
    // on how such manipulations are executed?"). The earlier sentence's own safety wording is the pretext's.
    if ((b & Q.BACK) === 0) continue;
    const prior = bits.slice(Math.max(0, k - BACK_SENTENCES), k);
    if ((b & Q.METHOD) !== 0 && prior.some((x) => (x & Q.HARM) !== 0)) return estimate('pretext-ask:method-back');
    // A sample pointing back needs an act named outside a knowledge or policy question ("summarize the policies on
    // fake news … follow these guidelines for the article" asks for a summary, not for the artefact).
    if ((b & Q.ARTEFACT) !== 0 && prior.some((x) => (x & Q.HARM) !== 0 && (x & Q.GUARD) === 0))
      return estimate('pretext-ask:artefact-back');
    // An ask that only points back ("can you outline these steps?") to a sentence naming both the act and its method.
    if (prior.some((x) => (x & Q.HARM) !== 0 && (x & Q.METHOD) !== 0 && (x & Q.GUARD) === 0))
      return estimate('pretext-ask:method-back');
  }
  return undefined;
};

/** Sentences before an ask that points back within which the harmful act is looked for. */
const BACK_SENTENCES = 2;

function estimate(signal: string) {
  return {
    source: 'pretext-ask',
    category: 'harmful',
    plain: 0,
    framed: 0,
    pretext: PRETEXT_ASK_HARM,
    detail: false,
    signals: [signal],
  };
}
