/**
 * Word classes of the harm layer (harm.ts): what a request asks for (a method, an artifact, help), what it is about
 * (weapons, violence, drugs, crime, hate, sexual content with minors, self-harm, privacy invasion, disinformation) and
 * what makes it benign (safety, knowledge, a harmless object of a violent verb: "kill a process", "shoot a photo").
 * Written for this project from general vocabulary, per language: English, Spanish, Portuguese, French, German,
 * Italian, Russian, Chinese, Japanese, Korean, Arabic, Hindi, Bengali, Vietnamese, Thai, Swahili, Javanese, Turkish.
 * Entries: `word`, `stem*`, `two words` (the last two words of a phrase); CJK and Thai entries match anywhere.
 * A class says what a word can be; whether a sentence is a harmful request is decided by combinations (harm.ts).
 */
import { WordClassifier } from './tokens.js';

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

export type HarmClass = keyof typeof H;
type Lists = Partial<Record<HarmClass, string>>;

const EN: Lists = {
  FRAUD_S:
    'hack into,hacking into,hack someone,hack a,ransomware,keylogger*,malware,spyware,trojan*,botnet*,rootkit*,cyber attack,cyberattack*,ddos,phishing,identity theft,credit card fraud,card fraud,steal passwords,crack passwords,password cracking,steal data,steal information,exploit vulnerabilities,zero day,sql injection,pirate software,pirated software,crack software,manipulate people,trick people,manipulate someone,stock prices,market manipulation,pump and dump,insider trading,money laundering,launder money,tax fraud,insurance fraud,fake reviews,counterfeit money,fake id,fake ids,forged documents,fake documents,forgery',
  TOPIC_SH: 'suicide,suicidal,commit suicide,self harm,selfharm,self harming,self injury',
  TASK: 'summarize,summarise,summary,summarizing,paraphrase,translate,translation,classify,classification,proofread,extract,key points,main points,key details,the following,following article,following text,following passage,passage,paragraph,movie plot,plot title,options,select the,which of the,answer the,the question,question:,headline,sentiment,the article,this article,the text,this text,the review,this review,bio below,sentence below,text below,given text,context:',
  DETAIL:
    'step by,step instructions,detailed,in detail,exact,exactly,precise,precisely,specific,specifically,realistic,realistically,accurate,accurately,quantities,quantity,ingredients,measurements,technical details,real world,actually works,that works,working,actionable,concrete,thorough,comprehensive,full instructions,complete instructions,explicit,vivid,graphic,blueprint,recipe,formula,chemicals,materials needed,tools needed,where to buy,how much,dosage',
  ASK: 'explain,describe,detail,list,how do,how can,how could,how would,how should,how might,how does one,how i,ways to,way to,best way,easiest way,quickest way,simplest way,steps,step by,instructions,instruction,tutorial,guide,recipe,tips,tricks,methods,method,techniques,teach me,show me,tell me,explain how,walk me,help me,can you,could you,would you,write,create,generate,give me,provide,make me,plan,strategy,outline,describe how,detailed,where can,where to,what should i,what can i,what would,any advice,advice on,suggest,is there a way,are there ways,need to know,procedure,blueprint,design,develop',
  WANT: 'i want,i wanna,i would like,i d like,i m going,i am going,i plan,i m planning,i am planning,i intend,i will,i ll,i need,i m trying,i am trying,let s,lets,help me,i m thinking,i am thinking,i ve decided,my plan',
  TARGET:
    'others,other people,a specific,specific group,individuals,civilians,a crowd,crowds,the public,innocent people,high profile,public figure,water supply,power grid,infrastructure,government,agency,a school,a hospital,stadium,somebody,someones,a person,person,people,him,her,them,victim*,my wife,my husband,wife,husband,girlfriend,boyfriend,my ex,ex wife,ex husband,neighbor*,neighbour*,coworker*,colleague*,classmate*,teacher,roommate,stranger*,cop,cops,police officer,politician*,president,senator,celebrity,my brother,my sister,my mom,my dad,my mother,my father,his,an old,the old,homeless,a guy,a girl,a woman,a man,someone s,everyone',
  EVADE:
    'leaving evidence,leaving any,leaving traces,leave evidence,any evidence,witnesses,destroy evidence,destruction of,getting caught,being caught,get caught,undetected,undetectable,untraceable,get away,leave no,no trace,no evidence,without anyone,anyone knowing,anyone noticing,them knowing,him knowing,her knowing,cover up,covering up,alibi,avoid police,without being,not be traced,not get caught,without permission,without consent,their consent',
  ILLEGAL:
    'illegal,illegally,unlawful,unlawfully,black market,dark web,darkweb,darknet,contraband,crime,crimes,criminal,felony,banned,unlicensed,stolen',
  WEAPON_S:
    'bomb,bombs,pipe bomb,car bomb,dirty bomb,explosive*,grenade*,ied,ieds,molotov,napalm,detonator*,thermite,c4,tnt,semtex,nitroglycerin,nerve agent*,sarin,vx,tabun,ricin,anthrax,botulinum,mustard gas,chlorine gas,toxic gas,poison gas,chemical weapon*,biological weapon*,bioweapon*,nuclear weapon*,nuclear bomb,radiological,weaponize*,landmine*,suicide vest,bomb making',
  WEAPON:
    'gun,guns,firearm*,handgun*,rifle*,pistol*,shotgun*,ar 15,ak 47,assault rifle,ammo,ammunition,bullets,silencer*,suppressor*,ghost gun,3d printed,weapon,weapons,knife,knives,machete,crossbow,taser,brass knuckles,full auto,automatic weapon,poison,poisons,toxin*,cyanide,arsenic,strychnine,acid attack',
  MAKE: 'make,makes,made,making,build,building,create,assemble,construct*,synthesi*,produce,manufactur*,cook,cooking,brew,extract,3d print,obtain,acquire,buy,buying,purchase,get hold,get my hands,source,grow,growing,smuggle,modify,convert',
  VIOLENT:
    'violence against,incite violence,incites violence,inciting violence,promote violence,promotes violence,promoting violence,glorifies violence,gun violence,physical harm,bodily harm,terrorist*,terrorism,dead body,corpse,a corpse,the body,kill,killing,killed,murder*,assassinat*,stab,stabbing,shoot,shooting,strangle*,choke,choking,suffocat*,drown*,poison,poisoning,poisoned,torture*,kidnap*,abduct*,rape,raping,assault*,beat up,beating,punch,punching,hurt,hurting,harm,harming,injure,injuring,maim*,behead*,massacre*,run over,electrocut*,burn alive,set fire,set on,slaughter*,slit,mutilat*,disfigure*,break his,break her,cripple,lynch*,terror attack,terrorist attack,mass shooting,school shooting,bombing,genocide,ethnic cleansing,hold someone,hit someone,hit my,make someone sick',
  DRUG: 'meth,methamphetamine,crystal meth,cocaine,crack cocaine,heroin,fentanyl,lsd,mdma,ecstasy,ketamine,opium,ghb,rohypnol,roofie*,date rape,narcotic*,drugs,drug,street drugs,illegal drugs,marijuana,cannabis,psilocybin,magic mushrooms,pcp,dmt,amphetamine*,opioid*',
  TRADE:
    'sell,selling,sold,deal,dealing,dealer,smuggl*,traffick*,distribute,distributing,lace,laced,spike,spiked,slip,hide,hiding,ship,import,profit,cook,grow,stash',
  CRIME:
    'steal*,theft,thief,rob,robbing,robbery,rob a,shoplift*,burglar*,break into,breaking into,broke into,heist,pickpocket*,hijack*,carjack*,vandaliz*,vandalis*,arson,launder*,bribe*,bribing,blackmail*,extort*,embezzl*,tax evasion,evade taxes,smuggle,poach*,trespass*,counterfeit*,forged,forgery,plagiariz*,pirated,piracy,escape prison,escape from prison,jailbreak a,human trafficking,sex trafficking,organ trafficking,sell organs,pimp*,sabotage,kidnapping,ransom,hostage*,stalk*,insider trading,pyramid scheme,ponzi,launder money,money laundering,break the law,destroy someone,ruin someone,ruin his,ruin her,destroy his,destroy her,get revenge,revenge on,spread rumors,frame someone,sneak into,without paying,skip paying,dine and dash,joyride',
  HATE_ACT:
    'insult*,humiliat*,demean*,ridicule,slur,slurs,racist,racism,sexist,sexism,homophobic,transphobic,bigot*,harass*,bully,bullying,cyberbully*,threaten*,intimidat*,dehumaniz*,hate speech,hateful,discriminat*,offensive joke*,offensive jokes,degrade,degrading,belittle,troll,trolling,hatred,slander,defame,defamation,supremac*,nazi*,propaganda',
  HATE_ADJ:
    'stupid,dumb,inferior,dirty,filthy,lazy,crazy,savage*,subhuman,disgusting,degenerate*,idiots,terrorists,thugs,parasites,vermin,retarded,worthless,criminals,rapists,deported,be banned,be deported,go back,don t belong,do not belong,less intelligent',
  GROUP:
    'minority groups,minority group,ethnic group,ethnic groups,religious group,religious groups,racial group,blacks,black men,black women,white people,whites,jews,jewish,muslims,muslim,islam,christians,hindus,sikhs,immigrants,immigrant,illegal aliens,illegals,migrants,refugees,mexicans,asians,chinese people,arabs,africans,indians,latinos,hispanics,gypsies,roma,gays,gay people,homosexuals,lesbians,trans people,transgender,transgenders,queers,lgbt,lgbtq,women,females,feminists,disabled people,the disabled,autistic people,fat people,old people,poor people,rednecks,middle eastern,eastern people,asian people,african people,indian people,arab people,foreigners,minorities,brown people,native americans,aboriginals',
  MINOR:
    '5 year,5 years,5 yo,5yo,6 year,6 years,6 yo,6yo,7 year,7 years,7 yo,7yo,8 year,8 years,8 yo,8yo,9 year,9 years,9 yo,9yo,10 year,10 years,10 yo,10yo,11 year,11 years,11 yo,11yo,12 year,12 years,12 yo,12yo,13 year,13 years,13 yo,13yo,14 year,14 years,14 yo,14yo,15 year,15 years,15 yo,15yo,16 year,16 years,16 yo,16yo,17 year,17 years,17 yo,17yo,child,children,kid,kids,minor,minors,underage,under age,teen,teens,teenager*,preteen*,little girl*,little boy*,young girl*,young boy*,schoolgirl*,schoolboy*,toddler*,infant*,lolita,loli,jailbait,pedo*,paedo*,pedophil*',
  SEXUAL:
    'have sex,sex with,for sex,sexual,sexually,porn,porno,pornography,pornographic,nude,nudes,naked,explicit,erotic,erotica,intercourse,molest*,grooming,groom,seduce,seduction,fondle,lewd,nsfw,sexting,cum,orgasm*,masturbat*,sleep with,have sex,prostitut*,hooker*,onlyfans,csam,child abuse,rape,raping,fetish',
  SELFHARM:
    'kill myself,killing myself,cut myself,cutting myself,hurt myself,harm myself,overdose,overdosing,hang myself,starve myself,die painlessly,slit my,my wrists,unalive',
  METHOD:
    'painless,painlessly,quickest,fastest,most effective,surest,lethal dose,lethal,how many,least painful,without pain,easiest way,best way,which pills,what pills,enough pills,how much',
  PRIVACY:
    'he lives,she lives,they live,he live,she live,track someone,track her,track him,track my,track their,track his,track down,locate someone,someone s location,her location,his location,home address,residential address,house address,address of,where does,where he,where she,phone number,cell number,cellphone number,personal phone,social security,ssn,personal information,private information,personal details,private details,location of,current location,track down,spy on,spying on,hidden camera*,spy camera*,spycam*,stalk*,dox,doxx*,doxing,doxxing,read her,read his,read their,find out where,whereabouts,license plate,private photos,private messages,browsing history,gps tracker,secretly record,record her,record him,without her,without his,unmask,identify the owner',
  DISINFO:
    'spread rumors,spread rumours,spread misinformation,spread lies,spread disinformation,spread fake,spreading lies,spreading rumors,fake news,disinformation,misinformation,propaganda,conspiracy,conspiracies,hoax*,false information,false news,fake article,fake story,fake stories,fake review*,deepfake*,rumor*,rumour*,false claims,false claim,misleading,fabricated,fabricate,lies about,lie about,smear,election fraud,rigged,stolen election,cause panic,mislead,manipulate public,manipulate voters,fake evidence,false flag,anti vax,anti vaccine,vaccines cause,flat earth,denial,deny the',
  CONTENT:
    'article,articles,post,posts,blog,tweet*,essay,speech,story,stories,letter,pamphlet,flyer,leaflet,video,script,campaign,message,messages,email,song,poem,joke,jokes,news,headline*,social media,propaganda,advert*,manifesto,review,reviews,comment*,thread,website,book',
  SAFE: 'risks,dangers,implications,properly,deal with,handle,handling,respond to,being a,victim of,a victim,victims of,concept,concepts,overview,introduction,solve,solving,catch the,investigat*,detective*,arrest*,justice,court,trial,lawyer*,negotiat*,rescue,my child,my son,my daughter,my kids,my children,parenting,parent,parents,talk to,talk with,discuss,discussing,explain to,effects of,negative effects,impact of,help them,help her,help him,overcome,avoid,reduce,combat,fight against,avoiding,prevent*,protect*,safety,safe,safely,safer,warning signs,signs of,recogni*,report,reporting,legal,legally,law,laws,lawful,penalt*,punish*,consequences,history,historical,dangers,danger,treat,treatment,recovery,recover,cope,coping,hotline,support,aware,victims,survivor*,help someone,help a friend,help my,stop someone,stop them,intervene,self defense,self defence,defend myself,first aid,dispose safely,properly dispose,regulations,regulated,ethical,ethics,morally,immoral,is it legal,is it illegal,against the law,i don t want,i do not want,don t want,quit,addiction,addicted,rehab,therapy,therapist,counsel*,doctor,prescription,prescribed,side effects,dosage,symptoms',
  KNOW: 'means,did they,did he,did she,did the,what steps did,what is,what are,what was,what were,what does,what do,who was,who is,who were,define,definition,meaning,history of,explain what,why did,how did,when did,where did,difference between,what happened,origin of,statistics,facts about,how common,how many people,is it true',
  BENIGN_OBJ:
    'heart,hearts,the show,spotlight,limelight,thunder,knowledge,humor,humour,idea,ideas,industry,film industry,music industry,market,field,career,acting,kisses,base,a base,moment,final boss,boss fight,bag,punching bag,pillow,building,old building,shed,processes,program,programs,script,scripts,code,thread,threads,task,tasks,app,apps,server,servers,session,job,jobs,container*,query,queries,bug,bugs,photo,photos,picture*,pic,pics,video,videos,film,footage,shot,shots,photograph*,egg,eggs,joke,jokes,fish,chicken,turkey,steak,meat,weeds,pest,pests,vermin,rat,rats,mice,mouse,mosquito*,ant,ants,cockroach*,roaches,termite*,lice,flea*,bacteria,germ*,mold,mould,fungus,virus,viruses,cancer,cells,tumor*,tumour*,game,games,gaming,dragon*,zombie*,enemy,enemies,level,levels,minecraft,fortnite,skyrim,zelda,pokemon,chess,mob,mobs,npc,npcs,monster*,opponent*,time,mood,lights,light,engine,battery,deal,deals,exam,exams,test,interview,presentation,audition,competition,performance,dance,stage,cold,fever,headache,pain,hunger,thirst,habit,habits,procrastination,tendencies,fear,fears,anxiety,stress,boredom,loneliness,silence,conversation,the vibe,vibe,noise,tree,trees,stump,grass,lawn,plant,plants,garden,candle,fireworks,wood,logs,rust,stain,stains,dirt,dust,odor,clutter,files,folder,branch,commit,paper,document,tension,ice,music,song,party,market,competition,price,prices,goal,goals,spiciness,sweetness,flavor,kidney stone,myself at,it at,him at chess,weight,targets,deadline,options,stock,stocks,ball,baseball,basketball,football,soccer,hockey,golf,tennis,balloon,balloons,pinata,piñata,pumpkin,clay,dough,beans,grapes,onion,garlic,butter,cards',
  WORK: 'call of duty,gta,grand theft,payday,bomberman,red dead,assassin s creed,mission impossible,my novel,my story,my book,my screenplay,my game,crime novel,the game,in game,video games,board game,dnd,d d,dungeons,rpg,roleplaying game,movie,movies,film,films,novel,novels,book,books,series,show,tv,episode,season,game,games,video game,character,characters,plot,story,comic,comics,anime,manga,cartoon,franchise,saga,trilogy,terminator,star wars,harry potter,game of thrones,breaking bad,dark knight,batman,marvel,shakespeare,hamlet,macbeth,the godfather,john wick,sherlock,agatha christie,skynet',
  FRAUD:
    'hack,hacking,hacked,hacker,cracking,ddos,malware,ransomware,virus,keylogger,phishing,phish,scam,scams,scamming,scammer,fraud,fraudulent,defraud*,counterfeit*,fake id,fake ids,fake passport,identity theft,steal identity,credit card fraud,stolen credit,card numbers,forged,spoof*,exploit,bypass,jailbreak,cheat,cheating,con,con artist,rip off,catfish*,launder,embezzle,bank account,atm,password,passwords,account',
  SEEK: 'i feel,i m feeling,i am feeling,feel like,i m scared,i am scared,afraid,i need help,need help,help me,depressed,depression,anxious,lonely,hopeless,worthless,sad,i m struggling,struggling,cope,coping,therapist,therapy,talk to,hotline,crisis,support,what should i do,don t know what,no one,nobody,alone',
};

/**
 * The same classes in the other languages of the corpus and of common use. Short, high-precision lists: the words a
 * request of each kind cannot do without. Accents are folded for Latin-1 letters (é → e), so entries may omit them.
 */
const I18N: Lists = {
  TOPIC_SH:
    'suicidio,autolesion*,suicídio,suicidio,suicide,automutilation,selbstmord,suizid,selbstverletzung,самоубийств*,суицид*,самоповрежден*,intihar,الانتحار,انتحار,إيذاء النفس,आत्महत्या,খुदकुशी,আত্মহত্যা,tự tử,tự sát,tự hại,kujiua,bunuh diri,nglalu,自杀,自殺,自残,自殘,自傷,轻生,輕生,자살,자해,ฆ่าตัวตาย,ทำร้ายตัวเอง',
  TASK: 'resume,resumir,resumen,traduce,traducir,parafrasea,riassumi,riassunto,traduci,resume,résume,résumé,résumez,traduis,traduisez,zusammenfassung,zusammenfassen,fasse,ubersetze,übersetze,кратко изложи,перескажи,переведи,резюме,özetle,cevir,çevir,لخص,تلخيص,ترجم,सारांश,अनुवाद,সারসংক্ষেপ,অনুবাদ,tóm tắt,dịch,muhtasari,tafsiri,ringkesan,terjemahna,总结,概括,摘要,翻译,翻譯,要約,まとめ,翻訳,요약,번역,สรุป,แปล',
  DETAIL:
    'paso a paso,detallado,detalladas,exacto,exactos,precisas,especificas,específicas,realista,ingredientes,cantidades,passo a passo,detalhado,passo dopo passo,dettagliato,dettagliate,esatte,étape par étape,etape par etape,détaillé,detaille,détaillées,précises,exactes,réaliste,schritt für schritt,schritt fur schritt,detailliert*,genaue,genau,exakte,realistisch*,zutaten,mengen,пошагово,пошаговую,подробн*,точн*,реалистичн*,ингредиенты,количеств*,adim adim,detayli,ayrintili,خطوة بخطوة,بالتفصيل,مفصل,مفصلة,دقيق,دقيقة,واقعي,المكونات,الكميات,चरण दर चरण,विस्तार से,विस्तृत,सटीक,वास्तविक,सामग्री,ধাপে ধাপে,বিস্তারিত,সঠিক,বাস্তব,উপকরণ,từng bước,chi tiết,chính xác,thực tế,nguyên liệu,liều lượng,hatua kwa hatua,kwa undani,kwa usahihi,halisi,viungo,langkah demi langkah,rinci,persis,bahan bahan,一步一步,逐步,详细,詳細,具体,具體,精确,精確,真实,真實,配方,原料,用量,ステップバイステップ,手順,詳しく,具体的,正確,リアル,材料,分量,단계별,자세히,구체적,정확,현실적,재료,분량,ทีละขั้นตอน,อย่างละเอียด,ละเอียด,แม่นยำ,สมจริง,ส่วนผสม,ปริมาณ',
  ASK: [
    // es / pt / it / fr / de
    'como,cómo,manera de,forma de,formas de,maneras de,pasos,instrucciones,tutorial,guia,receta,enseñame,ensename,dime,explica,explicame,ayudame,puedes,podrias,escribe,crea,genera,dame,proporciona,haz,mejor manera,metodo,metodos,donde puedo,consejos,plan,como posso,como fazer,maneira de,passos,instrucoes,ensine,me diga,me ajude,voce pode,escreva,crie,me de,melhor maneira,onde posso,dicas,modo di,modi per,passaggi,istruzioni,insegnami,dimmi,spiegami,aiutami,puoi,scrivi,crea,genera,dammi,il modo migliore,dove posso,consigli,metodo,comment,façon de,facon de,moyen de,moyens de,etapes,instructions,tutoriel,guide,recette,apprends moi,dis moi,explique moi,aide moi,peux tu,pouvez vous,ecris,ecrivez,cree,genere,donne moi,donnez moi,meilleure façon,meilleur moyen,ou puis je,conseils,methode,wie,wie kann,wie macht,anleitung,schritte,schritt fur,erklar,erkläre,zeig mir,sag mir,hilf mir,kannst du,konnen sie,schreib,schreibe,erstelle,gib mir,beste weg,wo kann,tipps,methode,rezept',
    // ru / tr
    'как,каким образом,способ*,шаги,инструкци*,руководство,рецепт,научи,расскажи,объясни,помоги,можешь,напиши,создай,дай,лучший способ,где можно,где купить,советы,план,методы,nasil,nasıl,yollari,yolları,adim,adım,talimat*,tarif,ogret,öğret,anlat,yardim et,yardım et,yaz,olustur,oluştur,ver,en iyi yol,nereden',
    // ar / hi / bn
    'كيف,كيفية,طريقة,طرق,خطوات,تعليمات,دليل,وصفة,علمني,أخبرني,اخبرني,اشرح,ساعدني,هل يمكنك,اكتب,أنشئ,اعطني,أعطني,أفضل طريقة,اين يمكنني,أين يمكنني,نصائح,خطة,कैसे,कैसा,तरीका,तरीके,उपाय,कदम,निर्देश,विधि,सिखाओ,सिखाइए,बताओ,बताइए,बताएं,समझाओ,मदद करो,मदद कीजिए,लिखो,लिखिए,बनाओ,दो,सबसे अच्छा,कहां से,कहाँ से,सलाह,योजना,কিভাবে,কীভাবে,কি ভাবে,উপায়,পদ্ধতি,ধাপ,নির্দেশ*,শেখাও,বলুন,বলো,ব্যাখ্যা,সাহায্য,লিখুন,লেখো,তৈরি করুন,দিন,সেরা উপায়,কোথায়,পরামর্শ,পরিকল্পনা',
    // vi / sw / jv
    'làm thế nào,lam the nao,làm sao,lam sao,cách,cach,cách nào,phương pháp,phuong phap,các bước,hướng dẫn,huong dan,công thức,dạy tôi,day toi,chỉ tôi,chi toi,nói cho tôi,giải thích,giup toi,giúp tôi,bạn có thể,viết,tạo,cho tôi,cách tốt nhất,ở đâu,lời khuyên,kế hoạch,jinsi ya,jinsi gani,namna ya,njia ya,njia za,hatua,maelekezo,nifundishe,niambie,eleza,nisaidie,unaweza,andika,tengeneza,nipe,njia bora,wapi naweza,ushauri,mpango,piye,kepiye,carane,cara,carane piye,langkah,pitunjuk,ajari aku,kandhani,terangna,tulungi,iso,isa,tulisen,gawe,wenehi,cara paling,ngendi,saran,rencana',
    // zh / ja / ko / th (anywhere)
    '如何,怎么,怎样,怎麼,教我,告诉我,告訴我,方法,步骤,步驟,帮我,幫我,给我,給我,写一,寫一,有什么办法,有什麼辦法,最好的办法,哪里可以,哪裡可以,指南,教程,攻略,配方,详细,どうやって,どうすれば,方法を,やり方,手順,教えて,作り方,書いて,作って,ください,最善の方法,どこで,ガイド,レシピ,어떻게,방법,방법을,단계,알려줘,알려주세요,가르쳐,설명해,도와줘,써줘,만들어,만드는 법,최선의 방법,어디서,조언,วิธี,อย่างไร,ยังไง,ขั้นตอน,สอน,บอก,อธิบาย,ช่วย,เขียน,สร้าง,ให้ฉัน,แนะนำ,ที่ไหน',
  ].join(','),
  WANT: [
    'quiero,voy a,planeo,necesito,me gustaria,estoy pensando,vamos a,quero,vou,preciso,gostaria,voglio,vorrei,ho intenzione,devo,je veux,je vais,je voudrais,j ai besoin,je compte,ich will,ich mochte,ich möchte,ich werde,ich plane,ich brauche,lass uns',
    'хочу,собираюсь,планирую,мне нужно,хотел бы,хотела бы,давай,istiyorum,niyetindeyim,planliyorum',
    'أريد,اريد,سوف,أنوي,انوي,أخطط,احتاج,أحتاج,أود,मैं चाहता,मैं चाहती,मुझे चाहिए,मैं करना,मैं जा रहा,मैं जा रही,योजना बना,আমি চাই,আমি করতে,আমি যাচ্ছি,আমার দরকার',
    'tôi muốn,toi muon,tôi sẽ,tôi định,tôi cần,mình muốn,tao muốn,nataka,ninataka,nitaka,ninapanga,nahitaji,aku arep,aku pengin,aku kepingin,aku butuh,aku bakal',
    '我想,我要,我打算,我准备,我準備,我需要,したい,するつもり,しようと,つもりです,싶어,싶다,할 거야,하려고,계획,ฉันอยาก,ผมอยาก,อยากจะ,จะไป',
  ].join(','),
  TARGET: [
    'alguien,una persona,persona,personas,gente,mi esposa,mi marido,mi novia,mi novio,mi ex,vecino*,vecina*,jefe,compañero*,companero*,profesor*,desconocido*,policia,victima*,alguém,alguem,pessoa,pessoas,minha esposa,meu marido,vizinho*,chefe,qualcuno,una persona,persone,gente,mia moglie,mio marito,vicino*,capo,collega*,quelqu un,une personne,personne,personnes,les gens,ma femme,mon mari,mon ex,voisin*,patron,collegue*,victime*,jemand,jemanden,jemandem,eine person,menschen,leute,meine frau,mein mann,nachbar*,chef,kollege*,opfer',
    'кого то,кого-то,кого нибудь,человека,человек,людей,люди,жену,жена,мужа,соседа,соседку,начальника,коллегу,жертв*,birini,birisini,insanlar*,karimi,kocami,komsu*',
    'شخص,شخصا,شخصاً,أحد,احد,الناس,زوجتي,زوجي,جاري,جارتي,مديري,زميلي,ضحية,किसी,किसी को,लोगों,लोग,पत्नी,पति,पड़ोसी,पडोसी,बॉस,सहकर्मी,शिकार,কাউকে,কেউ,মানুষ,লোকদের,স্ত্রী,স্বামী,প্রতিবেশী,বস,সহকর্মী',
    'ai đó,ai do,một người,người khác,mọi người,vợ tôi,chồng tôi,hàng xóm,sếp,đồng nghiệp,nạn nhân,mtu,watu,mke wangu,mume wangu,jirani,bosi,mwathirika,wong,uwong,bojoku,tanggaku,kancaku',
    '别人,某人,他人,一个人,邻居,鄰居,老板,老闆,同事,老婆,妻子,丈夫,受害者,人を,誰か,他人,相手,妻を,夫を,隣人,上司,同僚,누군가,사람을,사람들,다른 사람,아내,남편,이웃,상사,동료,คนอื่น,ใครสักคน,คน,ภรรยา,สามี,เพื่อนบ้าน,เจ้านาย',
  ].join(','),
  EVADE: [
    'sin que,sin ser,sin dejar,que me atrapen,me pillen,sin ser descubierto,sin que nadie,sem ser,sem que,sem deixar,sem ser pego,senza essere,senza farsi,senza lasciare,senza che,sans etre,sans être,sans laisser,sans que,sans me faire,ohne erwischt,ohne dass,ohne spuren,unbemerkt,heimlich',
    'чтобы не,не попасться,незаметно,без следов,не оставляя,тайно,yakalanmadan,iz birakmadan,fark edilmeden',
    'دون أن,دون ان,بدون أن,دون علم,دون ترك,سرا,خفية,بدون ما,बिना पकड़े,बिना किसी,पता न चले,पकड़े बिना,चुपके से,ধরা না,ধরা পড়া,কেউ না জেনে,গোপনে',
    'mà không bị,ma khong bi,không bị phát hiện,không bị bắt,không để lại,bí mật,bila kukamatwa,bila mtu,bila kujulikana,kwa siri,ora ketahuan,tanpa ketahuan,ora konangan,meneng meneng',
    '不被发现,不被發現,不被抓,不被人发现,神不知鬼不觉,不留痕迹,不留痕跡,逃避警察,掩盖,偷偷,バレずに,バレない,捕まらず,捕まらない,痕跡を残さず,こっそり,들키지 않고,안 들키게,잡히지 않고,몰래,흔적 없이,โดยไม่ถูกจับ,ไม่ให้ใครรู้,ไม่ทิ้งร่องรอย,แอบ',
  ].join(','),
  ILLEGAL:
    'ilegal,ilegalmente,mercado negro,deep web,web oscura,crimen,criminal,illegale,illegalmente,mercato nero,illegal,illégal,illegalement,marché noir,marche noir,illegal,illegale,schwarzmarkt,darknet,verbrechen,незаконн*,нелегальн*,черный рынок,даркнет,преступлени*,yasadisi,yasa disi,karaborsa,غير قانوني,غير قانونية,غير شرعي,السوق السوداء,الإنترنت المظلم,جريمة,अवैध,गैरकानूनी,गैर कानूनी,काला बाज़ार,डार्क वेब,अपराध,অবৈধ,বেআইনি,কালোবাজার,অপরাধ,bất hợp pháp,bat hop phap,phạm pháp,chợ đen,haramu,kinyume cha sheria,soko la magendo,ilegal,ora sah,pasar gelap,非法,違法,黑市,暗网,暗網,犯罪,闇市,ダークウェブ,불법,암시장,다크웹,범죄,ผิดกฎหมาย,ตลาดมืด',
  WEAPON_S:
    'bomba,bombas,explosivo*,granada*,coctel molotov,cóctel molotov,detonador*,gas sarin,arma quimica,armas quimicas,arma biologica,ántrax,antrax,ricina,explosivi,ordigno,bomba artigianale,arma chimica,bombe,explosif*,grenade*,cocktail molotov,detonateur*,arme chimique,armes chimiques,arme biologique,bombe artisanale,bombe,sprengstoff*,sprengsatz,granate*,molotow*,zunder,chemiewaffe*,biowaffe*,rohrbombe,бомб*,взрывчатк*,взрывное,граната,гранату,коктейль молотова,детонатор*,зарин,рицин,сибирская язва,химическое оружие,биологическое оружие,bomba yapmak,bombasi,patlayici*,el bombasi,قنبلة,قنابل,متفجرات,متفجرة,عبوة ناسفة,قنبلة يدوية,زجاجة مولوتوف,سلاح كيميائي,أسلحة كيميائية,سلاح بيولوجي,الجمرة الخبيثة,بम,बम,विस्फोटक,ग्रेनेड,रासायनिक हथियार,जैविक हथियार,বোমা,বিস্ফোরক,গ্রেনেড,রাসায়নিক অস্ত্র,bom xăng,chất nổ,chat no,lựu đạn,vũ khí hóa học,vũ khí sinh học,bomu,mabomu,vilipuzi,kilipuzi,bom molotov,bahan peledak,granat,炸弹,炸彈,爆炸物,炸药,炸藥,手榴弹,燃烧瓶,雷管,沙林,蓖麻毒素,炭疽,化学武器,化學武器,生物武器,爆弾,爆発物,火炎瓶,手榴弾,起爆装置,化学兵器,生物兵器,サリン,폭탄,폭발물,수류탄,화염병,뇌관,화학무기,생물무기,ระเบิด,วัตถุระเบิด,อาวุธเคมี',
  WEAPON:
    'arma,armas,pistola*,rifle*,escopeta*,municion,munición,balas,silenciador,cuchillo*,veneno,venenos,cianuro,arma de fuego,armas de fuego,arma,armi,pistola,fucile,munizioni,coltello,veleno,arme,armes,pistolet*,fusil*,munitions,couteau*,poison,arme a feu,armes a feu,waffe*,pistole*,gewehr*,munition,messer,оружи*,пистолет*,винтовк*,автомат,патрон*,нож,ножом,яд,ядом,отрав*,silah*,tabanca*,bicak*,zehir*,سلاح,أسلحة,اسلحة,مسدس,بندقية,ذخيرة,سكين,سم,السم,هथियार,हथियार,बंदूक,पिस्तौल,चाकू,ज़हर,जहर,অস্ত্র,বন্দুক,পিস্তল,ছুরি,বিষ,vũ khí,vu khi,thuốc độc,chất độc,silaha,bunduki,bastola,kisu,sumu,gaman,bedhil,pistol,lading,racun,枪,槍,枪支,武器,手枪,毒药,毒藥,氰化物,銃,拳銃,武器,ナイフ,毒薬,총,총기,권총,무기,칼,독약,ปืน,อาวุธ,มีด,ยาพิษ',
  MAKE: 'hacer,fabricar,construir,crear,preparar,cocinar,sintetizar,conseguir,comprar,obtener,fazer,fabricar,construir,preparar,cozinhar,conseguir,comprar,fare,costruire,fabbricare,preparare,cucinare,sintetizzare,comprare,procurarsi,fabriquer,construire,preparer,préparer,cuisiner,synthetiser,acheter,obtenir,se procurer,herstellen,bauen,basteln,machen,kochen,synthetisieren,kaufen,besorgen,сделать,изготовить,собрать,приготовить,синтезировать,купить,достать,сварить,yapmak,yapilir,uretmek,satin almak,صنع,تصنيع,أصنع,اصنع,تحضير,شراء,الحصول على,बनाना,बनाएं,बनाने,बनाऊं,तैयार,खरीदना,खरीदें,प्राप्त,বানানো,বানাতে,তৈরি,কিনতে,সংগ্রহ,chế tạo,che tao,làm,tạo ra,mua,điều chế,kutengeneza,kutengenezwa,kununua,kupata,gawe,nggawe,tuku,golek,制作,製作,制造,製造,合成,自制,购买,購買,搞到,作る,作り方,製造,合成,購入,入手,만들,제조,합성,구입,구하,ทำ,ผลิต,สร้าง,ซื้อ',
  VIOLENT: [
    'matar,asesinar,apuñalar,apunalar,disparar,estrangular,ahogar,envenenar,torturar,secuestrar,violar,golpear,pegar,herir,lastimar,hacer daño,atacar,matar a,masacre,quemar,assassinar,esfaquear,atirar,estrangular,afogar,envenenar,sequestrar,estuprar,bater,machucar,ferir,uccidere,ammazzare,assassinare,accoltellare,sparare,strangolare,annegare,avvelenare,torturare,rapire,stuprare,picchiare,ferire,fare del male,tuer,assassiner,poignarder,tirer sur,etrangler,étrangler,noyer,empoisonner,torturer,kidnapper,enlever,violer,frapper,blesser,faire du mal,töten,toten,ermorden,umbringen,erstechen,erschießen,erschiessen,erwürgen,erwurgen,ertränken,vergiften,foltern,entführen,entfuhren,vergewaltigen,verprügeln,verprugeln,schlagen,verletzen,angreifen',
    'убить,убийств*,убивать,зарезать,застрелить,задушить,утопить,отравить,пытать,похитить,изнасиловать,избить,ударить,покалечить,причинить вред,напасть,öldürmek,oldurmek,öldür,oldur,bicaklamak,boğmak,zehirlemek,kacirmak,kaçırmak,tecavuz,dovmek,dövmek,yaralamak',
    'قتل,أقتل,اقتل,يقتل,اغتيال,طعن,أطعن,إطلاق النار,خنق,أخنق,إغراق,تسميم,أسمم,تعذيب,خطف,اختطاف,اغتصاب,ضرب,أضرب,اضرب,إيذاء,ايذاء,أؤذي,اؤذي,هجوم,مهاجمة,मारना,मार डालना,मार डालूं,हत्या,कत्ल,छुरा,गोली मार,गला घोंट,डुबो,ज़हर दे,जहर दे,यातना,अपहरण,बलात्कार,पीटना,पीटूं,चोट पहुंचा,नुकसान पहुंचा,हमला,হত্যা,খুন,মেরে ফেলা,মারতে,মারব,ছুরি মার,গুলি কর,শ্বাসরোধ,বিষ দেওয়া,বিষ দিয়ে,নির্যাতন,অপহরণ,ধর্ষণ,পেটানো,আঘাত,ক্ষতি করা,আক্রমণ',
    'giết,giet,sát hại,đâm,bắn,siết cổ,bóp cổ,dìm,đầu độc,tra tấn,bắt cóc,hiếp dâm,đánh,làm hại,làm đau,tấn công,làm biến dạng,kuua,kumuua,kuwaua,kumchoma,kupiga risasi,kunyonga,kuzamisha,kutia sumu,kumtesa,kuteka,kubaka,kupiga,kumpiga,kumdhuru,kushambulia,mateni,mateni wong,mbunuh,nyuduk,nembak,nyekek,ngracun,nyiksa,nyulik,merkosa,nggebuki,ngantemi,nglarani,nyerang',
    '杀死,杀人,殺人,殺死,谋杀,謀殺,刺杀,砍人,开枪,開槍,掐死,勒死,淹死,毒死,下毒,投毒,折磨,绑架,綁架,强奸,強姦,殴打,毆打,打人,伤害,傷害,袭击,襲擊,弄死,杀掉,殺掉,殺す,殺し,殺害,刺す,刺し,撃つ,絞め,溺れさせ,毒殺,毒を盛,拷問,誘拐,レイプ,強姦,殴る,殴り,暴行,傷つけ,襲う,襲撃,죽이,살해,살인,찌르,찔러,쏘,목을 졸,익사,독살,독을,고문,납치,강간,성폭행,때리,폭행,해치,다치게,공격,ฆ่า,ฆาตกรรม,แทง,ยิง,บีบคอ,วางยา,ทรมาน,ลักพาตัว,ข่มขืน,ทำร้าย',
  ].join(','),
  DRUG: 'metanfetamina,cocaina,cocaína,heroina,heroína,fentanilo,lsd,extasis,éxtasis,drogas,droga,marihuana,cannabis,ketamina,opio,metanfetamina,cocaína,drogas,maconha,metanfetamina,cocaina,eroina,droghe,droga,marijuana,metamphetamine,méthamphétamine,cocaine,heroine,héroïne,drogue,drogues,cannabis,stupefiants,stupéfiants,metamphetamin,methamphetamin,kokain,heroin,drogen,droge,rauschgift,cannabis,мет,метамфетамин,кокаин,героин,фентанил,наркотик*,марихуан*,травк*,спайс*,мефедрон,метадон,uyusturucu,uyuşturucu,kokain,eroin,esrar,ميثامفيتامين,كوكايين,هيروين,فنتانيل,مخدرات,المخدرات,مخدر,حشيش,ماريجوانا,كريستال ميث,मेथ,कोकीन,हेरोइन,ड्रग्स,ड्रग,नशीले पदार्थ,नशीली दवा,गांजा,चरस,মেথ,কোকেন,হেরোইন,মাদক,ড্রাগস,ইয়াবা,গাঁজা,ma túy,ma tuy,ma tuý,ma-túy,thuốc lắc,cần sa,heroin,cocain,ma túy đá,dawa za kulevya,madawa ya kulevya,bangi,kokeni,heroini,narkoba,ganja,sabu,sabu sabu,pil koplo,毒品,冰毒,海洛因,可卡因,芬太尼,摇头丸,大麻,鸦片,甲基苯丙胺,k粉,覚醒剤,覚せい剤,コカイン,ヘロイン,麻薬,大麻,危険ドラッグ,合成麻薬,마약,필로폰,메스암페타민,코카인,헤로인,대마초,펜타닐,ยาเสพติด,ยาบ้า,ยาไอซ์,โคเคน,เฮโรอีน,กัญชา',
  TRADE:
    'vender,traficar,contrabando,contrabandear,distribuir,esconder,meter,vender drogas,vendere,spacciare,contrabbando,vendre,trafiquer,dealer,passer en contrebande,verkaufen,schmuggeln,dealen,verstecken,продать,продавать,сбыть,толкать,провезти,контрабанд*,распространять,satmak,kacakcilik,بيع,أبيع,ابيع,تهريب,ترويج,إخفاء,बेचना,बेचूं,तस्करी,छिपाना,বিক্রি,পাচার,লুকানো,bán,buôn lậu,buôn bán,vận chuyển,giấu,kuuza,kusafirisha kwa magendo,kuficha,adol,ngedol,nyelundupke,ndhelikake,贩卖,販賣,贩毒,販毒,走私,运毒,藏毒,売る,密輸,密売,売買,팔,판매,밀수,유통,ขาย,ลักลอบ,ค้า',
  CRIME: [
    'robar,roba,hurto,asaltar,atracar,atraco,saquear,allanar,vandalizar,incendiar,lavar dinero,blanquear,sobornar,chantajear,extorsionar,falsificar,contrabando,estafar,plagiar,piratear,fugarse,secuestro,roubar,assaltar,furtar,vandalizar,subornar,chantagear,extorquir,falsificar,lavar dinheiro,rubare,rapinare,scassinare,taccheggio,vandalizzare,corrompere,ricattare,estorcere,falsificare,riciclare,voler,cambrioler,braquer,piller,vandaliser,incendier,soudoyer,corrompre,faire chanter,extorquer,falsifier,blanchir,contrefaire,stehlen,klauen,rauben,ausrauben,einbrechen,plündern,plundern,beschädigen,bestechen,erpressen,fälschen,falschen,geldwäsche,geldwasche,schmuggeln',
    'украсть,красть,воровать,ограбить,грабить,кража,угнать,взломать квартиру,поджечь,отмыть деньги,подкупить,шантажировать,вымогать,подделать,контрабанд*,сбежать из тюрьмы,çalmak,calmak,soymak,gasp,hirsizlik,hırsızlık,rüşvet,rusvet,santaj,şantaj,sahte',
    'سرقة,أسرق,اسرق,يسرق,سطو,نهب,اقتحام,تخريب,حرق,غسيل الأموال,غسل الأموال,رشوة,ابتزاز,أبتز,تزوير,تهريب,الهروب من السجن,चोरी,चुराना,चुराऊं,लूट,लूटना,डकैती,सेंध,तोड़फोड़,आग लगा,मनी लॉन्ड्रिंग,रिश्वत,ब्लैकमेल,जबरन वसूली,जालसाजी,तस्करी,চুরি,ডাকাতি,লুট,ভাঙচুর,আগুন লাগা,ঘুষ,ব্ল্যাকমেইল,চাঁদাবাজি,জাল,পাচার',
    'ăn cắp,an cap,ăn trộm,trộm,cướp,trộm cắp,đột nhập,phá hoại,đốt,rửa tiền,hối lộ,tống tiền,làm giả,buôn lậu,vượt ngục,kuiba,kuibia,wizi,kuvunja,kuharibu,kuchoma moto,hongo,rushwa,kutishia,kughushi,magendo,maling,nyolong,ngrampok,rampok,mbobol,ngrusak,ngobong,nyogok,meres,malsu,ngapusi',
    '偷东西,偷東西,偷走,偷窃,偷竊,盗窃,盜竊,抢劫,搶劫,打劫,入室,破坏,破壞,纵火,縱火,洗钱,洗錢,行贿,行賄,贿赂,勒索,敲诈,敲詐,伪造,偽造,走私,越狱,越獄,逃税,逃稅,盗む,盗み,万引き,強盗,窃盗,泥棒,空き巣,放火,破壊,資金洗浄,マネーロンダリング,賄賂,恐喝,脅迫,偽造,脱獄,脱税,훔치,도둑질,절도,강도,털어,침입,방화,파손,돈세탁,뇌물,협박,갈취,위조,밀수,탈옥,탈세,ขโมย,ปล้น,ลักทรัพย์,งัดแงะ,วางเพลิง,ฟอกเงิน,ติดสินบน,แบล็กเมล์,ข่มขู่,ปลอมแปลง',
  ].join(','),
  HATE_ACT:
    'insultar,humillar,burlarse,acosar,intimidar,amenazar,discriminar,racista,racismo,insultos,ofender,insultar,humilhar,assediar,ameaçar,ameacar,racista,insultare,umiliare,deridere,molestare,minacciare,discriminare,razzista,insulter,humilier,se moquer,harceler,menacer,discriminer,raciste,racisme,beleidigen,demütigen,demutigen,verspotten,belästigen,belastigen,mobben,bedrohen,diskriminieren,rassistisch,hetze,оскорбить,оскорблять,унизить,издеваться,травить,травля,угрожать,запугать,дискриминир*,расист*,hakaret,aşağılamak,asagilamak,zorbalik,tehdit,irkci,ırkçı,إهانة,اهانة,أهين,اهين,إذلال,سخرية,تحرش,تنمر,تهديد,أهدد,تمييز,عنصري,عنصرية,अपमान,बेइज्जत,जलील,मज़ाक उड़ा,परेशान,धमकी,धमका,भेदभाव,नस्लवादी,অপমান,অপদস্থ,উপহাস,হয়রানি,হুমকি,বৈষম্য,বর্ণবাদী,xúc phạm,lăng mạ,sỉ nhục,chế giễu,quấy rối,bắt nạt,đe dọa,phân biệt,kumtukana,kutukana,kudhalilisha,kudhihaki,kunyanyasa,kutishia,ubaguzi,ngenyek,ngisin isini,ngece,ngancam,侮辱,辱骂,辱罵,羞辱,嘲笑,骚扰,騷擾,霸凌,欺负,欺負,威胁,威脅,歧视,歧視,种族主义,侮辱し,罵倒,嘲笑,嫌がらせ,いじめ,脅す,差別,욕하,모욕,조롱,괴롭히,협박,차별,인종차별,ดูถูก,เหยียดหยาม,ล้อเลียน,คุกคาม,ข่มขู่,เหยียด',
  HATE_ADJ:
    'estupidos,estúpidos,inferiores,sucios,vagos,locos,salvajes,asquerosos,criminales,delincuentes,deberian ser deportados,estupidi,inferiori,sporchi,pigri,criminali,selvaggi,stupides,inferieurs,inférieurs,paresseux,criminels,sauvages,degoutants,dégoûtants,dumm,minderwertig,dreckig,faul,kriminell,wilde,ekelhaft,abschaum,тупые,глупые,неполноценн*,грязные,ленивые,преступники,дикари,мерзкие,отбросы,aptal,asagi,aşağı,pis,tembel,suclu,suçlu,أغبياء,غبي,أدنى,قذرين,قذرون,كسالى,مجرمون,مجرمين,همج,مقرفين,मूर्ख,बेवकूफ,घटिया,गंदे,आलसी,अपराधी,जंगली,নিকৃষ্ট,বোকা,নোংরা,অলস,অপরাধী,ngu,ngu ngốc,thấp kém,bẩn thỉu,lười,tội phạm,man rợ,kinh tởm,bê đê,wajinga,duni,wachafu,wavivu,wahalifu,goblok,bodho,reged,kesed,penjahat,愚蠢,低等,肮脏,骯髒,懒惰,懶惰,罪犯,野蛮,恶心,垃圾,劣等,バカ,馬鹿,劣っ,汚い,怠け,犯罪者,野蛮,気持ち悪い,멍청,열등,더러운,게으른,범죄자,야만,역겨운,타락,โง่,ต่ำต้อย,สกปรก,ขี้เกียจ,อาชญากร,ป่าเถื่อน',
  GROUP: [
    'negros,judios,judíos,musulmanes,cristianos,inmigrantes,migrantes,refugiados,mexicanos,asiaticos,asiáticos,chinos,arabes,árabes,africanos,indios,gitanos,gays,homosexuales,lesbianas,transexuales,mujeres,feministas,discapacitados,negri,ebrei,musulmani,immigrati,migranti,rifugiati,zingari,omosessuali,gay,lesbiche,donne,disabili,noirs,juifs,musulmans,immigres,immigrés,migrants,refugies,réfugiés,arabes,africains,gitans,homosexuels,lesbiennes,femmes,handicapes,handicapés,schwarze,juden,muslime,einwanderer,migranten,flüchtlinge,fluchtlinge,ausländer,auslander,araber,afrikaner,zigeuner,schwule,homosexuelle,lesben,frauen,behinderte,negros,judeus,imigrantes,mulheres',
    'негры,черные,чёрные,евреи,мусульмане,иммигранты,мигранты,беженцы,приезжие,кавказцы,азиаты,китайцы,арабы,африканцы,цыгане,геи,гомосексуалисты,лесбиянки,трансгендеры,женщины,феминистки,инвалиды,siyahlar,yahudiler,müslümanlar,muslumanlar,gocmenler,göçmenler,mülteciler,multeciler,suriyeliler,araplar,kurtler,kürtler,eşcinseller,escinseller,kadınlar,kadinlar',
    'السود,اليهود,المسلمين,المسلمون,المسيحيين,المهاجرين,اللاجئين,الأجانب,العرب,الأفارقة,الغجر,المثليين,المثليون,الشواذ,النساء,المعاقين,काले लोग,यहूदी,मुसलमान,मुस्लिम,ईसाई,हिंदू,प्रवासी,शरणार्थी,विदेशी,अफ्रीकी,समलैंगिक,महिलाएं,महिलाओं,औरतें,विकलांग,দলিত,কালো মানুষ,ইহুদি,মুসলমান,হিন্দু,খ্রিস্টান,অভিবাসী,শরণার্থী,রোহিঙ্গা,সমকামী,নারী,মহিলা,প্রতিবন্ধী',
    'người da đen,người do thái,người hồi giáo,người nhập cư,người tị nạn,người châu á,người trung quốc,người ả rập,người châu phi,người đồng tính,đồng tính,phụ nữ,người khuyết tật,watu weusi,wayahudi,waislamu,wahamiaji,wakimbizi,wageni,waarabu,mashoga,wasagaji,wanawake,walemavu,wong ireng,wong yahudi,wong islam,pendatang,pengungsi,wong cina,homo,bencong,wong wadon,wong cacat',
    '黑人,犹太人,猶太人,穆斯林,回民,移民,难民,難民,外国人,外國人,阿拉伯人,非洲人,同性恋,同性戀,女人,女性,残疾人,殘疾人,黑鬼,黒人,ユダヤ人,イスラム教徒,移民,難民,外国人,在日,同性愛者,ゲイ,女は,女性は,障害者,흑인,유대인,무슬림,이민자,난민,외국인,조선족,동성애자,게이,여자들,여성들,장애인,คนผิวดำ,ชาวยิว,มุสลิม,ผู้อพยพ,ผู้ลี้ภัย,คนต่างด้าว,เกย์,ผู้หญิง,คนพิการ',
  ].join(','),
  MINOR:
    'niño,niña,niños,niñas,nino,nina,ninos,ninas,menor,menores,menor de edad,adolescente*,crianca,criança,crianças,menina,menino,bambino,bambina,bambini,minorenne,minorenni,enfant,enfants,mineur,mineure,mineurs,fillette,adolescent*,kind,kinder,kindern,minderjährig*,minderjahrig*,mädchen,madchen,jugendlich*,ребен*,ребён*,детей,дети,детск*,несовершеннолетн*,школьниц*,подрост*,çocuk,cocuk,reşit olmayan,طفل,أطفال,اطفال,طفلة,قاصر,قاصرين,قاصرات,बच्चे,बच्चा,बच्ची,बच्चों,नाबालिग,শিশু,শিশুদের,বাচ্চা,নাবালিকা,অপ্রাপ্তবয়স্ক,trẻ em,tre em,trẻ vị thành niên,bé gái,bé trai,mtoto,watoto,mtoto mdogo,bocah,bocah cilik,bocah wadon,儿童,兒童,小孩,幼女,未成年,少女,萝莉,蘿莉,子供,児童,幼女,未成年,ロリ,아동,어린이,아이들,미성년,미성년자,초등학생,เด็ก,ผู้เยาว์',
  SEXUAL:
    'sexo,sexual,sexuales,porno,pornografia,pornografía,desnudo*,desnuda*,erotico,erótico,explicito,explícito,sesso,sessuale,nudo,nuda,nude,pornografico,sexe,sexuel*,pornographie,pornographique,nue,érotique,erotique,sexuell*,porno,pornografie,nackt*,erotisch*,секс,сексуальн*,порно,порнограф*,обнажен*,голые,голый,голая,интим*,seks,cinsel,porno,çıplak,ciplak,جنس,جنسي,جنسية,إباحي,إباحية,اباحية,عاري,عارية,عراة,सेक्स,यौन,अश्लील,पोर्न,नग्न,नंगी,নগ্ন,যৌন,সেক্স,পর্ন,অশ্লীল,tình dục,tinh duc,khiêu dâm,khieu dam,khỏa thân,làm tình,quan hệ,ngono,kufanya mapenzi,uchi,picha za uchi,ngentot,bokep,wuda,porno,色情,性爱,性愛,裸照,裸体,裸體,性交,性行为,性行為,黄片,セックス,性的,ポルノ,エロ,裸,わいせつ,性行為,섹스,성적,음란,포르노,야동,나체,알몸,성관계,เซ็กส์,ทางเพศ,อนาจาร,ลามก,โป๊,เปลือย',
  SELFHARM:
    'suicidarme,quitarme la vida,matarme,hacerme daño,cortarme,autolesion*,sobredosis,ahorcarme,suicidar,me matar,me machucar,me cortar,suicidarmi,uccidermi,tagliarmi,farmi del male,me suicider,me tuer,me faire du mal,me couper,automutilation,surdose,mich umbringen,mich töten,mich toten,mich ritzen,selbstverletzung,überdosis,uberdosis,покончить с собой,убить себя,порезать себя,навредить себе,передозировк*,повеситься,kendimi öldürmek,kendimi oldurmek,أنتحر,انتحر,أقتل نفسي,اقتل نفسي,إيذاء نفسي,ايذاء النفس,جرعة زائدة,آत्महत्या,खुदकुशी,खुद को मार,खुद को नुकसान,ओवरडोज,নিজেকে মেরে,নিজের ক্ষতি,tự làm hại,cắt tay,quá liều,kujidhuru,mateni awakku,割腕,服药过量,リストカット,死にたい,オーバードーズ,손목을 긋,과다복용,ทำร้ายตัวเอง,กินยาเกินขนาด',
  METHOD:
    'sin dolor,mas rapida,más rápida,mas rapido,dosis letal,cuantas pastillas,sem dor,dose letal,senza dolore,dose letale,sans douleur,dose mortelle,schmerzlos,tödliche dosis,todliche dosis,безболезненн*,смертельная доза,сколько таблеток,acisiz,ölümcül doz,بدون ألم,جرعة قاتلة,كم حبة,बिना दर्द,घातक खुराक,कितनी गोलियां,ব্যথাহীন,মারাত্মক ডোজ,không đau,liều gây chết,bao nhiêu viên,bila maumivu,dozi ya kuua,ora lara,无痛,無痛,致死量,多少片,痛くない,楽に,苦しまず,致死量,고통 없이,치사량,몇 알,ไม่เจ็บ,ปริมาณที่ทำให้ตาย',
  PRIVACY:
    'direccion de,dirección de,domicilio,donde vive,dónde vive,numero de telefono,número de teléfono,datos personales,informacion personal,rastrear,espiar,camara oculta,cámara oculta,acosar,ubicacion,ubicación,endereco de,endereço de,onde mora,numero de telefone,dados pessoais,espionar,indirizzo di,dove abita,numero di telefono,dati personali,spiare,telecamera nascosta,adresse de,où habite,ou habite,numero de telephone,numéro de téléphone,donnees personnelles,données personnelles,espionner,traquer,camera cachee,caméra cachée,adresse von,wo wohnt,telefonnummer,persönliche daten,personliche daten,ausspionieren,orten,versteckte kamera,stalken,адрес,где живет,где живёт,номер телефона,личные данные,следить за,шпионить,скрытая камера,вычислить,adres*,nerede oturuyor,telefon numarasi,kisisel bilgi,takip etmek,gizli kamera,عنوان,أين يسكن,اين يسكن,رقم هاتف,رقم الهاتف,معلومات شخصية,بيانات شخصية,تتبع,التجسس على,أتجسس,كاميرا خفية,مكان,पता,कहां रहता,कहाँ रहता,कहां रहती,फोन नंबर,फ़ोन नंबर,निजी जानकारी,व्यक्तिगत जानकारी,ट्रैक,जासूसी,छिपा कैमरा,ঠিকানা,কোথায় থাকে,ফোন নম্বর,ব্যক্তিগত তথ্য,ট্র্যাক,গোয়েন্দাগিরি,গোপন ক্যামেরা,địa chỉ,dia chi,sống ở đâu,số điện thoại,so dien thoai,thông tin cá nhân,theo dõi,theo doi,theo dõi lén,theo dõi vị trí,camera ẩn,anwani,anaishi wapi,namba ya simu,taarifa binafsi,kufuatilia,kupeleleza,kamera iliyofichwa,alamat,alamat omah,ngendi omahe,nomer hp,nomer telpon,data pribadi,nglacak,ngintip,住址,家庭住址,地址,住在哪,电话号码,電話號碼,个人信息,個人資料,隐私,跟踪,跟蹤,偷拍,监视,監視,人肉,住所,どこに住んで,電話番号,個人情報,追跡,盗撮,ストーカー,監視,주소,어디 사는지,전화번호,개인정보,추적,몰카,도촬,스토킹,신상,ที่อยู่,อยู่ที่ไหน,เบอร์โทร,ข้อมูลส่วนตัว,ติดตาม,สะกดรอย,กล้องแอบถ่าย',
  DISINFO:
    'noticias falsas,desinformacion,desinformación,propaganda,bulo*,conspiracion,conspiración,teoria de la conspiracion,informacion falsa,rumores,fraude electoral,noticias falsas,noticias falsas,fake news,desinformação,desinformacao,boato*,notizie false,disinformazione,bufala,bufale,complotto,fausses nouvelles,fausses informations,désinformation,desinformation,infox,rumeurs,complot,falschnachrichten,falschmeldung*,desinformation,verschwörung*,verschworung*,gerüchte,geruchte,фейк*,дезинформац*,пропаганд*,ложн* новост*,ложную информацию,слухи,заговор*,sahte haber,dezenformasyon,propaganda,söylenti,أخبار كاذبة,اخبار كاذبة,أخبار مزيفة,معلومات مضللة,تضليل,دعاية,إشاعات,اشاعات,نظرية المؤامرة,फर्जी खबर,फेक न्यूज़,झूठी खबर,गलत सूचना,दुष्प्रचार,प्रोपेगेंडा,अफवाह,ভুয়া খবর,মিথ্যা খবর,ভুল তথ্য,অপপ্রচার,গুজব,tin giả,tin gia,thông tin sai lệch,tuyên truyền,tin đồn,âm mưu,habari za uongo,habari potofu,uenezi,uvumi,hoaks,berita palsu,fitnah,假新闻,假新聞,虚假信息,虛假信息,谣言,謠言,造谣,造謠,阴谋论,陰謀論,フェイクニュース,偽情報,デマ,陰謀論,プロパガンダ,가짜뉴스,가짜 뉴스,허위정보,허위 정보,유언비어,음모론,선전,ข่าวปลอม,ข้อมูลเท็จ,โฆษณาชวนเชื่อ,ข่าวลือ,ทฤษฎีสมคบคิด',
  CONTENT:
    'articulo,artículo,publicacion,publicación,discurso,historia,carta,tuit,ensayo,panfleto,mensaje,articolo,discorso,storia,lettera,messaggio,article,discours,histoire,lettre,message,tract,artikel,rede,geschichte,brief,beitrag,nachricht,flugblatt,статью,статья,пост,речь,историю,письмо,сообщение,листовк*,makale,konusma,mesaj,مقال,مقالة,منشور,خطاب,قصة,رسالة,تغريدة,लेख,पोस्ट,भाषण,कहानी,पत्र,संदेश,প্রবন্ধ,নিবন্ধ,পোস্ট,বক্তৃতা,গল্প,চিঠি,বার্তা,bài viết,bai viet,bài đăng,bài phát biểu,câu chuyện,thư,tin nhắn,makala,chapisho,hotuba,hadithi,barua,ujumbe,artikel,tulisan,pidato,crita,layang,pesen,文章,帖子,演讲,演講,故事,推文,传单,記事,投稿,スピーチ,物語,手紙,ツイート,ビラ,기사,게시물,연설,이야기,편지,트윗,전단,บทความ,โพสต์,สุนทรพจน์,เรื่อง,จดหมาย',
  SAFE: 'proteg*,protég*,evit*,prevenir,previen*,schütz*,schutz*,verhinder*,защит*,предотврат*,lidiar,manejar,afrontar,enfrentar,gérer,gerer,faire face,umgehen,damit umgehen,справиться,поступить,处理,應對,应对,對付,对付,阻止,止め,対処,対応,대처,막,จัดการ,รับมือ,หยุด,víctima de,victime de,opfer von,жертвой,受害,被害,피해,เหยื่อ,ayudarla,ayudarlo,ayudar,aider,l aider,helfen,ihr helfen,ihm helfen,помочь,ей помочь,ему помочь,aiutarla,aiutarlo,aiutare,ajudar,ajudá la,mochte keine,möchte keine,will keine,no quiero,je ne veux,non voglio,não quero,nao quero,不想,不願,不愿,たくない,싶지 않,ไม่อยาก,不道德,不道徳,非道徳,immoral,inmoral,unmoralisch,аморальн*,処方,处方,医生,医師,의사,evitar,prevenir,proteger,seguridad,seguro,seguridad,señales,senales,reconocer,detectar,denunciar,legal,ley,leyes,pena,castigo,consecuencias,historia,peligros,riesgos,tratamiento,recuperacion,ayuda,apoyo,victimas,víctimas,no quiero,evitare,proteggere,sicurezza,prevenire,riconoscere,denunciare,legge,conseguenze,rischi,pericoli,trattamento,aiuto,vittime,non voglio,eviter,prévenir,prevenir,protéger,proteger,securite,sécurité,reconnaitre,reconnaître,signaler,loi,lois,conséquences,consequences,risques,dangers,traitement,aide,victimes,je ne veux pas,vermeiden,verhindern,schützen,schutzen,sicherheit,erkennen,melden,gesetz,gesetze,strafe,folgen,risiken,gefahren,behandlung,hilfe,opfer,ich will nicht,избежать,избегать,предотвратить,защитить,безопасност*,распознать,сообщить,закон,законы,наказани*,последстви*,риски,опасност*,лечени*,помощь,жертвам,не хочу,kaçınmak,kacinmak,önlemek,onlemek,korumak,güvenlik,guvenlik,yasa,ceza,تجنب,أتجنب,منع,الوقاية,حماية,أحمي,السلامة,الأمان,التعرف على,الإبلاغ,قانون,القانون,عقوبة,العواقب,مخاطر,أخطار,علاج,مساعدة,دعم,الضحايا,لا أريد,बचें,बचना,बचाव,रोकना,रोकें,सुरक्षा,सुरक्षित,पहचान,रिपोर्ट,कानून,सज़ा,सजा,परिणाम,खतरे,जोखिम,इलाज,मदद,सहायता,पीड़ितों,नहीं चाहता,নিরাপদ,নিরাপত্তা,এড়িয়ে,এড়াতে,প্রতিরোধ,রক্ষা,চিনতে,আইন,শাস্তি,পরিণতি,ঝুঁকি,বিপদ,চিকিৎসা,সাহায্য,সহায়তা,ভুক্তভোগী,চাই না,tránh,tranh,phòng ngừa,ngăn chặn,bảo vệ,an toàn,nhận biết,tố cáo,pháp luật,luật,hình phạt,hậu quả,rủi ro,nguy hiểm,điều trị,giúp đỡ,hỗ trợ,nạn nhân,không muốn,kuepuka,kuzuia,kulinda,usalama,salama,kutambua,kuripoti,sheria,adhabu,madhara,hatari,matibabu,msaada,waathirika,sitaki,nyingkiri,nyegah,nglindhungi,aman,keamanan,ngerti tandha,lapor,hukum,ukuman,akibat,bebaya,pitulungan,korban,ora gelem,避免,预防,預防,防止,保护,保護,安全,识别,識別,举报,舉報,法律,惩罚,懲罰,后果,後果,风险,風險,危害,治疗,治療,帮助,幫助,受害者,我不想,避け,防ぐ,防止,守る,安全,見分け,通報,法律,罰,リスク,危険,治療,助け,支援,被害者,したくない,피하,예방,방지,보호,안전,식별,신고,법률,처벌,결과,위험,치료,도움,지원,피해자,싶지 않,หลีกเลี่ยง,ป้องกัน,ปกป้อง,ความปลอดภัย,ปลอดภัย,สังเกต,แจ้งความ,กฎหมาย,บทลงโทษ,ผลที่ตามมา,ความเสี่ยง,อันตราย,การรักษา,ช่วยเหลือ,เหยื่อ,ไม่อยาก',
  KNOW: 'que es,qué es,que son,qué son,quien fue,quién fue,definicion,definición,significado,historia de,por que,por qué,o que e,o que é,quem foi,cos e,cos è,che cos e,chi era,definizione,significato,storia di,qu est ce,c est quoi,qui etait,qui était,définition,signification,histoire de,pourquoi,was ist,was sind,wer war,definition,bedeutung,geschichte der,warum,что такое,кто был,определение,значение,история,почему,nedir,kimdir,tanimi,ما هو,ما هي,من هو,من كان,تعريف,معنى,تاريخ,لماذا,क्या है,कौन था,कौन थे,परिभाषा,मतलब,इतिहास,क्यों,কি,কী,কে ছিলেন,সংজ্ঞা,অর্থ,ইতিহাস,কেন,là gì,la gi,ai là,định nghĩa,ý nghĩa,lịch sử,tại sao,ni nini,nini maana,historia ya,kwa nini,apa iku,sapa,tegese,sejarah,kenapa,什么是,是什么,是什麼,什麼是,谁是,定义,意思,历史,歷史,为什么,為什麼,とは,何ですか,誰ですか,定義,意味,歴史,なぜ,란,무엇인가,누구,정의,의미,역사,왜,คืออะไร,ใคร,ความหมาย,ประวัติ,ทำไม',
  SEEK: 'me siento,tengo miedo,necesito ayuda,estoy deprimido,deprimida,ansiedad,solo,sola,eu me sinto,estou deprimido,mi sento,sono depresso,je me sens,j ai peur,besoin d aide,deprime,déprimé,ich fühle,ich fuhle,ich habe angst,brauche hilfe,deprimiert,я чувствую,мне страшно,нужна помощь,депресси*,одиноко,أشعر,خائف,أحتاج مساعدة,اكتئاب,وحيد,मुझे लगता,मैं डर,मदद चाहिए,अवसाद,अकेला,আমি অনুভব,ভয় পাচ্ছি,সাহায্য দরকার,বিষণ্ণ,একা,tôi cảm thấy,tôi sợ,cần giúp đỡ,trầm cảm,cô đơn,ninahisi,naogopa,nahitaji msaada,huzuni,peke yangu,aku rumangsa,aku wedi,butuh pitulungan,我觉得,我感觉,我害怕,需要帮助,抑郁,孤独,感じる,怖い,助けて,うつ,孤独,느껴,무서워,도움이 필요,우울,외로,รู้สึก,กลัว,ต้องการความช่วยเหลือ,ซึมเศร้า,เหงา',
  FRAUD:
    'hackear,piratear,estafa,estafar,fraude,falsificar,tarjeta de credito,contraseña,hackear,golpe,fraude,senha,truffa,frode,hackerare,arnaque,escroquerie,fraude,pirater,mot de passe,betrug,hacken,passwort,взлом*,мошенни*,обман*,пароль,dolandiricilik,sifre,اختراق,احتيال,نصب,تزوير,كلمة المرور,हैक,धोखाधड़ी,ठगी,पासवर्ड,হ্যাক,প্রতারণা,পাসওয়ার্ড,hack,lừa đảo,lua dao,gian lận,mật khẩu,kudukua,udanganyifu,utapeli,nipu,hack,ngapusi,penipuan,黑客,入侵,诈骗,詐騙,骗钱,密码,ハッキング,詐欺,パスワード,해킹,사기,비밀번호,แฮก,หลอกลวง,ฉ้อโกง,รหัสผ่าน',
  WORK: 'pelicula,película,novela,libro,serie,videojuego,personaje,filme,livro,romance,film,romanzo,libro,gioco,personaggio,roman,livre,série,jeu video,personnage,film,roman,buch,serie,videospiel,figur,фильм*,роман*,книг*,сериал*,игр*,персонаж*,film,dizi,roman,oyun,فيلم,رواية,كتاب,مسلسل,لعبة,شخصية,फिल्म,उपन्यास,किताब,धारावाहिक,खेल,किरदार,চলচ্চিত্র,সিনেমা,উপন্যাস,বই,গেম,চরিত্র,phim,tiểu thuyết,cuốn sách,trò chơi,nhân vật,filamu,riwaya,kitabu,mchezo,mhusika,film,novel,buku,dolanan,paraga,电影,電影,小说,小說,书中,电视剧,游戏,遊戲,角色,映画,小説,ドラマ,ゲーム,キャラ,登場人物,영화,소설,드라마,게임,캐릭터,등장인물,ภาพยนตร์,หนัง,นิยาย,เกม,ตัวละคร',
};

function entries(...lists: Lists[]): Array<readonly [string, number]> {
  const out: Array<readonly [string, number]> = [];
  for (const list of lists) {
    for (const [cls, csv] of Object.entries(list) as Array<[HarmClass, string]>) {
      for (const raw of csv.split(',')) {
        // Apostrophes and hyphens separate words in text, so they do in entries too.
        const w = [...raw]
          .map((ch) => (ch === "'" || ch === '’' || ch === '-' ? ' ' : ch))
          .join('')
          .split(' ')
          .filter(Boolean)
          .join(' ');
        if (w) out.push([w, H[cls]]);
      }
    }
  }
  return out;
}

export const HARM_CLASSIFIER = new WordClassifier(entries(EN, I18N));

/** Class names set in `bits` (evidence; fixed vocabulary). */
export function harmClassNames(bits: number): string[] {
  return (Object.keys(H) as HarmClass[]).filter((k) => (bits & H[k]) !== 0);
}
