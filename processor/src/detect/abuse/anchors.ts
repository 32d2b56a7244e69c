/**
 * Word classes of the abuse detector's first stage (tokens.ts), in English and, for the generic intent layer, in
 * Spanish, French, German, Portuguese, Russian, Arabic, Hindi, Chinese and Japanese. Entries: `word`, `stem*`,
 * `two words`; CJK entries match anywhere. Lists are comma-separated. A class says what a word can be (an artifact,
 * a victim, deception…); whether a sentence is abuse is decided by combinations (generic.ts, intent-patterns.ts).
 */
import { lexiconClassNames, lexiconEntries, WordClassifier } from './tokens.js';

export const C = {
  /** Asking for an artifact or a method: write, create, how to, help me. */
  ASK: 1 << 0,
  /** Malicious software by name. */
  MALART: 1 << 1,
  /** Exploits, payloads, DDoS. */
  EXPLOIT: 1 << 2,
  /** Executables, macros, packages, implants: harmful only with a gate cue. */
  MALOBJ: 1 << 3,
  /** Taking or damaging: steal, grab, exfiltrate, encrypt, disable, install. */
  HARMV: 1 << 4,
  /** Secrets proper: passwords, codes, cookies, keys. */
  SECRET: 1 << 5,
  /** A third party by relation or as a victim: my ex, boss, coworker, victim, elderly. */
  TARGET: 1 << 6,
  /** Someone's / his / her / their: a weak owner signal, used only to gate patterns. */
  POSS: 1 << 7,
  /** Deception: pretend, impersonate, spoof, posing as. */
  DECEIVE: 1 << 8,
  /** Weak resemblance words: look, appear, claim, act as. Gate only. */
  LOOK: 1 << 9,
  /** Evasion: undetectable, secretly, bypass, without them knowing. */
  EVADE: 1 << 10,
  PHISH: 1 << 11,
  /** Messages and pages: email, text, letter, landing page. */
  MSG: 1 << 12,
  /** Brands and authorities a lure impersonates. */
  BRAND: 1 << 13,
  /** Fake, forged, counterfeit. */
  FAKE: 1 << 14,
  /** Documents and goods that get forged or gamed: reviews, receipts, IDs, diplomas, loans, followers. */
  DOC: 1 << 15,
  /** Fraud acts: scam, launder, defraud, identity theft, stolen cards. */
  FRAUD: 1 << 16,
  /** Manipulating a person: trick, convince, blackmail, lure. */
  TRICK: 1 << 17,
  /** Money moving: transfer, wire, pay, gift cards, bitcoin. */
  MONEY: 1 << 18,
  /** Scripts, calls, stories, excuses. */
  SCRIPT: 1 << 19,
  /** Breaking in: hack, crack, break into, hijack, credential stuffing. */
  INTRUDE: 1 << 20,
  /** Watching: read, track, monitor, spy, access. Gate only, except with evasion. */
  SURVEIL: 1 << 21,
  /** Security tools and detection an attacker evades: antivirus, EDR, Defender, spam filter. */
  SECTOOL: 1 << 22,
  /** Scale: mass, bulk, thousands, automate, bots; also any number of three or more digits. */
  SCALE: 1 << 23,
  /** Defensive or benign-work framing: detect, protect, awareness, training, test data. */
  DEFENSE: 1 << 24,
  /** Knowledge questions: what is, explain, history of. */
  KNOW: 1 << 25,
  /** Weak fraud words (identity, theft, sell, stolen): gate only. */
  FRAUDX: 1 << 26,
  /** Weak evasion words (without, hidden, avoid, caught): gate only. */
  EVADEW: 1 << 27,
  /** Taking something: steal, grab, harvest, intercept. */
  TAKE: 1 << 28,
  /** Accounts, devices and private data: inbox, Instagram, phone, chats, location. */
  ACCOUNT: 1 << 29,
  /** What malicious code does to its host: copies itself, runs at startup, VirusTotal, infected machines. */
  MALGATE: 1 << 30,
  /** Words that only matter near an account: stolen, leaked, stuffing, combo lists, hack into. Gate only. */
  INTRUDEW: 1 << 31,
} as const;

type Lists = Partial<Record<keyof typeof C, string>>;

const EN: Lists = {
  TAKE: 'steal*,stole,grab*,harvest*,exfil*,sniff*,intercept*,dump*,scrape*,swipe,capture*,phish',
  ASK: 'write,create,generate,build,develop,code,program,craft,draft,compose,design,produce,whip,give me,send me,show me,make,need,want,how,help,teach,tell me,walk me,way,ways,steps,method*,can,could,would,please,like,plan*,trying,going,wanna,explain,say,put together,set up,script,need a,i need,get me',
  MALART:
    'ransom*,keylog*,logger,loggers,rootkit*,botnet*,trojan*,stealer*,grabber*,cryptojack*,miner,miners,stalkerware,spyware,rat,rats,malware*,malicious,virus*,worm,worms,backdoor*,bomb,bombs,crypter*,dropper*,wiper*,polymorphic,replicating,propagating,infostealer*,implant*,beacon*,ransomware',
  EXPLOIT:
    'exploit*,shellcode*,payload*,ddos*,flood*,booter*,stresser*,take down,zero day,0day,zeroday,webshell*,reverse shell,web shell,botnet*',
  MALOBJ:
    'and control,remote access,jacker*,jackers,executable*,binary,binaries,macro*,vba,npm,pip,pypi,nuget,extension*,addon*,apk,apks,dll,dlls,c2,implant*,beacon*,loader*,fork,shell',
  MALGATE:
    'posts,sending,giving,installs,gives me,runs at,got a,usb,itself,startup,boot,root,infected,compromised,virustotal,detections,persistence,environment variables,owner noticing,installs it,every project',
  HARMV:
    'steal*,stole,grab*,harvest*,exfil*,upload*,send,sends,sending,forward*,log,logs,logging,record*,captur*,disabl*,turn off,kill*,drop,drops,install*,spread*,inject*,hijack*,encrypt*,wipe,wipes,wiping,lock,locks,infect*,compromis*,brick,dump*,scrape*,swipe,lift,sniff*,intercept*,leak,leaks,leaking,exfiltrate',
  SECRET:
    'password*,passcode*,passphrase*,pin,pins,pin code,login*,logon,log in,sign in,credential*,creds,cookie*,session token*,2fa,mfa,otp,otps,2fa code*,sms code*,verification code*,one time,seed phrase*,recovery phrase*,private key*,api key*,access key*,aws key*,keys,secrets,ntlm,hashes,keychain,security question*,keystroke*',
  ACCOUNT:
    'account*,email*,e mail,inbox,gmail,icloud,instagram,facebook,snapchat,tiktok,twitter,whatsapp,telegram,discord,steam,onlyfans,phone*,iphone*,android,laptop*,computer*,pc,wifi,wi fi,router,network,hotspot,cloud,profile,device*,bank,banking,card,cards,credit card*,ssn,ssns,social security,medical records,personal,pii,customer data,user data,photos,messages,texts,chats,dms,location,whereabouts,browsing,screen,camera,webcam,microphone,crypto wallet*,wallets,slack,teams,outlook,history,code,codes,token,tokens,database*,system,systems,server,servers,mainframe,intranet,grid,cameras,blockchain,atm,machine,machines,pcs,files,website,websites,site,stream',
  TARGET:
    'victim*,target,targets,ex,exes,girlfriend*,boyfriend*,wife,wives,husband*,partner,spouse,fiance*,boss,bosses,coworker*,co worker*,colleague*,neighbor*,neighbour*,roommate*,flatmate*,classmate*,teacher,professor,sister*,brother*,mom,mother,dad,father,parents,daughter,son,landlord,tenant,crush,rival*,competitor*,enemy,elderly,seniors,widow*,retiree*,grandma,grandpa,grandmother,grandfather,strangers,minors,lonely,unsuspecting,vulnerable,gullible,someone s,somebody s,receptionist,helpdesk,help desk,old people,old lady,teens,teenagers',
  POSS: 'his,her,their,them,him,others,other people,s,someone,somebody,people,users,customers,employees,employee*,company,school,university,hospital,government,friend,friends,manager,kids,children,mark,marks,cousin,aunt,uncle,teen,rep,stranger,immigrants,employer*',
  DECEIVE:
    'impersonat*,pose as,poses as,posing as,spoof*,masquerad*,pass off,passing off,pass myself,in their name,under another,under someone,purporting',
  LOOK: 'so that,so they,so he,so she,so the,recipient*,clicks,click on,copy of,mirror of,exactly like,looks exactly,came from,my page,my site,my link,my domain,my website,my landing,replica*,clone*,cloned,identical,lookalike*,alike,typosquat*,homograph*,pretend*,disguis*,supposedly,posing,pose,poses,convinc*,persuad*,sweet talk,charm,coax*,pressur*,guilt*,scare*,scaring,frighten*,bully,bullies,bullied,bullying,shame*,threaten*,intimidat*,their trust,her trust,his trust,trust me,their confidence,her confidence,his confidence,talk her,talk him,talk them,talk my,talk someone,talk the',
  EVADE:
    'undetect*,fud,secretly,covert*,covertly,stealth*,unnoticed,untraceable,bypass*,evad*,get past,get around,slip past,zero detections,her knowing,him knowing,them knowing,anyone knowing,her noticing,him noticing,them noticing,them realizing,her realizing,getting caught,being caught,being detected,getting detected,being traced,being noticed,getting flagged,being flagged,getting banned,their knowledge,her knowledge,his knowledge,their consent,her consent,his consent,without permission,without authorization,can t detect,won t detect,not detect,not be detected,not get caught',
  EVADEW:
    'without,behind,hide,hides,hidden,quiet*,silent*,silently,avoid*,caught,detected,traced,noticing,knowing,flagged,banned,persist*,secret,invisible,remain hidden,stay hidden',
  PHISH: 'phish*,smish*,vish*,whaling,spear phishing,spearphish*',
  MSG: 'email*,e mail,mail,text,texts,sms,message*,dm,dms,letter*,note,notes,notification*,voicemail*,alert*,notice*,popup*,pop up,template*,flyer*,receipt*,invoice*,landing,page,pages,site,sites,website*,domain*,qr,chat,chats,portal*,form,forms,screen,screens,post,posts,ad,ads,call',
  BRAND:
    'bank*,paypal,irs,hmrc,microsoft,office 365,outlook,apple,icloud,amazon,google,gmail,netflix,facebook,instagram,linkedin,dhl,fedex,ups,usps,royal mail,it support,it department,it team,it admin,it desk,helpdesk,help desk,service desk,hr,payroll,ceo,cfo,boss,manager,police,government,tax,medicare,support,security team,coinbase,binance,metamask,chase,wells fargo,citi,hsbc,barclays,docusign,dropbox,post office,courier,delivery',
  FAKE: 'positive reviews,negative reviews,star reviews,star ratings,dead,deceased,fake*,spoof*,counterfeit*,counterfit*,forge,forged,forging,forgery,phony,phoney,bogus,fabricat*,doctored,knock off,knockoff*,fraudulent,made up,false rumors,false rumours,false stories,false information,false claims,false reviews,false insurance,exaggerate,exaggerated,inflated',
  DOC: 'text messages,review*,rating*,invoice*,check,checks,cheque*,receipt*,id,ids,identity,identification,license*,licence*,passport*,visa,visas,diploma*,degree*,certificate*,statement*,pay stub*,paystub*,paycheck*,w2,tax return*,charity,charities,fundraiser*,giveaway*,lottery,lotteries,sweepstakes,job,jobs,investment*,testimonial*,followers,likes,money,currency,bills,banknote*,dollars,insurance,claim,claims,note,notes,prescription*,signature*,store*,shop*,ticket*,refund*,warrant*,reference*,loan*,credit,benefit*,unemployment,prize*,return,returns,pitch,coin*,hashtag*,engagement,accounts,donation*,campaign*,goods,products,designer,handbags,watches,sneakers,medicine*,pills,doctor,sick note',
  FRAUD:
    'scam,scams,scamming,swindl*,defraud*,rip off,ripping off,fleec*,bilk*,dupe,duping,fraud,frauds,fraudulently,launder*,money laundering,embezzl*,identity theft,carding,fullz,cvv,bank drop*,money mule*,ponzi,pyramid scheme*,pump and,insider trading,chargeback fraud,refund fraud,disinformation,misinform*,propaganda,hoax*,smear campaign,fake news,rug pull,counterfeit*,forgery,tax evasion,clean money,clean cash,clean funds,wash money,wash cash,wash funds,card methods,bank drops',
  FRAUDX:
    'fraud*,scam*,conning,identit*,ssn,social security,stolen,mule,mules,pyramid,scheme*,chargeback*,lies,rumor*,rumour*,evasion,theft,liquidity,smear,con artist*,staged,stage,personal information,personal details,personal info,identification,cheating,cheat on',
  TRICK:
    'support scam,grandparent scam,romance scam,advance fee,ceo fraud,email compromise,card scam,refund scam,irs scam,lottery scam,investment scam,manipulat*,coerc*,fool,fools,fooled,fooling,con into,conned,dupe*,duping,deceiv*,luring,blackmail*,catfish*,pretext*,sextort*,extort*,butchering,nigerian,bec,419,social engineering,gaslight*,brainwash*,trick,tricks,tricked,tricking,lure,lures,lured,bait,baiting',
  MONEY:
    'money,funds,cash,pay,paying,payment*,wire,wired,wiring,transfer*,gift card*,bitcoin*,btc,monero,crypto,savings,fee,fees,bail,ransom*,sell,monetiz*,invest*,deposit*,loan*,withdraw*',
  SCRIPT:
    'script*,lines,story,stories,letter*,message*,dm,dms,text,texts,call,calls,opener*,plan,plans,excuse*,say,lie,lies,reason,phone,pitch,conversation',
  INTRUDE:
    'hack*,crack*,break into,break in,hijack*,take over,takeover,brute*,bruteforce,wiretap*,piggyback*,spy on,credential stuffing,password spraying,account takeover',
  SURVEIL:
    'read,see,access*,watch*,track*,monitor*,spy*,follow*,tabs,record*,look at,check,find out,figure out,get,find,obtain,know,learn,uncover,discover,gain,get hold',
  SECTOOL:
    'antivirus,anti virus,av,edr,xdr,defender,sandbox*,firewall*,amsi,crowdstrike,sentinelone,smartscreen,spam filter*,filters,filter,detection,moderation,captcha*,rate limit*,kyc,verification,security software,bot detection',
  SCALE:
    'mass,bulk,thousands,hundreds,millions,dozens,unsolicited,spam*,automat*,auto generated,bot,bots,blast*,flood*,sock puppet*,sockpuppet*,astroturf*',
  DEFENSE:
    'to detect,can detect,we detect,banks detect,detect money,detect fraud,detect phishing,detect scams,detecting,training exercise,fraud training,awareness training,security training,training scenario,falling victim,safely,victim of,avoid being,avoid falling,falling for,securely,protect*,prevent*,warn,warning them,warn them,awareness,recognize,recognise,red flags,warning signs,unknowingly,inadvertently,proactive,quiz*,yara,sigma rule*,incident response,blue team,pentest*,tabletop,my own',
  KNOW: 'history of,common types',
};

/** The same classes in the main other languages: intent phrasings for the generic layer (written for this project). */
const I18N: Lists = {
  TAKE: 'robar,roba,roban,robe,obtener,voler,vole,recuperer,stehlen,stiehlt,klauen,abgreifen,roubar,rouba,obter,pegar,украсть,крадет,красть,ворует,похитить,перехватить,выкрасть,يسرق,سرقة,أسرق,اعتراض,चुराना,चुराए,चुराने,चोरी,窃取,偷取,盗取,偷偷获取,获取,截获,盗む,盗み,抜き取,入手',
  ASK: [
    // es / pt
    'escribe,escribir,escribeme,crea,crear,creame,genera,generar,haz,hazme,hacer,redacta,redactar,disena,programa,dame,necesito,quiero,como,ayudame,ensename,dime,guion,crie,criar,escreva,escrever,faca,fazer,gere,gerar,redija,preciso,quero,ajude,me ajuda,ensine,elabore,monte,me de',
    // fr
    'ecris,ecrire,ecrivez,cree,creer,creez,genere,generer,generez,redige,rediger,redigez,fais,faire,faites,donne moi,donnez moi,comment,aide moi,aidez moi,explique moi,montre moi,je veux,j ai besoin,code moi,prepare',
    // de
    'schreib,schreibe,schreiben,erstelle,erstell,erstellen,generiere,generieren,mach,mache,machen,entwirf,entwerfe,programmiere,gib mir,zeig mir,wie man,wie ich,wie wir,wie du,wie sie,wie kann,wie könnte,wie konnte,wie kriege,wie bekomme,wie komme,wie mache,wie baue,wie stelle,wie schaffe,wie würde,wie wurde,wie sollte,wie lässt,wie lasst,hilf,hilf mir,ich brauche,ich will,ich mochte,verfasse',
    // ru
    'напиши,написать,создай,создать,сделай,сделать,сгенерируй,составь,придумай,разработай,дай,покажи,как,помоги,научи,нужен,нужна,нужно,хочу,объясни как',
    // ar
    'اكتب,اكتبي,أنشئ,انشئ,اصنع,صمم,ولد,أعطني,اعطني,كيف,ساعدني,علمني,أريد,اريد,أحتاج,احتاج,برمج',
    // hi
    'लिखो,लिखें,लिखिए,लिख,बनाओ,बनाएं,बनाइए,बना,बनाना,तैयार,दो,दीजिए,कैसे,मदद,सिखाओ,बताओ,बताइए,चाहिए,चाहता,चाहती,स्क्रिप्ट',
    // zh / ja (anywhere)
    '写,帮我,生成,制作,创建,编写,做一个,给我,如何,怎么,怎样,教我,我想,我要,需要,書いて,作って,作成,生成して,教えて,方法,どうやって,どうすれば,したい,作りたい,書き方',
  ].join(','),
  MALART: [
    'malware*,virus*,troyano*,gusano*,ransomware,keylogger*,programa malicioso,codigo malicioso,software malicioso,puerta trasera,spyware,rancongiciel*,cheval de troie,logiciel malveillant,logiciels malveillants,code malveillant,porte derobee,vers,trojaner*,schadsoftware,schadprogramm*,schadcode,erpressungstrojaner*,hintertur*,virus,wurm,programa malicioso,codigo malicioso,cavalo de troia',
    'вирус*,троян*,вредонос*,шифровальщик*,кейлоггер*,бэкдор*,шпион*,червь,стилер*,малвар*',
    'فيروس,فيروسات,برنامج ضار,برمجيات خبيثة,خبيث,خبيثة,ملغم,تروجان,طروادة,فدية,كيلوجر,الفدية',
    'वायरस,मैलवेयर,ट्रोजन,रैंसमवेयर,कीलॉगर,फिरौती,जासूसी',
    '木马,病毒,勒索软件,恶意软件,恶意程序,恶意代码,键盘记录,后门,蠕虫,间谍软件,盗号,ウイルス,マルウェア,ランサムウェア,トロイの木馬,キーロガー,バックドア,スパイウェア,ワーム',
  ].join(','),
  EXPLOIT:
    'dos,ddos attack,dos attack,syn flood,crash their,crash my,crash the,crash someone,knock down,knock offline,exploit*,payload*,ddos,эксплойт*,ддос,استغلال,ثغرة,漏洞利用,攻击程序,エクスプロイト,脆弱性を突',
  HARMV: [
    'robar,roba,roban,robe,registre,registra,registrar,envie,envia,enviar,envíe,cifre,cifra,cifrar,encripta,encriptar,borra,borrar,desactiva,desactivar,instala,instalar,vole,voler,vol,enregistre,chiffre,chiffrer,envoie,envoyer,desactive,desactiver,installe,stehlen,stiehlt,aufzeichnet,aufzeichnen,verschlusselt,verschlusseln,schickt,senden,deaktiviert,installiert,roubar,rouba,registra,grave,criptografa,criptografar,envia,enviar,desativa,instala',
    'крадет,красть,украсть,ворует,записывает,шифрует,зашифровать,отправляет,отключает,отключить,установить,устанавливает,похитить,перехватить',
    'يسرق,سرقة,يشفر,تشفير,يرسل,يسجل,يعطل,تثبيت,اعتراض',
    'चुराना,चुराए,चुराने,चोरी,भेजे,भेजता,रिकॉर्ड,एन्क्रिप्ट,बंद',
    '窃取,偷取,盗取,记录,加密,发送,上传,关闭,安装,劫持,盗む,盗み,記録,暗号化,送信,無効化,インストール,乗っ取',
  ].join(','),
  SECRET: [
    'contrasena*,clave,claves,cuenta,cuentas,correo,correos,mensajes,chats,conversaciones,telefono,movil,celular,ordenador,computadora,pin,codigo,codigos,tarjeta,tarjetas,datos bancarios,credenciales,teclas,cookies,wifi,senha,senhas,conta,contas,e mail,mensagens,conversas,computador,cartao,cartoes,teclado',
    'mot de passe,mots de passe,passe,compte,comptes,courriel,courriels,messagerie,messages,conversations,telephone,ordinateur,carte,cartes,identifiants,code,codes,touches,frappes',
    'passwort*,kennwort*,konto,konten,zugangsdaten,anmeldedaten,e mail,nachrichten,chats,handy,telefon,computer,rechner,karte,pin,code,codes,tasten,tastatureingaben',
    'пароль*,аккаунт*,учетн*,почт*,переписк*,сообщени*,телефон*,компьютер*,карт*,код,коды,кода,логин*,клавиш*,вайфай',
    'كلمة المرور,كلمات المرور,كلمة السر,حساب,حسابه,حسابها,الحساب,بريد,البريد,رسائل,رسائله,رسائلها,هاتف,هاتفه,هاتفها,رمز,الرمز,رمز التحقق,بطاقة,البطاقة',
    'पासवर्ड,खाता,खाते,अकाउंट,ईमेल,मैसेज,संदेश,चैट,फोन,फ़ोन,ओटीपी,कोड,कार्ड,पिन',
    '密码,账号,帐号,账户,帐户,邮箱,聊天记录,短信,手机,电脑,验证码,银行卡,微信,パスワード,アカウント,メールアカウント,暗証番号,認証コード,スマホ,携帯,チャット,履歴,カード番号',
  ].join(','),
  TARGET: [
    'victima*,jefe,jefa,ex,exnovia,exnovio,novia,novio,esposa,esposo,marido,mujer,vecino*,vecina*,companero*,companera*,colega*,hermana,hermano,amigo,amiga,anciana*,anciano*,abuela*,abuelo*,nieto,nieta,empleado*,empresa,alguien,otra persona,otras personas,gente,personas mayores,jubilado*,chefe,namorada,namorado,ex namorada,vizinho*,vizinha*,colega,irma,irmao,idosos,idosa,idoso,avo,vitima*,funcionario*',
    'victime*,patron,patronne,voisin*,voisine*,collegue*,copine,copain,ex copine,femme,mari,soeur,frere,personnes agees,grand mere,grand pere,employe*,quelqu un,cible*',
    'opfer,chef,chefin,freundin,freund,exfreundin,ex freundin,frau,mann,nachbar*,kollege*,kollegin*,schwester,bruder,rentner*,senioren,mitarbeiter*,jemand,jemandes,zielperson*',
    'жертв*,начальник*,босс*,бывш*,девушк*,парн*,жен*,муж*,сосед*,коллег*,сестр*,брат*,пенсионер*,бабушк*,дедушк*,пожил*,сотрудник*,кого то,чужой,чужую,чужие',
    'الضحية,ضحية,الضحايا,مديري,زميلي,زوجتي,زوجي,جاري,صديقتي,أختي,أخي,كبار السن,المسنين,الموظف,موظف,شخص,شخص آخر',
    'पीड़ित,शिकार,बॉस,पड़ोसी,पडोसी,सहकर्मी,गर्लफ्रेंड,बॉयफ्रेंड,पत्नी,पति,बहन,भाई,बुजुर्ग,बुजुर्गों,बूढ़े,कर्मचारी,किसी,दूसरों',
    '受害者,同事,男朋友,女朋友,前女友,前男友,老板,邻居,老人,别人,他人,对方,目标,被害者,同僚,上司,彼氏,彼女,元カノ,元彼,隣人,高齢者,お年寄り,他人の,相手',
  ].join(','),
  DECEIVE: [
    'fingiendo,fingir,finja,haciendome pasar,hacerme pasar,haciendose pasar,suplantar,suplantando,como si fuera,falsificando,se faisant passer,me faisant passer,faire passer,usurper,usurpant,comme si,ausgibt,ausgeben,vorgibt,vorgeben,als kame,als ob,tarnt,fingindo,fingir,se passando,me passando,passar por,como se fosse',
    'от имени,притворяясь,притвориться,выдавая,выдать себя,под видом,якобы',
    'أتظاهر,التظاهر,متظاهرا,انتحال,أنتحل,منتحلا,بانتحال,باسم,كأنها,كأنه',
    'बनकर,होने का नाटक,नाटक,के नाम से,की तरह दिखे',
    '冒充,假装,伪装,假冒,仿冒,装作,以的名义,を装った,を装って,装った,装って,なりすまし,なりすまして,を名乗る,偽装',
  ].join(','),
  LOOK: 'parezca,parece,pareca,parece,ressemble,aussieht,aussehen,похож*,يبدو,दिखे,看起来,见た目,そっくり',
  EVADE: [
    'sin que,sin ser,sin saberlo,indetectable*,a escondidas,en secreto,sin permiso,sin darse cuenta,sem que,sem ser,escondido,secretamente,despercebido,sans qu,sans que,sans etre,indetectable*,en cachette,secretement,discretement,contourner,ohne dass,ohne das,unbemerkt,heimlich,unentdeckt,umgehen,nicht merkt,merkt,evitar,evite,burlar,esquivar,eludir',
    'незаметно,тайно,втихую,чтобы не,не заметил*,не заметила,обойти,обход*,не обнаружил*',
    'دون أن,دون علم,بدون علمه,بدون علمها,سرا,خفية,تجاوز,يتجاوز,تخطي',
    'बिना,चुपके,चुपचाप,गुप्त रूप,पता चले,पकड़े',
    '绕过,偷偷,悄悄,不被发现,不让,免杀,躲避,规避,隐藏,神不知,バレずに,バレない,気づかれず,こっそり,回避,検知されない,すり抜け',
  ].join(','),
  PHISH: 'phishing,fishing,フィッシング,钓鱼,фишинг*,التصيد,تصيد,फ़िशिंग,फिशिंग,suplantacion,hameconnage',
  MSG: [
    'correo,correos,email,mensaje,mensajes,sms,carta,pagina,sitio,web,notificacion,factura,recibo,aviso,mensagem,mensagens,pagina,site,carta,courriel,e mail,message,lettre,page,site,notification,facture,nachricht,nachrichten,brief,seite,webseite,rechnung,benachrichtigung',
    'письмо,письма,сообщени*,смс,страниц*,сайт*,уведомлени*,рассылк*',
    'رسالة,رسائل,بريد,إيميل,ايميل,صفحة,موقع,إشعار',
    'ईमेल,मेल,संदेश,मैसेज,एसएमएस,पेज,वेबसाइट,पत्र',
    '邮件,短信,信息,消息,网页,网站,页面,通知,メール,メッセージ,ショートメッセージ,サイト,ページ,通知',
  ].join(','),
  BRAND:
    'banco,bancaria,bancario,banque,sparkasse,volksbank,itau,bradesco,santander,bbva,caixa,correos,hacienda,impots,finanzamt,policia,police,polizei,сбербанк*,банк*,тинькофф,госуслуг*,полици*,بنك,البنك,مصرف,الشرطة,बैंक,पुलिस,एसबीआई,银行,支付宝,淘宝,警察,銀行,アマゾン,郵便局,警察,税務署',
  FAKE: 'falso,falsa,falsos,falsas,falsificad*,falsificar,trucho,faux,fausse,fausses,falsifie*,falsifier,gefalscht*,falsch*,gefakt*,falsificado*,falsa,поддельн*,фальшив*,фейков*,липов*,подделать,مزور,مزورة,مزيف,مزيفة,تزوير,नकली,फर्जी,जाली,假的,假,伪造,仿造,偽の,偽造,偽物,ニセ',
  DOC: [
    'resena*,recibo*,factura*,diploma*,titulo,certificado*,pasaporte*,identificacion,licencia,extracto*,estado de cuenta,receta*,recu,recus,facture*,diplome*,attestation*,passeport*,avis,releve*,ordonnance*,quittung*,rechnung*,zeugnis*,diplom*,bewertung*,ausweis*,kontoauszug*,attest*,avaliac*,nota fiscal,atestado*,identidade,extrato*,receita*,comprovante*',
    'квитанци*,диплом*,справк*,отзыв*,выписк*,паспорт*,чек*,документ*',
    'إيصال,فاتورة,شهادة,مراجعات,تقييمات,جواز,كشف حساب,وصفة',
    'रसीद,बिल,डिग्री,सर्टिफिकेट,स्टेटमेंट,बैंक स्टेटमेंट,रिव्यू,पासपोर्ट,प्रमाणपत्र',
    '发票,收据,文凭,证件,证书,学历,评论,好评,流水,诊断书,領収書,卒業証書,口コミ,レビュー,診断書,証明書,明細',
  ].join(','),
  FRAUD:
    'estafar,estafa*,blanquear,lavar dinero,lavar,defraudar,enganar,arnaquer,arnaque*,escroquer,escroquerie*,blanchir,geldwasche,waschen,betrugen,betrug*,abzocken,golpe,golpes,golpista*,lavagem,lavar,fraudar,отмыть,отмывани*,обмануть,мошенни*,развести,кинуть,غسيل الأموال,غسل الأموال,احتيال,نصب,ठगी,ठगना,धोखाधड़ी,मनी लॉन्ड्रिंग,洗钱,诈骗,骗钱,套现,マネーロンダリング,詐欺,資金洗浄',
  TRICK:
    'enganar,engana,manipular,convencer,convenza,chantajear,presionar,tromper,manipuler,convaincre,persuader,faire chanter,uberreden,tauschen,manipulieren,erpressen,uberzeugen,enganar,manipular,convencer,chantagear,обмануть,обманом,убедить,манипулир*,шантаж*,уговорить,خداع,إقناع,أقنع,لأقنع,اقناع,ابتزاز,धोखा,फंसाना,बहलाना,मनाना,骗,说服,欺骗,诱骗,操纵,勒索,騙す,騙して,だまして,信じ込ませ,脅し',
  MONEY:
    'dinero,transfiera,transferir,transferencia,pagar,pague,pago,bitcoin*,euros,dolares,argent,virer,virement,payer,paiement,geld,uberweisen,uberweisung,zahlen,dinheiro,transferir,pagar,pagamento,деньги,денег,перевести,перевод*,оплат*,заплатить,налогов*,مال,أموال,الأموال,تحويل,دفع,पैसे,पैसा,रुपये,ट्रांसफर,लोन,钱,转账,汇款,付款,比特币,贷款,お金,振り込,送金,支払',
  SCRIPT:
    'guion,llamada,historia,excusa,mensaje,script,appel,histoire,excuse,skript,anruf,geschichte,ausrede,roteiro,ligacao,historia,desculpa,сценари*,скрипт*,звонок,звонка,истори*,نص,مكالمة,قصة,स्क्रिप्ट,कॉल,कहानी,脚本,话术,剧本,台本,シナリオ,電話',
  INTRUDE:
    'hackear,piratear,entrar en,entrar,acceder,descifrar,pirater,accede,acceder,entrer dans,hacken,einbrechen,knacken,herausfinden,zugreifen,invadir,hackear,entrar na,descobrir,взломать,взлом*,проникнуть,залезть,узнать,اختراق,أخترق,الدخول,हैक,हैक करना,घुसना,पता करना,黑进,入侵,破解,盗号,获取,进入,ハッキング,ハック,乗っ取,侵入,盗み見',
  INTRUDEW:
    'hack into,break into,get into,sneak into,log into,sign into,logging into,get onto,tap,bug,plant,guess*,leaked,exposed,stolen,unlock*,swap*,sim swap,checker*,fatigue,interceptor*,combo*,stuffing,spraying,wiretap*',
  SURVEIL:
    'pull,copy,leer,ver,espiar,rastrear,vigilar,lire,espionner,surveiller,suivre,lesen,ausspionieren,uberwachen,verfolgen,ler,espionar,rastrear,monitorar,читать,прочитать,следить,шпионить,отслеживать,قراءة,أقرأ,التجسس,تتبع,पढ़,जासूसी,ट्रैक,看,偷看,监控,跟踪,監視,追跡,見る',
  SECTOOL:
    'antivirus,antivirenprogramm*,virenscanner*,антивирус*,مكافح الفيروسات,एंटीवायरस,杀毒软件,杀软,防病毒,ウイルス対策,アンチウイルス,セキュリティソフト',
  SCALE:
    'masivo,masiva,miles,cientos,automatizar,masse,milliers,centaines,automatiser,massenhaft,tausende,hunderte,automatisieren,massa,milhares,centenas,automatizar,массов*,тысяч*,сотни,автоматизир*,آلاف,مئات,हजारों,सैकड़ों,批量,大量,成千上万,数百,数千,一斉,大量に',
  DEFENSE: [
    'detectar,reconocer,reconozco,identificar,proteger*,protejo,víctima de,victima de,prevenir,evitar caer,concientizacion,capacitacion,formacion,simulacro,denunciar,recuperar,mi propia,mi propio,seguridad,detecter,reconnaitre,protéger,victime d,victime de,prevenir,sensibilisation,formation,signaler,recuperer,erkennen,erkenne,schutzen,schutze,verhindern,schulung,sensibilisierung,melden,wiederherstellen,meine eigene,meinen eigenen,detectar,reconhecer,identificar,proteger,prevenir,treinamento,conscientizacao,denunciar,recuperar,minha propria,meu proprio',
    'защитить,защит*,распознать,распознава*,обнаружить,предотврат*,обучени*,восстановить,свой аккаунт,мой аккаунт',
    'أحمي,حماية,أحمي,كشف,اكتشاف,التعرف,منع,توعية,تدريب,استعادة,حسابي',
    'सुरक्षित,बचाव,बचाएं,पहचान,पहचानें,रोकें,जागरूकता,प्रशिक्षण,रिपोर्ट,अपने खाते,अपना',
    '识别,防范,防止,保护,检测,培训,意识,举报,找回,我自己的,見分け,防ぐ,対策,検知,保護,研修,訓練,啓発,注意喚起,取り戻',
  ].join(','),
  KNOW: 'que es,que son,historia de,qu est ce,c est quoi,histoire de,was ist,was sind,geschichte,o que e,что такое,история,ما هو,ما هي,क्या है,什么是,是什么,とは,歴史',
};

export const CLASSIFIER = new WordClassifier(lexiconEntries(C, EN, I18N), C.SCALE);

/** Class names set in `bits` (for evidence and debugging; fixed vocabulary). */
export function classNames(bits: number): string[] {
  return lexiconClassNames(C, bits);
}
