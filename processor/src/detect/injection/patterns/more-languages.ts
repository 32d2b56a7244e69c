import { type SignalPattern } from './types.js';

/**
 * The three core intents — set aside earlier instructions, reveal the system prompt, "you are now …" — in languages
 * the other pattern files do not cover: Vietnamese, Thai, Greek, Romanian, Polish, Dutch, Indonesian/Malay, Swahili
 * and Ukrainian. Written for prepared text (NFKC, lower case, one space).
 *
 * Precision: a verb of ignoring alone is everyday language ("don't forget the rules", "ignore the instructions on the
 * box"), so the override patterns need what makes it an attack — instructions that are earlier, above, all, yours or
 * the system's. Extraction needs the system prompt (or "your instructions") as the object of a verb of showing.
 * RE2's \b is ASCII-only, so words that begin or end with a non-ASCII letter are not bounded by it.
 */

const G = (n: number) => `[^.!?。！？\\n]{0,${n}}`;
const L = '\\p{L}*';

const RO_IGNORE = `ignoră|ignora|ignorați|ignorati|uită|uita|uitați|uitati|nu (?:mai )?ține cont de|nu (?:mai )?urma`;
const RO_NOUN = `instrucțiunile|instructiunile|regulile|comenzile|indicațiile|indicatiile`;

function p(lang: string, id: string, signal: SignalPattern['signal'], weight: number, re: string): SignalPattern {
  return { id: `${lang}.${id}`, signal, weight, re: re.normalize('NFKC'), lang };
}

export const MORE_LANGUAGES: SignalPattern[] = [
  // Vietnamese (head first: "hướng dẫn trước đó" = the previous instructions)
  p(
    'vi',
    'override',
    'override',
    1.0,
    `(?:bỏ qua|phớt lờ|quên đi|hãy quên|không tuân theo|đừng tuân theo|bỏ hết)${G(20)}(?:hướng dẫn|chỉ dẫn|chỉ thị|mệnh lệnh|quy tắc|lệnh)${G(20)}(?:trước đó|trước đây|ở trên|phía trên|ban đầu|của bạn|hệ thống|trước)`,
  ),
  p(
    'vi',
    'extract',
    'extraction',
    1.0,
    `(?:hiển thị|in ra|tiết lộ|nhắc lại|viết ra|cho tôi xem|cho tôi biết|xuất ra|lặp lại)${G(30)}(?:lời nhắc hệ thống|prompt hệ thống|system prompt|hướng dẫn hệ thống|chỉ dẫn hệ thống|hướng dẫn ban đầu|chỉ dẫn ban đầu)`,
  ),
  p(
    'vi',
    'you-are-now',
    'role_reassign',
    0.5,
    `(?:từ bây giờ (?:trở đi )?bạn là|từ giờ (?:trở đi )?bạn là|bây giờ bạn là)`,
  ),
  // Thai (no spaces between words)
  p(
    'th',
    'override',
    'override',
    1.0,
    `(?:ละเว้น|เพิกเฉย|ลืม|ไม่ต้องสนใจ|ไม่ต้องทำตาม|อย่าทำตาม|ข้าม)${G(20)}(?:คำสั่ง|คำแนะนำ|กฎ|ข้อกำหนด)${G(12)}(?:ก่อนหน้า|ข้างต้น|ด้านบน|เดิม|ทั้งหมด|ของคุณ|ของระบบ)`,
  ),
  p(
    'th',
    'extract',
    'extraction',
    1.0,
    `(?:แสดง|เปิดเผย|พิมพ์|บอก|ทวน|เขียน)${G(20)}(?:พรอมต์ระบบ|พรอมต์ของระบบ|system prompt|คำสั่งระบบ|คำสั่งของระบบ|คำสั่งเริ่มต้น|คำแนะนำของระบบ)`,
  ),
  p('th', 'you-are-now', 'role_reassign', 0.5, `(?:ตอนนี้คุณคือ|จากนี้ไปคุณคือ|ต่อจากนี้คุณคือ|ตอนนี้คุณเป็น)`),
  // Greek
  p(
    'el',
    'override',
    'override',
    1.0,
    `(?:αγνόησε|αγνοήστε|ξέχασε|ξεχάστε|παράβλεψε|παραβλέψτε|μην ακολουθείς|μην ακολουθήσεις)${G(20)}(?:προηγούμενες|παραπάνω|αρχικές|όλες τις|τις οδηγίες σου|τους κανόνες σου|τις εντολές σου)${G(20)}(?:οδηγίες|οδηγία|εντολές|κανόνες|σου)?`,
  ),
  p(
    'el',
    'extract',
    'extraction',
    1.0,
    `(?:δείξε|δείξτε|αποκάλυψε|αποκαλύψτε|τύπωσε|γράψε|επανάλαβε|εμφάνισε|πες μου)${G(30)}(?:μήνυμα συστήματος|προτροπή συστήματος|προτροπή του συστήματος|αρχικές οδηγίες|οδηγίες συστήματος|οδηγίες του συστήματος|system prompt)`,
  ),
  p('el', 'you-are-now', 'role_reassign', 0.5, `(?:από τώρα (?:και στο εξής )?είσαι|τώρα είσαι)`),
  // Romanian ("ignoră-ți instrucțiunile" = ignore your instructions)
  p(
    'ro',
    'override',
    'override',
    1.0,
    `\\b(?:${RO_IGNORE})(?:(?:-ți|-ti| toate) (?:${G(12)} )?(?:${RO_NOUN})|(?: ${G(12)})? (?:${RO_NOUN}) (?:tale|anterioare|precedente|de mai sus|inițiale|initiale|de sistem))`,
  ),
  p(
    'ro',
    'extract',
    'extraction',
    1.0,
    `\\b(?:afișează|afiseaza|arată|arata|dezvăluie|dezvaluie|scrie|repetă|repeta|spune)${L}${G(40)}(?:promptul de sistem|prompt de sistem|promptul tău de sistem|mesajul de sistem|instrucțiunile inițiale|instructiunile initiale|instrucțiunile de sistem|instructiunile de sistem)`,
  ),
  p('ro', 'you-are-now', 'role_reassign', 0.5, `\\bde acum (?:înainte |inainte )?(?:ești|esti)\\b`),
  // Polish
  p(
    'pl',
    'override',
    'override',
    1.0,
    `\\b(?:zignoruj|ignoruj|zapomnij o|pomiń|pomin)${L} (?:wszystkie |wszystkich |swoje |twoje |poprzednie |poprzednich |wcześniejsze |wcześniejszych |powyższe |powyższych |dotychczasowe )+(?:instrukcj|polece|zasad|reguł)${L}`,
  ),
  p(
    'pl',
    'extract',
    'extraction',
    1.0,
    `\\b(?:pokaż|pokaz|ujawnij|wypisz|wyświetl|powtórz|podaj)${L}${G(30)}(?:prompt systemowy|monit systemowy|komunikat systemowy|instrukcje systemowe|początkowe instrukcje|swoje instrukcje|twoje instrukcje)`,
  ),
  p('pl', 'you-are-now', 'role_reassign', 0.5, `\\bod teraz (?:jesteś|jestes)`),
  // Dutch
  p(
    'nl',
    'override',
    'override',
    1.0,
    `\\b(?:negeer|vergeet|negeren|volg niet) (?:al |alle |al je |je |jouw |de )?(?:vorige|eerdere|bovenstaande|voorgaande|oorspronkelijke|oude|systeem)${L} ?(?:instructies|instructie|regels|opdrachten|aanwijzingen)\\b`,
  ),
  p(
    'nl',
    'extract',
    'extraction',
    1.0,
    `\\b(?:toon|laat|geef|herhaal|onthul|print|vertel) (?:${G(30)} )?(?:systeemprompt|systeembericht|systeeminstructies|oorspronkelijke instructies|je instructies|jouw instructies)`,
  ),
  p('nl', 'you-are-now', 'role_reassign', 0.5, `\\bvanaf nu ben je\\b`),
  // Indonesian / Malay
  p(
    'id',
    'override',
    'override',
    1.0,
    `\\b(?:abaikan|lupakan|jangan ikuti|jangan hiraukan)\\b (?:semua |seluruh )?(?:instruksi|perintah|aturan|petunjuk|arahan)(?: (?:sebelumnya|di atas|awal|anda|kamu|sistem))`,
  ),
  p(
    'id',
    'extract',
    'extraction',
    1.0,
    `\\b(?:tampilkan|tunjukkan|ungkapkan|cetak|ulangi|beritahu|berikan|tuliskan) (?:${G(30)} )?(?:prompt sistem|pesan sistem|instruksi sistem|instruksi awal|instruksi anda|instruksi kamu)`,
  ),
  p('id', 'you-are-now', 'role_reassign', 0.5, `\\b(?:mulai sekarang|mulai saat ini) (?:kamu|anda) adalah\\b`),
  // Swahili
  p(
    'sw',
    'override',
    'override',
    1.0,
    `\\b(?:puuza|sahau|usifuate|achana na)\\b (?:maagizo|maelekezo|amri|sheria)(?: yote| zote)? (?:ya awali|ya hapo awali|yaliyotangulia|zilizotangulia|iliyotangulia|yako|zako|ya mfumo|ya juu)`,
  ),
  p(
    'sw',
    'extract',
    'extraction',
    1.0,
    `\\b(?:onyesha|fichua|rudia|andika|niambie|nipe) (?:${G(30)} )?(?:maagizo ya mfumo|ujumbe wa mfumo|maelekezo ya mfumo|maagizo yako ya awali|maelekezo yako ya awali)`,
  ),
  p('sw', 'you-are-now', 'role_reassign', 0.5, `\\b(?:kuanzia sasa|sasa hivi) wewe ni\\b`),
  // Ukrainian
  p(
    'uk',
    'override',
    'override',
    1.0,
    `(?:ігноруй|проігноруй|ігноруйте|проігноруйте|забудь|забудьте|не зважай на|не зважайте на)${L} (?:всі |усі |свої |ваші |попередні |вищенаведені |початкові )+(?:інструкці|вказівк|правил|команд)${L}`,
  ),
  p(
    'uk',
    'extract',
    'extraction',
    1.0,
    `(?:покажи|покажіть|виведи|виведіть|розкрий|розкрийте|повтори|повторіть)${L}${G(30)}(?:системн${L} (?:підказк|повідомленн|інструкці|промпт)${L}|свої інструкції|ваші інструкції|початкові інструкції)`,
  ),
  p('uk', 'you-are-now', 'role_reassign', 0.5, `(?:відтепер ти|віднині ти)`),
];
