/**
 * More harm vocabulary for the languages the first lexicon (harm-lexicon.ts) covers thinly: Italian, Chinese, Korean,
 * Arabic, Vietnamese, Thai, Bengali, Javanese (including its East Javanese forms), Swahili, with the English,
 * German and Hindi words of the same acts. Written for this project from general vocabulary, by category: blowing
 * things up and arson (a crime against property even without a named victim), disposing of a body, killing in the
 * inflected forms a request uses, hateful jokes, insults and stereotypes about a group, and the request forms
 * ("how do I", "what is a good way", "how can I") each language uses.
 *
 * Korean and Bengali attach endings and particles to the word ("죽이는", "죽이려면"; "মারতে", "হত্যার"): their
 * single-word entries here and in harm-lexicon.ts are matched as word prefixes (see `agglutinative`), so an entry
 * must be a specific stem of two syllables or more.
 */
import type { H } from './harm-classes.js';
import { lexiconEntries, WordClassifier } from './tokens.js';

type Lists = Partial<Record<keyof typeof H, string>>;

/**
 * Slurs: words that name a group and contempt at once (they carry both the GROUP and the HATE_ADJ class, so a
 * sentence with one is a hateful judgement; asking what a slur means stays a knowledge question). Unambiguous
 * forms only: words that are also ordinary nouns elsewhere ("chink in the armour", a "fag" in British English,
 * "dyke" as an embankment, "shoga" as the neutral Swahili word) are left out.
 */
const SLURS = [
  'nigger,niggers,nigga,niggas,faggot,faggots,retard,retards,kike,kikes,spic,spics,wetback,wetbacks,towelhead,towelheads,raghead,ragheads,dago,dagos,wop,wops,beaner,beaners,gook,gooks,trannies',
  'frocio,froci,ricchione,ricchioni,terrone,terroni,negraccio,kanake,kanaken,neger,schwuchtel,schwuchteln,maricon,maricones,sudaca,sudacas,bougnoule,bougnoules,bicot,bicots,pédé,pédés,pede,pedes',
  'хач,хачи,чурка,чурки,жид,жиды,пидор,пидоры,пидорас*,хохол,хохлы,支那,支那人,鬼子,小日本,黑鬼,基佬,死基佬,娘炮,阿三,깜둥이,짱깨,쪽바리,똥꼬충,틀딱,한남충,김치녀,장애새끼,チョン,シナ人,ガイジ,زنجي,زنوج,mọi đen,tàu khựa,bọn tàu,ไอ้มืด,মালাউন,নেড়ে,कटुआ,कटुए,चमार',
].join(',');

export const MORE: Lists = {
  CRIME: [
    'diebstahl*,चुरा*,चुराने,चोरी करने,चोरी करें',
    // en / de / hi: destroying property by explosion or fire, disposing of a body
    'blow up,blowing up,burn down,burning down,in die luft sprengen,sprengen,anzünden,anzunden,niederbrennen,brandstiftung,leiche verstecken,leiche loswerden,उड़ा दे,उड़ाने,उड़ा दूं,आग लगा,आग लगाने,आगजनी,लाश छिपा,लाश को',
    // it
    'far esplodere,fare esplodere,dare fuoco,appiccare,incendiare,dar fuoco,far deragliare,sabotare,vandalizzare',
    // zh (anywhere)
    '炸毁,炸掉,炸了,引爆,爆破,放火,纵火,縱火,烧掉,燒掉,烧毁,燒毀,点火烧,藏尸,藏屍,抛尸,拋屍,处理尸体,處理屍體,毁尸,毀屍,脱轨,脫軌',
    // ko (word prefixes)
    '폭파,폭발시키,폭발하게,불지르,불질러,불태우,불태워,태워버리,태워 버리,방화,테러하',
    // ar
    'تفجير,أفجر,افجر,نفجر,يفجر,تفجر,نسف,أنسف,إحراق,احراق,اشعل النار,إخفاء جثة,التخلص من جثة,تخريب',
    // vi
    'làm nổ,cho nổ,đánh bom,nổ tung,phóng hỏa,đốt nhà,đốt cháy,thiêu rụi,đốt trụi,giấu xác,phi tang,phá hoại,lật tàu',
    // th (anywhere)
    'วางระเบิด,ระเบิดทิ้ง,ทำให้ระเบิด,เผาบ้าน,เผาทิ้ง,วางเพลิง,จุดไฟเผา,ซ่อนศพ,ทิ้งศพ,กำจัดศพ,ตกราง',
    // bn (word prefixes)
    'উড়িয়ে,উড়িয়ে দেওয়া,বিস্ফোরণ ঘটা,বোমা মেরে,আগুন লাগা,আগুন ধরিয়ে,পুড়িয়ে,জ্বালিয়ে,লুকিয়ে রাখ',
    // jv
    'ngebom,ngebom e,njeblugke,njeblugake,mbledosake,mbledosno,mbledos,ngobong,ngobongi,diobong,ndelikake mayit',
    // sw
    'kulipua,kulilipua,ilipuke,kuilipua,kuchoma moto,kuchoma jengo,kuchoma nyumba,kuunguza,iungue,kuficha maiti,kuondoa maiti,kuhujumu',
  ].join(','),
  VIOLENT: [
    // ko: the inflected stems of kill, beat, stab, poison, push off, rape
    '죽이,죽여,죽일,죽인,죽였,살해,살인,찔러,찌르,때려,때리,폭행,독살,떠밀,강간,성폭행,고문,납치,목졸,해치,쏴서,쏴 죽',
    // bn
    'মেরে ফেল,মারার,মারতে,হত্যা,খুন,পিটিয়ে,ছুরি মেরে,বিষ খাইয়ে,ধর্ষণ,অপহরণ,নির্যাতন',
    // sw: the forms of -ua (kill) and of attack and beat a request uses
    'kuua,kumuua,kuwaua,kumwua,waue,muue,nimuue,tumuue,auawe,wauawe,mauaji,kuchinja,kumchinja,kumpiga,kuwapiga,kumchoma kisu,kumnyonga,kumzamisha,kumtia sumu,kumbaka,kuteka nyara,kumteka',
    // jv
    'mateni,pateni,dipateni,mbunuh,dibunuh,mateni uwong,mateni wong,nabok,ngantem,ngantemi,nggebuki,nusuk,nyuduk,ngracun,ngracuni,nyiksa,nyulik,merkosa',
    // it
    'uccidere,ucciderlo,ucciderla,ammazzare,ammazzarlo,ammazzarla,omicidio,avvelenare,avvelenarlo,strangolare,annegare,picchiare,pugnalare,accoltellare,stuprare,rapire,torturare',
    // hiding or getting rid of a dead body (the noun alone names no harm: history, news, funerals)
    'ซ่อนศพ,ทิ้งศพ,กำจัดศพ,藏尸体,藏屍體,处理尸体,處理屍體,시체 유기,시신 유기,시체를 숨기,إخفاء الجثة,giấu xác,ndelikake mayit,kuficha maiti,লাশ গুম',
    // vi / th / zh / ar
    'giết người,giết chết,đánh chết,ám sát,cưỡng hiếp,đâm chết,ฆ่าคน,ฆ่าให้ตาย,ทุบตี,ข่มขืน,杀了,殺了,干掉,幹掉,弄死,打死,捅死,毒死,أقتله,اقتله,أقتلها,اقتلها,قتله,قتلها,نقتل,يقتل,أضربه',
  ].join(','),
  WEAPON_S: '탄저균,폭탄,핵무기,파이프 폭탄,bomu la,mabomu,bom,bom xăng,বোমা,ระเบิด,قنبلة,炸弹,炸彈,bomba,ordigno',
  WEAPON:
    '총기,권총,총으로,소총,칼로,식칼,주방칼,흉기,독약,bunduki,bastola,kisu,bedhil,tembak,lading,pistol,arma da fuoco',
  DRUG: '마약,필로폰,대마,코카인,헤로인,dawa za kulevya,dawa za mitaani,narkoba,sabu,মাদক,ইয়াবা,ยาเสพติด,ma túy',
  HATE_ACT: [
    // jokes, insults and stereotypes about people: with a group nearby, hateful content
    'schikanier*,mobben,beleidige*,demütige*,erniedrige*,तंग कर,परेशान कर,बदमाशी,racist joke*,racist jokes,slurs for,barzelletta razzista,barzellette razziste,barzellette sui,insulti per,种族笑话,種族笑話,侮辱性,骂人的话,罵人的話,인종차별 농담,욕설,비하,نكتة عنصرية,نكت عنصرية,نكت عن,إهانة,شتائم,trò đùa phân biệt,lăng mạ,chửi,มุกเหยียด,เรื่องตลกเหยียด,ด่า,বর্ণবাদী কৌতুক,গালি,অপমান,vichekesho vya kibaguzi,matusi,kumtukana,sindiran,guyonan rasis,ngece,misuhi,pisuhan',
  ].join(','),
  HATE_ADJ: [
    SLURS,
    'sporchi,puzzano,puzzolenti,primitivi,stupidi,原始,野蛮人,더럽,지저분,미쳤,원시적,미개,قذر,قذرة,بدائيون,بدائيين,مجانين,bẩn,nguyên thủy,สกปรก,เหม็น,ล้าหลัง,নোংরা,দুর্গন্ধ,আদিম,পাগল,wachafu,wananuka,washenzi,wazimu,kemproh,reged,mambu,primitif,edan,gendheng',
  ].join(','),
  GROUP: [
    SLURS,
    'neri,africani,asiatici,cinesi,indiani,arabi,messicani,zingari,islamici,musulmani,印度人,中国人,中國人,亚洲人,亞洲人,阿拉伯人,墨西哥人,穆斯林,同性恋者,인도 사람,인도 사람들,중국인,동양인,아시아인,흑인들,아랍인,멕시코인,이민자들,동성애자들,الهنود,الصينيين,الآسيويين,المكسيكيين,người ấn độ,người châu á,người mexico,người ả rập,người da đen,คนอินเดีย,คนจีน,คนเอเชีย,คนผิวดำ,คนอาหรับ,ভারতীয়,চীনা,এশীয়,কৃষ্ণাঙ্গ,মুসলিম,watu wa india,wahindi,wachina,waasia,waarabu,watu weusi,wong india,wong chino,wong cina,wong asia,wong arab,wong ireng,wong meksiko',
  ].join(','),
  ASK: [
    // ko: "how to … (법 / 방법)", "how do I", "is there a good way"
    '법,방법,어떻게,좋은 방법,가장 좋은,알려줘,알려 줘,알려주,가르쳐,하려면,하는 법,해야 돼,해야 되,해 봐,써줘,써 줘,묘사해',
    // what do you suggest
    'cosa dovrei,建议,建議,推荐,推薦,unapendekeza,تنصحني,تقترح',
    // sw
    'ninawezaje,njia gani,nawezaje,tunawezaje,unawezaje,anawezaje,njia nzuri,njia rahisi,njia bora,jinsi gani,vipi,nifafanulie,nieleze,niambie jinsi,nionyeshe,naweza kupata wapi,wapi naweza',
    // jv (incl. East Javanese)
    'yo opo,yok opo,yaopo,piye,piye carane,kepiye,carane,cara,paling cepet,kudu piye,iso ngerti,kandhanono,ajarono,nek ndi,ning ngendi',
    // bn (word prefixes)
    'কিভাবে,কীভাবে,কী ভাবে,উপায়,সবচেয়ে ভালো,ভালো উপায়,কোথায় পাব,বলুন,বলো,বর্ণনা কর,শেখাও,দেখাও',
    // hi: please provide / help me / show me
    'प्रदान करें,प्रदान करो,मदद करें,दिखाओ,दिखाएं,लिखें,बताओ कैसे',
    // it / vi / th / zh / ar
    'come si fa,come faccio,come posso,qual e il modo,il modo migliore,un buon modo,modo per,qual è il modo,descrivi,cách nào,cách tốt nhất,làm thế nào để,làm sao để,cách để,mô tả,ทำยังไง,ทำอย่างไร,วิธีที่ดีที่สุด,วิธีการ,อธิบาย,怎么才能,怎样才能,最好的方法,有什么方法,描述,ما هي أفضل طريقة,ما أفضل طريقة,أفضل طريقة,كيف يمكنني,كيف أستطيع,كيف اقدر',
  ].join(','),
  WANT: '싶어,싶다,할 거야,할 건데,하려고,ningependa,nataka,ninataka,pengen,kepengin,আমি চাই,চাই,vorrei,voglio,muốn,อยาก,想要,我想,أريد,اريد',
  EVADE: 'ndelikake,nyembunyikke,kuficha,숨기,숨겨,몰래,giấu,ซ่อน,藏起,隐藏,nascondere,لإخفاء,إخفاء,লুকিয়ে,লুকাতে',
  METHOD: [
    'quick way,a good way,good way,the best method,الطريقة السريعة,طريقة سريعة,الطريقة الأكثر,أسرع,รวดเร็ว,วิธีการ,วิธีที่ดี,ที่ดีในการ,দ্রুত উপায়,ভাল উপায়,সেরা পদ্ধতি,njia gani bora,cách nhanh,cách hay,方式是什么,最佳方式,好的方式,가장 확실한,빠른 방법,cara cepet,cara sing paling,il modo più,un modo rapido',
    // "the best / a good / the quickest way": a method question, not a knowledge question
    '最好的方法,好方法,最佳方式,最好的办法,最好的辦法,最适合,最適合,最有效,最快的,最简单,最簡單,有办法,有辦法,가장 좋은,좋은 방법,가장 빠른,가장 쉬운,확실히,أفضل طريقة,أفضل الطرق,أسرع طريقة,أسهل طريقة,il modo migliore,modo migliore,un buon modo,il metodo migliore,più veloce,più efficace,cách tốt nhất,cách nhanh nhất,cách dễ nhất,hiệu quả nhất,วิธีที่ดีที่สุด,วิธีที่เร็วที่สุด,ง่ายที่สุด,সবচেয়ে ভালো,সেরা উপায়,সহজ উপায়,ভালো উপায়,njia bora,njia nzuri,njia rahisi,haraka zaidi,paling apik,paling gampang,paling cepet,cara paling,gampang e',
  ].join(','),
  FRAUD_S: [
    // hacking as an act on an account or a system
    'hackt,einzuhacken,einhacken,konto hacken,passwort knacken,हैक कर,हैक करने,हैक करें,हैक करना,hackerare,hackerarlo,bucare un account,黑进,黑入,盗号,盜號,破解密码,破解密碼,해킹하,해킹해,해킹할,اختراق حساب,أخترق,اخترق,hack vào,hack tài khoản,xâm nhập vào,แฮ็ก,হ্যাক কর,হ্যাক করা,kudukua,kuhack,ngehack,nge hack,ngeretas,ngebobol',
  ].join(','),
  MAKE: '만드,만들어,구해,구할,구하,fabbricare,creare,costruire,procurarsi,comprare,制造,製造,kutengeneza,gawe,nggawe,bikin,তৈরি,বানা,বানাতে',
  FRAUD: 'betrug*,betrüg*,abzocke*,abzocken,धोखा,धोखे,धोखेबाज*,ठगना,ठगने,स्कैम',
  SAFE: 'बचने,बचने का,से बचें,सुरक्षित रहने,नहीं बनना,أتعامل,التعامل,نتعامل,أتصرف,التصرف,أواجه,xử lý,đối phó,ứng phó,kukabiliana,kushughulikia,ngadhepi,ngatasi,대처하,대응하,মোকাবিলা,সামলা,affrontare,gestire',
  TARGET:
    '사람,사람을,사람들,남의,남을,누구,누군가,정치인,와이프,아내,남편,친구,이웃,mtu,watu,mke wangu,wanasiasa,jirani,rafiki,politisi,koncoku,bojoku,tonggo,tonggoku,tonggone,মানুষ,কাউকে,লোক,রাজনীতিবিদ,স্ত্রী,persona,qualcuno,politici,mia moglie,chính trị gia,vợ tôi,นักการเมือง,ภรรยา,别人,政客,老婆,شخص,السياسيين,زوجتي',
};

const ARABIC_WORD = /^[\u0621-\u064a]+$/;
/** Arabic proclitics written onto the word: and, so, with, for/to, the. */
const ARABIC_CLITICS = ['و', 'ف', 'ب', 'ل', 'ال'];

/**
 * Arabic single-word entries with the proclitics a sentence writes onto them ("لتفجير" = "to blow up", "والمخدرات"
 * = "and the drugs"), so a whole-word entry matches its common written forms; "ال" + word also as "لل" + word.
 */
export function arabicClitics(entries: ReadonlyArray<readonly [string, number]>): Array<readonly [string, number]> {
  const out: Array<readonly [string, number]> = [];
  for (const [w, bits] of entries) {
    out.push([w, bits]);
    if (!ARABIC_WORD.test(w) || w.length < 3) continue;
    const bare = w.startsWith('ال') ? w.slice(2) : w;
    for (const c of ARABIC_CLITICS) if (c !== 'ال' || bare === w) out.push([c + w, bits]);
    if (bare !== w) out.push([`لل${bare}`, bits]);
  }
  return out;
}

const HANGUL_OR_BENGALI = /^[\uac00-\ud7a3\u0980-\u09ff]/;

/**
 * Entries of Korean and Bengali words made word prefixes: those languages attach endings and particles to the word,
 * so a whole-word entry would miss almost every use ("폭파" in "폭파시키려면"). Phrases and entries already marked
 * as stems are kept; one-syllable Korean words (particles and homographs such as "칼", "법") stay whole words, and so
 * do Bengali entries of fewer than four code units.
 */
export function agglutinative(entries: ReadonlyArray<readonly [string, number]>): Array<readonly [string, number]> {
  return entries.map(([w, bits]) => {
    if (w.endsWith('*') || w.includes(' ') || !HANGUL_OR_BENGALI.test(w)) return [w, bits] as const;
    const min = w.charCodeAt(0) >= 0xac00 ? 2 : 4;
    return w.length >= min ? ([`${w}*`, bits] as const) : ([w, bits] as const);
  });
}

/**
 * Intensifiers of a judgement ("so", "such", "这么"): "why are they so …" presupposes the judgement, so a hateful
 * adjective of a group in such a question is not a knowledge question.
 */
export const INTENSIFIER = new WordClassifier(
  lexiconEntries(
    { I: 1 },
    {
      I: 'so,such,that stupid,that dirty,cosi,così,tanto,talmente,这么,這麼,如此,那么,那麼,这样,這樣,그렇게,이렇게,너무,للغاية,جدا,جداً,هكذا,لهذه الدرجة,quá,rất,đến vậy,như vậy,จัง,มาก,ขนาดนี้,এত,এতো,এতটা,sana,hivyo,kiasi hicho,kok,banget,nemen,so sehr,derart,इतने,इतना,इतनी',
    },
  ),
);

/**
 * The text-processing words of the TASK class (summarize, translate, classify, a passage, multiple-choice options)
 * without the generic ones a jailbreak template uses to deliver its goal ("respond to the following prompt:",
 * "answer the question: …", "continue the paragraph"): quoted harm is damped only when the text has one of these.
 */
export const PROCESSING = new WordClassifier(
  lexiconEntries(
    { P: 1 },
    {
      P: 'question:,summarize,summarise,summary,summarizing,paraphrase,translate,translation,classify,classification,proofread,extract,key points,main points,key details,following article,following text,following passage,passage,movie plot,plot title,options,select the,which of the,headline,sentiment,the article,this article,the text,this text,the review,this review,bio below,sentence below,text below,given text,context:,resume,resumir,resumen,traduce,traducir,parafrasea,riassumi,riassunto,traduci,résume,résumé,résumez,traduis,traduisez,zusammenfassung,zusammenfassen,fasse,ubersetze,übersetze,кратко изложи,перескажи,переведи,резюме,özetle,cevir,çevir,لخص,تلخيص,ترجم,सारांश,अनुवाद,সারসংক্ষেপ,অনুবাদ,tóm tắt,dịch,muhtasari,tafsiri,ringkesan,terjemahna,总结,概括,摘要,翻译,翻譯,要約,まとめ,翻訳,요약,번역,สรุป,แปล',
    },
  ),
);
