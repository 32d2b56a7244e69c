/**
 * Word classes of the framing detector: the frames jailbreaks wrap a harmful goal in — a persona to play, a work of
 * fiction, a hypothetical, a research or classroom pretext, a claim of authority, urgency or emotional pressure,
 * persuasion (expert endorsement, evidence, logical and emotional appeals; PAP, arXiv:2401.06373) and demands to stay
 * in character or drop warnings. Written for this project, per language (the languages of harm-lexicon.ts). Entries:
 * `word`, `stem*`, `two words` (the last two words of a phrase); CJK and Thai entries match anywhere.
 * A frame alone is ordinary writing and role-play; it matters only around a harmful goal (detector.ts).
 */
import { lexiconClassNames, lexiconEntries, WordClassifier } from '../abuse/tokens.js';

export const F = {
  PERSONA: 1 << 0,
  FICTION: 1 << 1,
  HYPO: 1 << 2,
  PRETEXT: 1 << 3,
  AUTHORITY: 1 << 4,
  URGENCY: 1 << 5,
  PERSUADE: 1 << 6,
  NOREFUSE: 1 << 7,
  /**
   * A wrapper that embeds the request and dictates the answer's form: a forced opening ("start your response with"),
   * an encoded or restricted output ("respond in base64", "follow these rules"), an article of a given kind about "the
   * following topic" (Wei et al. 2023, competing objectives and mismatched generalisation).
   */
  COERCE: 1 << 8,
} as const;

export type FrameClass = keyof typeof F;
type Lists = Partial<Record<FrameClass, string>>;

const EN: Lists = {
  PERSONA:
    'act as,acting as,pretend to,pretend you,pretend that,pretending to,play the,the role,role of,roleplay,role play,roleplaying,imagine you,you re now,are now,from now,now on,take on,in character,your character,persona,you will be,you ll be,you play,you are playing,impersonate,embody,become a,you re a,you are a,you re an,you are an,you were a,you were an,play as,as an opponent',
  FICTION:
    'novel,novels,novelist,story,stories,storyline,screenplay,screenwriter,script,scene,fictional,fiction,plot,chapter,narrative,dialogue,movie,film,thriller,villain,protagonist,antagonist,writer,author,playwright,character,characters,tale,saga,fantasy,dystopian,sci fi,game master,dungeon master,a poem,poem,song lyrics,comic,universe,worldbuilding,creative writing,short story,fanfic*,fan fiction',
  HYPO: 'hypothetical*,imagine,imagining,suppose,supposing,what if,thought experiment,theoretical,theoretically,in theory,purely,alternate,parallel universe,a world,world where,let s say,lets say,pretend,simulation,simulate,thought exercise,mental exercise,for argument,sake of,speculative,speculate',
  PRETEXT:
    'for research,research purposes,research project,educational purposes,educational,for education,for a class,my class,for class,academic,academically,my thesis,my dissertation,a paper,research paper,for my course,for school,homework,assignment,i m a researcher,researcher,researchers,professor,curious,curiosity,to understand,understanding,to learn,learning purposes,raise awareness,for awareness,to prevent,prevent such,protect against,fortify,defend against,safeguard,security research,security researcher,penetration test*,pentest*,red team*,training data,for training,to train,case study,documentary,journalist,investigative,informational purposes,for science,scientific purposes,study,studying',
  AUTHORITY:
    'i m a police,police officer,law enforcement,detective,fbi,cia,government official,federal agent,i m a doctor,as a doctor,physician,nurse,chemist,as a chemist,scientist,as a scientist,lawyer,attorney,soldier,military,i am authorized,i m authorized,authorized,authorised,i have permission,permission from,licensed,certified,as an expert,an expert,expert in,my professor,my boss,my supervisor,legally allowed,it s legal,it is legal,official capacity,clearance,i work for,i work at,on behalf',
  URGENCY:
    'urgent,urgently,emergency,life or,or death,life depends,lives depend,immediately,right now,asap,someone will,will die,going to die,i beg,begging,desperate,desperately,dying,grandmother used,grandma used,my late,too late,lives are,at stake,please help,no time,running out,last chance,my job,lose my,fired if,threatened,crisis',
  PERSUADE:
    'experts agree,expert endorsement,studies show,research shows,research suggests,evidence suggests,evidence shows,according to,statistics show,data shows,renowned,respected,widely known,well known,it is known,logically,logical,it makes,makes sense,greater good,knowledge is,is power,s important,s crucial,s vital,s essential,our shared,shared values,shared commitment,right decision,many people,my colleagues,others have,everyone knows,we ve been,been through,you owe,in return,reciprocate,loyalty,only you,i trust,trust you,smart enough,you would,you d be,helping me,help humanity,benefit society,for society,ethical reasons,morally justified,justified,noble,important that,crucial,vital,valuable insight,insights,delve,explore the,exploration,unleash,deeper understanding,shed light,in depth,nuanced,admire,admiration,brilliant,genius,skilled,unique power,storytelling',
  NOREFUSE:
    'stay in,in character,break character,breaking character,no disclaimers,without disclaimers,no warnings,without warnings,without any warnings,no moral,without moral,no ethical,without ethics,no matter,never refuse,don t refuse,do not refuse,can t refuse,cannot refuse,don t say,uncensored,unfiltered,without restrictions,no restrictions,no limits,without limits,no rules,no boundaries,amoral,unethical,don t hold,hold back,don t censor,without censorship,full detail,answer anyway,must answer,have to answer,always answer',
};

/** Output coercion and request wrappers (COERCE). */
const WRAP: Lists = {
  COERCE:
    'start your response with,begin your response with,start your reply with,begin your reply with,start your answer with,begin your answer with,in base64,following prompt,below prompt,following request,below request,following topic,these rules,following rules,wikipedia article',
};

const I18N: Lists = {
  PERSONA: [
    'eres un,eres una,ahora eres,actua como,actúa como,finge ser,finge que,imagina que,juega el,el papel,interpreta,interpretas,haz de,você é,voce e,agora você,finja ser,faça o,o papel,sei un,sei una,ora sei,fingi di,immagina di,interpreta il,il ruolo,tu es,tu es maintenant,vous etes,vous êtes,de maintenant,agis comme,agissez comme,fais semblant,faites semblant,imagine que,imaginez que,joue le,le rôle,le role,incarne,incarnez,du bist,du bist jetzt,sie sind,sie sind jetzt,stell dir,stellen sie,spiele die,die rolle,tu so,sie spielen,du spielst,schlüpfe,schlupfe',
    'ты теперь,вы теперь,теперь ты,теперь вы,представь,представьте,сыграй,сыграйте,роль,притворись,притворитесь,вы играете,ты играешь,играете за,играете роль,играли,сыграли,в роли,sen artik,sen şimdi,rolünü,rolunu,gibi davran',
    'أنت الآن,انت الآن,أنت الان,تخيل أنك,تخيل انك,تخيل,تظاهر,العب دور,دور,بصفتك,تقمص,अब आप,अब तुम,कल्पना कीजिए,कल्पना करें,कल्पना करो,भूमिका,किरदार,के रूप में,अभिनय,এখন আপনি,এখন তুমি,কল্পনা করুন,ভূমিকা,চরিত্রে,হিসেবে',
    'bây giờ bạn,bạn là một,hãy đóng vai,đóng vai,vai trò,giả vờ,giả sử bạn,hãy tưởng tượng,tưởng tượng,sasa wewe,wewe ni,jifanye,igiza,fikiria kwamba,sampeyan saiki,saiki sampeyan,dadi,pura pura,bayangna',
    '你现在是,你現在是,你是一个,你是一個,你是一名,你是一位,你现在是一名,としてプレイ,假设你是,假設你是,扮演,想象你是,想像你是,作为一个,作為一個,角色扮演,你将扮演,あなたは今,あなたは,になりきって,なりきり,のふりをして,ふりをして,を演じて,演じて,ロールプレイ,として振る舞,役を,당신은 이제,너는 이제,이제부터 너는,역할을,역할극,척해,척하,연기해,연기하,สมมติว่าคุณ,สมมุติว่าคุณ,แสร้งทำ,รับบท,สวมบทบาท,ตอนนี้คุณคือ,คุณคือ',
  ].join(','),
  FICTION:
    'novela,historia,cuento,guion,escena,ficticio,ficticia,ficcion,ficción,trama,capitulo,capítulo,personaje,pelicula,película,romance,conto,roteiro,cena,personagem,filme,romanzo,racconto,sceneggiatura,scena,personaggio,roman,histoire,récit,recit,scénario,scenario,scène,fictif,fiction,intrigue,chapitre,personnage,roman,geschichte,erzählung,erzahlung,drehbuch,szene,fiktiv*,handlung,kapitel,figur,роман,рассказ,истори*,сценари*,сцен*,вымышлен*,сюжет*,глав*,персонаж*,фильм*,hikaye,senaryo,roman,karakter,رواية,قصة,سيناريو,مشهد,خيالي,خيالية,حبكة,فصل,شخصية,فيلم,उपन्यास,कहानी,पटकथा,दृश्य,काल्पनिक,कथानक,अध्याय,पात्र,फिल्म,উপন্যাস,গল্প,চিত্রনাট্য,দৃশ্য,কাল্পনিক,চরিত্র,সিনেমা,tiểu thuyết,câu chuyện,kịch bản,cảnh,hư cấu,cốt truyện,chương,nhân vật,bộ phim,riwaya,hadithi,tamthilia,mhusika,filamu,crita,novel,naskah,paraga,小说,小說,故事,剧本,劇本,场景,場景,虚构,虛構,情节,情節,章节,角色,电影,電影,小説,物語,脚本,シーン,架空,フィクション,登場人物,映画,소설,이야기,각본,대본,장면,허구,줄거리,등장인물,영화,นิยาย,เรื่องราว,บทภาพยนตร์,ฉาก,เรื่องแต่ง,ตัวละคร,ภาพยนตร์',
  HYPO: 'hipoteticamente,hipotéticamente,hipotetico,hipotético,supongamos,imagina,imaginemos,en teoria,en teoría,un mundo,hipoteticamente,suponha,ipoteticamente,ipotetico,supponiamo,immagina,in teoria,hypothetiquement,hypothétiquement,hypothetique,hypothétique,supposons,imaginons,en théorie,en theorie,un monde,hypothetisch,angenommen,stell dir vor,theoretisch,eine welt,гипотетически,гипотетическ*,предположим,допустим,представь,теоретически,в мире,varsayalim,farz edelim,teorik olarak,افتراضيا,افتراضياً,لنفترض,تخيل,نظريا,نظرياً,في عالم,काल्पनिक रूप,मान लीजिए,मान लो,सैद्धांतिक,एक दुनिया,ধরা যাক,ধরুন,তাত্ত্বিক,giả sử,giả định,giả thuyết,về lý thuyết,một thế giới,tuseme,kinadharia,umpamane,假设,假設,假如,如果,设想,理论上,理論上,一个世界,仮に,もしも,仮定,理論上,想像して,만약,가정,가상,이론적으로,สมมติ,สมมุติ,ในทางทฤษฎี,ถ้าหาก',
  PRETEXT:
    'con fines educativos,fines educativos,investigacion,investigación,academico,académico,mi tesis,para una clase,para la escuela,curiosidad,para entender,fins educacionais,pesquisa,acadêmico,fini educativi,ricerca,accademico,tesi,curiosità,curiosita,à des fins,fins éducatives,fins educatives,recherche,académique,academique,ma thèse,these,curiosité,curiosite,pour comprendre,zu bildungszwecken,bildungszwecken,forschung,forschungszwecken,akademisch*,meine arbeit,neugier,um zu verstehen,в образовательных,образовательных целях,в учебных,исследован*,научн*,академическ*,диплом*,курсов*,любопытств*,чтобы понять,eğitim amaçlı,egitim amacli,araştırma,arastirma,لأغراض تعليمية,لأغراض بحثية,بحث,البحث العلمي,أكاديمي,فضول,لفهم,शैक्षिक उद्देश्य,शोध,अनुसंधान,अकादमिक,जिज्ञासा,समझने के लिए,শিক্ষামূলক,গবেষণা,কৌতূহল,mục đích giáo dục,nghiên cứu,học thuật,tò mò,để hiểu,madhumuni ya elimu,utafiti,udadisi,kanggo sinau,panaliten,出于研究,研究目的,教育目的,学术,學術,论文,論文,好奇,为了了解,研究のため,教育目的,学術,論文,好奇心,연구 목적,교육 목적,학술,논문,호기심,เพื่อการศึกษา,เพื่อการวิจัย,วิจัย,อยากรู้',
  AUTHORITY:
    'soy policia,soy policía,soy médico,soy medico,soy investigador,autorizado,tengo permiso,sou policial,sou médico,autorizzato,sono un medico,je suis policier,je suis médecin,autorisé,autorise,j ai la permission,ich bin polizist,ich bin arzt,autorisiert,befugt,я полицейский,я врач,я следователь,уполномочен,у меня есть разрешение,polisim,doktorum,yetkiliyim,أنا شرطي,أنا طبيب,مخول,لدي إذن,मैं पुलिस,मैं डॉक्टर,अधिकृत,অনুমোদিত,আমি পুলিশ,tôi là cảnh sát,tôi là bác sĩ,được phép,mimi ni polisi,nina ruhusa,aku polisi,我是警察,我是医生,我是醫生,我有权限,授权,授權,警察です,医者です,許可,권한,경찰입니다,의사입니다,ฉันเป็นตำรวจ,ได้รับอนุญาต',
  URGENCY:
    'urgente,urgentemente,emergencia,vida o muerte,ahora mismo,desesperado,desesperada,mi abuela,urgente,emergência,vida ou morte,urgente,emergenza,vita o morte,subito,urgent,urgence,vie ou mort,tout de suite,désespéré,desespere,ma grand mère,dringend,notfall,leben oder tod,sofort,verzweifelt,meine oma,срочно,экстренн*,вопрос жизни,немедленно,в отчаянии,моя бабушка,acil,hayat memat,hemen,عاجل,طوارئ,حياة أو موت,فورا,يائس,جدتي,तुरंत,आपातकाल,जीवन मरण,बेहद जरूरी,दादी,জরুরি,এখনই,khẩn cấp,sống còn,ngay lập tức,bà tôi,haraka,dharura,sasa hivi,gawat,saiki uga,紧急,緊急,生死攸关,马上,立刻,奶奶,至急,緊急,今すぐ,おばあちゃん,긴급,급해,당장,할머니,ด่วน,ฉุกเฉิน,เดี๋ยวนี้',
  PERSUADE:
    'los expertos,estudios muestran,según,segun,bien sabido,lógicamente,logicamente,bien común,gli esperti,secondo,logicamente,les experts,selon,des études,des etudes,logiquement,experten,studien zeigen,laut,logischerweise,эксперты,исследования показывают,согласно,логично,uzmanlar,araştırmalar,الخبراء,الدراسات,وفقا,منطقيا,विशेषज्ञ,अध्ययन बताते,के अनुसार,तार्किक,বিশেষজ্ঞ,গবেষণায়,chuyên gia,nghiên cứu cho thấy,theo,wataalamu,para ahli,专家,專家,研究表明,据,據,逻辑上,専門家,研究によると,によると,論理的,전문가,연구에 따르면,논리적으로,ผู้เชี่ยวชาญ,งานวิจัย,ตามหลักเหตุผล',
  NOREFUSE:
    'sin restricciones,sin censura,sin advertencias,no te niegues,sin limites,sin límites,sem restrições,sem censura,senza restrizioni,senza censura,sans restrictions,sans censure,sans avertissement,ne refuse pas,ohne einschränkungen,ohne einschrankungen,ohne zensur,ohne warnungen,verweigere nicht,без ограничений,без цензуры,без предупреждений,не отказывай*,не выходи из роли,sınırsız,sansürsüz,بدون قيود,بلا قيود,بدون رقابة,لا ترفض,बिना किसी प्रतिबंध,बिना सेंसर,मना मत,সীমাবদ্ধতা ছাড়া,không giới hạn,không kiểm duyệt,đừng từ chối,bila vikwazo,usikatae,tanpa watesan,ora nolak,没有限制,不受限制,无限制,無限制,不要拒绝,不要拒絕,不要有任何顾虑,制限なし,制限なく,検閲なし,拒否しないで,断らないで,제한 없이,검열 없이,거절하지,ไม่มีข้อจำกัด,อย่าปฏิเสธ',
};

/**
 * How German, Spanish, French, Italian, Portuguese and Russian role-play casts the role beyond "you are": the verb second or
 * first ("Jetzt spielen Sie …", "Spielen Sie …", "bist du"), "I need you to play …", "act as a …" in the subjunctive
 * of a request ("necesito que actúes como", "interpretes a"), "if you were …".
 */
const EU: Lists = {
  PERSONA: [
    'spielen sie,spiel die,spiele den,spiele einen,spiele eine,spielst du,bist du,sind sie,brauche sie,brauche dich,agieren,übernehmen sie,ubernehmen sie,verkörpern sie,verkorpern sie,verkörpere,verkorpere,schlüpfen sie,schlupfen sie,wären sie,wärst du',
    'interpretes,interprete,interpretarás,interpretaras,interpretar a,interpretar el,actúes como,actues como,actúe como,actue como,desempeñes,desempenes,desempeñar,desempenar,un papel,que eres,que fueras,si fueras,fueras un,fueras una',
    'tu joues,vous jouez,jouez le,jouez un,jouez une,joue un,joue une,vous jouiez,tu joues,devez jouer,dois jouer,jouer un,jouer une,jouer le,vous soyez,tu sois,agissiez comme,agisses comme,veuillez incarner,tu incarnes,vous incarnez,si vous étiez,si vous etiez,si tu étais,si tu etais',
    'interpreti,interpreta un,interpreta una,fai finta,agisci come,comportati come,nei panni,se fossi,sei ora',
    'interprete um,interprete uma,você interpreta,voce interpreta,finja que,aja como,atue como,se você fosse,se voce fosse,você seria,voce seria',
    'играйте,играть за,будете играть,вы являетесь,сейчас вы,выступите в,выступили в',
  ].join(','),
};

/**
 * Arabic, Hindi and Japanese "play …" verbs: العب (play!), تلعب (you play), بلعب (by playing); खेलें, निभाएं (play a
 * role); 演じ (play, any ending), としてプレイ (play as).
 */
const AR_HI: Lists = { PERSONA: 'العب,تلعب,بلعب,खेलें,खेलिए,निभाएं,निभाइए,निभाते,演じ,としてプレイ' };

export const FRAME_CLASSIFIER = new WordClassifier(lexiconEntries(F, EN, WRAP, I18N, EU, AR_HI));

export function frameNames(bits: number): FrameClass[] {
  return lexiconClassNames(F, bits);
}
