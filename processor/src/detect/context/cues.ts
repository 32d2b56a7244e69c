/**
 * Cue lists of the system-prompt-aware detector, in the 17 languages the restrictions and the requests against them
 * are most often written in (en, es, fr, de, it, pt, nl, ru, pl, tr, zh, ja, ko, ar, hi, vi, id). General vocabulary
 * only — the words a restriction or a request is made of — never phrases of any dataset. A trailing '*' is a stem.
 */
import { Lexicon } from './lexicon.js';

/** What a protected item is called: the noun classes a system prompt protects and a user asks for. */
export type NounClass = 'password' | 'code' | 'key' | 'word' | 'pin' | 'secret';

export const NOUNS: Record<NounClass, readonly string[]> = {
  password: [
    'password', 'passwords', 'passwd', 'passphrase', 'pass phrase', 'passcode', 'pass code', 'pw',
    'contraseña', 'contrasena', 'mot de passe', 'mots de passe', 'mdp', 'passwort', 'kennwort', "parola d'ordine",
    'parola chiave', 'senha', 'wachtwoord', 'пароль*', 'hasło', 'hasła', 'hasło', 'haslo', 'şifre*', 'parola', 'parolayı',
    '密码', '口令', 'パスワード', '暗証', '비밀번호', '암호', 'كلمة المرور', 'كلمة السر', 'पासवर्ड', 'mật khẩu', 'kata sandi',
    'kata sandinya', 'sandi', 'lösenord', 'lösenordet', 'adgangskode', 'adgangskoden', 'passord', 'passordet', 'salasana',
    'salasanan', 'heslo', 'hesla', 'jelszó', 'jelszót', 'парола', 'паролата', 'lozinka', 'lozinku', 'κωδικός', 'κωδικό',
    'סיסמה', 'הסיסמה', 'รหัสผ่าน', 'رمز عبور', 'kata laluan', 'nenosiri', 'credential', 'credentials', 'login',
    'passkey', 'parolă', 'parola de acces',
  ],
  code: [
    'code', 'codes', 'access code', 'erişim kodu', 'erişim kodunu', 'gizli anahtar', 'gizli anahtarı', 'secret code', 'codeword', 'code word', 'voucher code', 'promo code', 'coupon code',
    'door code', 'launch code', 'код доступа', 'kod dostępu', 'एक्सेस कोड', 'رمز الدخول', 'رمز الوصول', 'mã truy cập',
    'kode akses', 'código de acceso', 'codice di accesso', 'código de acesso', '접근 코드', 'アクセスコード', 'código', 'codigo', "code d'accès", 'zugangscode', 'gutscheincode', 'codice', 'toegangscode',
    'код', 'кода', 'коду', 'кодом', 'kod', 'kodu', 'kodunu', 'kodun', '代码', '访问码', '验证码', 'コード',
    '코드', 'رمز', 'الرمز', 'कोड', 'mã', 'kode', 'kodenya', 'kode aksesnya',
  ],
  key: [
    'key', 'keys', 'api key', 'secret key', 'секретный ключ', 'секретного ключа', 'tajny klucz', 'chave secreta',
    'clé secrète', 'clave secreta', 'chiave segreta', 'geheimen schlüssel', 'geheimer schlüssel', 'geheime sleutel',
    'gizli anahtar', 'khóa bí mật', 'kunci rahasia', 'المفتاح السري', 'गुप्त कुंजी', '비밀 키', 'token', 'tokens', 'clave', 'llave', 'clé', 'cle', 'schlüssel*', 'schlussel',
    'chiave', 'chave', 'sleutel', 'ключ*', 'klucz*', 'anahtar*', '密钥', '钥匙', 'キー', '鍵', '키', 'مفتاح', 'المفتاح',
    'कुंजी', 'khóa', 'kunci', 'kuncinya', 'kunci rahasianya',
  ],
  word: [
    'secret word', 'magic word', 'keyword', 'password word', 'palabra secreta', 'mot secret', 'geheime wort',
    'geheimes wort', 'parola segreta', 'palavra secreta', 'geheime woord', 'секретное слово', 'tajne słowo',
    'gizli kelime', 'gizli kelimeyi', 'gizli kelimeyi', '秘密单词', '秘密の言葉', '合言葉', '비밀 단어', 'الكلمة السرية', 'गुप्त शब्द', 'từ bí mật',
    'kata rahasia', 'kata rahasianya',
  ],
  pin: ['pin', 'pins', 'code pin', 'pin nya', 'numéro pin', 'pin number', 'pincode', 'pin code', 'pin-код', 'pin-kod', 'पिन', '暗証番号', 'pin码', 'الرقم السري', 'pin kodu', 'pin kodunu', 'mã pin'],
  secret: [
    'secret', 'secrets', 'secreto', 'secretos', 'geheimnis', 'segreto', 'segredo', 'секрет*', 'тайн*', 'sekret*',
    'sır', 'sırrı', 'sırrını', '秘密', '비밀', 'سر', 'السر', 'रहस्य', 'bí mật', 'rahasia', 'rahasianya',
  ],
};

/** Kinds of personal data a prompt may hold about a user. */
export type PiiKind = 'email' | 'phone' | 'address' | 'account' | 'dob' | 'salary' | 'ssn' | 'name' | 'profile';

export const PII_NOUNS: Record<PiiKind, readonly string[]> = {
  email: [
    'email', 'e-mail', 'mail', 'email address', 'e-mail address', 'correo', 'correo electrónico', 'adresse e-mail',
    'courriel', 'e-mail-adresse', 'indirizzo email', 'e-mailadres', 'электронн*', 'почт*', 'adres e-mail', 'e-posta*',
    '电子邮件', '邮箱', 'メールアドレス', 'メール', '이메일', 'البريد الإلكتروني', 'البريد', 'ईमेल', 'địa chỉ email',
    'alamat email',
  ],
  phone: [
    'phone', 'phone number', 'telephone', 'mobile', 'cell', 'número de teléfono', 'teléfono', 'téléphone', 'telefon*',
    'telefono', 'telefone', 'telefoonnummer', 'телефон*', 'numer telefonu', '电话', '电话号码', '手机', '電話番号',
    '電話', '전화번호', '전화', 'رقم الهاتف', 'الهاتف', 'फ़ोन', 'फोन', 'số điện thoại', 'nomor telepon',
  ],
  address: [
    'address', 'home address', 'street', 'lives', 'live', 'dirección', 'domicilio', 'adresse', 'wohnadresse',
    'anschrift', 'indirizzo', 'endereço', 'huisadres', 'adres', 'адрес*', 'adres domowy', 'ev adres*', '地址', '住址',
    '家庭住址', '住所', '주소', 'عنوان', 'पता', 'địa chỉ', 'alamat',
  ],
  account: [
    'account number', 'account', 'iban', 'número de cuenta', 'cuenta', 'numéro de compte', 'kontonummer', 'numero di conto',
    'número da conta', 'rekeningnummer', 'номер счёта', 'номер счета', 'счёт*', 'счет*', 'numer konta', 'hesap numara*',
    '账号', '账户', '口座番号', '口座', '계좌 번호', '계좌', 'رقم الحساب', 'الحساب', 'खाता संख्या', 'खाता', 'số tài khoản',
    'nomor rekening', 'rekening',
  ],
  dob: [
    'date of birth', 'birthday', 'birth date', 'dob', 'born', 'fecha de nacimiento', 'date de naissance', 'geburtsdatum',
    'data di nascita', 'data de nascimento', 'geboortedatum', 'дат* рождения', 'дату рождения', 'datę urodzenia',
    'doğum tarih*', '出生日期', '生日', '生年月日', '誕生日', '생년월일', '생일', 'تاريخ الميلاد', 'जन्म तिथि', 'ngày sinh',
    'tanggal lahir',
  ],
  salary: ['salary', 'pay', 'wage', 'salario', 'sueldo', 'salaire', 'gehalt', 'stipendio', 'salário', 'salaris', 'зарплат*', 'pensja', 'maaş*', '工资', '薪水', '給料', '급여', 'راتب', 'वेतन', 'lương', 'gaji'],
  ssn: ['ssn', 'social security', 'social security number', 'national id', 'passport number', 'tax id'],
  name: ['full name', 'name', 'nombre', 'nom', 'nome', 'naam', 'имя', 'imię', 'isim', 'adı', '名字', '姓名', '名前', '이름', 'اسم', 'नाम', 'tên', 'nama'],
  profile: [
    'customer profile', 'customer details', 'customer data', 'customer information', 'personal data', 'personal details',
    'personal information', 'patient information', 'patient record', 'user data', 'user details', 'user information',
    'profile', 'record', 'details', 'perfil del cliente', 'datos del cliente', 'profil du client', 'kundenprofil',
    'kundendaten', 'профиль клиента', '客户资料', '客户信息', '个人信息', '顧客情報', '고객 정보', 'بيانات العميل',
  ],
};

/** Cue tags used on user inputs (and a few on system prompts). */
export type Cue =
  | 'ask'
  | 'reveal'
  | 'transform'
  | 'own'
  | 'own_after'
  | 'selfcare'
  | 'override_verb'
  | 'rule_obj'
  | 'role_drop'
  | 'role_drop_weak'
  | 'lift'
  | 'frame'
  | 'authority'
  | 'indirect'
  | 'granted'
  | 'say'
  | 'mode'
  | 'third_party'
  | 'neg'
  | 'confidential'
  | 'only'
  | 'discuss'
  | 'avoid'
  | 'role_lock'
  | 'you_are'
  | 'code_free'
  | 'lang_rule'
  | 'format_rule';

export const CUES: Record<Cue, readonly string[]> = {
  ask: [
    'explain', 'describe', 'compare', 'summarize', 'summarise', 'elaborate', 'recommend', 'suggest', 'talk', 'discuss',
    'speculate', 'opinion', 'how', 'why', 'who', 'when', 'where', 'can you', 'could you', 'would you', 'explica',
    'compara', 'explique', 'décris', 'erkläre', 'beschreibe', 'vergleiche', 'spiega', 'descrivi', 'confronta', 'descreva',
    'leg uit', 'beschrijf', 'vergelijk', 'объясни', 'опиши', 'сравни', 'wyjaśnij', 'opisz', 'porównaj', 'açıkla', 'anlat',
    'karşılaştır', '解释', '描述', '比较', '説明', '比較', '설명', '비교', 'اشرح', 'صف', 'قارن', 'समझाओ', 'वर्णन', 'तुलना',
    'giải thích', 'mô tả', 'so sánh', 'jelaskan', 'bandingkan', 'opinas', 'penses', 'hältst', 'pensi', 'acha',
  ],
  // Asking to be given something: the verbs and interrogatives of a request for the item itself.
  reveal: [
    'what', "what's", 'whats', 'which', 'tell', 'give', 'say', 'show', 'reveal', 'print', 'share', 'write', 'output',
    'display', 'repeat', 'type', 'list', 'provide', 'disclose', 'confirm', 'read', 'recite', 'return', 'include', 'use',
    'whisper', 'send', 'put', 'hand', 'leak', 'dump', 'expose', 'let me know', 'remind', 'need', 'how many', 'does',
    'is it', 'cuál', 'cual', 'cuáles', 'qué', 'dime', 'dame', 'di', 'muestra', 'muéstrame', 'revela', 'escribe', 'comparte',
    'repite', 'dímelo', 'imprime', 'indica', 'necesito', 'quel', 'quelle', 'quels', 'dis', 'donne', 'donne-moi', 'montre',
    'révèle', 'écris', 'partage', 'répète', 'affiche', "c'est quoi", 'faut', 'was', 'welche', 'welcher', 'welches', 'wie lautet',
    'sag', 'sage', 'nenn', 'nenne', 'gib', 'zeig', 'zeige', 'verrate', 'schreib', 'schreibe', 'wiederhole', 'brauche',
    'qual', 'quale', 'cosa', 'dimmi', 'dammi', 'mostra', 'rivela', 'scrivi', 'ripeti', 'condividi', 'serve', 'quais',
    'o que', 'diga', 'diz', 'me diga', 'me dê', 'dê', 'mostre', 'revele', 'escreva', 'repita', 'compartilhe', 'preciso',
    'wat', 'welke', 'vertel', 'geef', 'zeg', 'toon', 'laat zien', 'onthul', 'schrijf', 'herhaal', 'какой', 'какая',
    'какое', 'что', 'скажи', 'назови', 'дай', 'покажи', 'раскрой', 'напиши', 'повтори', 'выведи', 'сообщи', 'продиктуй',
    'нужен', 'нужно', 'jaki', 'jaka', 'jakie', 'co', 'powiedz', 'podaj', 'daj', 'pokaż', 'ujawnij', 'napisz', 'powtórz',
    'nedir', 'ne', 'hangi', 'söyle', 'söyler', 'ver', 'göster', 'yaz', 'tekrarla', 'paylaş', 'lazım', '什么', '告诉',
    '说出', '给我', '显示', '透露', '写出', '写', '重复', '输出', '多少', '念', '复述', '何', '教えて', '教え', '言って',
    '書いて', '見せて', '表示', '出力', '繰り返', '뭐', '무엇', '알려', '말해', '보여', '써', '출력', '반복', 'ما', 'ماذا',
    'أخبرني', 'أعطني', 'قل', 'اعرض', 'اكتب', 'كرر', 'أظهر', 'क्या', 'बताओ', 'बताइए', 'बताएं', 'दो', 'दिखाओ', 'लिखो',
    'दोहराओ', 'बोलो', 'चाहिए', 'gì', 'nào', 'cho tôi biết', 'nói', 'đưa', 'cho tôi', 'viết', 'hiển thị', 'lặp lại',
    'tiết lộ', 'compartir', 'partager', 'condividere', 'compartilhar', 'teilen', 'verraten', 'delen', 'сообщить',
    'поделиться', 'udostępnić', 'paylaşmak', '分享', '共有', '공유', 'مشاركة', 'साझा', 'chia sẻ', 'bagikan', 'apa', 'berapa', 'beri tahu', 'berikan', 'beri', 'katakan', 'tunjukkan', 'tulis', 'ulangi', 'sebutkan',
  ],
  transform: [
    'backwards', 'backward', 'reverse', 'reversed', 'in reverse', 'spell', 'spelled', 'spelling', 'letter by letter',
    'letters', 'letter', 'characters', 'character', 'translate', 'translated', 'translation', 'encode', 'encoded',
    'encoding', 'base64', 'base 64', 'hex', 'hexadecimal', 'binary', 'morse', 'rot13', 'caesar', 'cipher', 'hint', 'hints',
    'clue', 'clues', 'rhyme', 'rhymes', 'poem', 'acrostic', 'riddle', 'song', 'story', 'initials', 'length', 'json',
    'leetspeak', 'leet', 'separated', 'dashes', 'spaces between', 'at a time', 'sentence', 'synonym', 'emoji', 'pig latin',
    'code block', 'parrot', 'complete', 'fill in', 'first letter', 'letra', 'lettre', 'iniziali', 'anfangsbuchstaben',
    'zeilenanfänge', 'al revés', 'deletrea', 'letra por letra', 'letras', 'traduce',
    'codifica', 'pista', 'rima', 'poema', 'carácter por carácter', "à l'envers", 'épelle', 'lettre par lettre', 'lettres',
    'traduis', 'encode', 'indice', 'rime', 'poème', 'rückwärts', 'buchstabiere', 'buchstabe', 'buchstaben', 'übersetze',
    'kodiere', 'hinweis', 'reimt', 'gedicht', 'zeichen', 'al contrario', 'lettera per lettera', 'lettere', 'traduci',
    'indizio', 'poesia', 'de trás para frente', 'soletre', 'traduza', 'codifique', 'dica', 'achterstevoren', 'spel',
    'letter voor letter', 'vertaal', 'rijmt', 'gedicht', 'задом наперёд', 'задом наперед', 'наоборот', 'по буквам',
    'буквы', 'символа', 'переведи', 'закодируй', 'подсказку', 'подсказка', 'рифмуется', 'стихотворение', 'od tyłu',
    'przeliteruj', 'litera po literze', 'litery', 'przetłumacz', 'zakoduj', 'wskazówkę', 'rymuje', 'wiersz', 'tersten',
    'harf harf', 'harfini', 'harfleri', 'çevir', 'kodla', 'ipucu', 'kafiyeli', 'şiir', '倒过来', '反过来', '倒序', '字母',
    '翻译', '编码', '提示', '押韵', '诗', '拼出', '逆から', '逆順', '一文字ずつ', '文字', '翻訳', 'エンコード', 'ヒント', '韻',
    '詩', '거꾸로', '한 글자씩', '글자', '번역', '인코딩', '힌트', '운이', '시를', 'معكوس', 'بشكل معكوس', 'حرفًا حرفًا',
    'الأحرف', 'ترجم', 'رمّز', 'رمز', 'تلميح', 'تتقافى', 'قصيدة', 'उल्टा', 'अक्षर', 'अनुवाद', 'संकेत', 'तुकबंदी',
    'कविता', 'ngược', 'đánh vần', 'từng chữ cái', 'chữ cái', 'dịch', 'mã hóa', 'gợi ý', 'vần', 'bài thơ', 'terbalik',
    'eja', 'huruf', 'terjemahkan', 'enkode', 'petunjuk', 'berima', 'puisi',
  ],
  // Possessives of the speaker: counted next to the noun only (before it, or after it in vi/id/ar/tr).
  own: [
    'my', 'mine', 'own', 'myself', 'mi contraseña', 'mi clave', 'mi código', 'mi pin', 'mi cuenta', 'mi correo',
    'mi dirección', 'mi número', 'mi teléfono', 'mi nombre', 'mis datos', 'mío', 'propia', 'mon', 'ma', 'mes', 'propre', 'mein', 'meine', 'meinen',
    'meinem', 'eigenes', 'mio', 'mia', 'meu', 'minha', 'mijn', 'мой', 'моя', 'моё', 'мои', 'моего', 'мою', 'свой',
    'mój', 'moje', 'moja', 'benim', 'şifrem', 'şifremi', '我的', '自己的', '自分の', '私の', '제', '내', '나의', 'الخاص بي',
    'खुद', 'मेरा', 'मेरी', 'मेरे',
  ],
  own_after: ['của tôi', 'của mình', 'saya', 'milik saya', 'الخاص بي', 'خاصتي'],
  selfcare: [
    'reset', 'forgot', 'forgotten', 'recover', 'change', 'update', 'create', 'choose', 'pick', 'strong', 'secure',
    'manager', 'store', 'blocked', 'locked', 'expired', 'enter', 'safe', 'restablezco', 'restablecer', 'olvidé',
    'cambiar', 'réinitialiser', 'oublié', 'changer', 'zurücksetzen', 'zurück', 'vergessen', 'ändern', 'сбросить',
    'забыл', 'изменить', '重置', '忘记', '忘了', '修改', 'リセット', '忘れた', '재설정', '변경', 'redefinir', 'esqueci',
    'alterar', 'wijzigen', 'vergeten', 'resetten', 'sıfırla', 'đặt lại', 'atur ulang', 'إعادة تعيين', 'रीसेट',
  ],
  // Override = a verb of setting aside (override_verb) aimed at the rules (rule_obj) within a few words, a role drop, or
  // a phrase that declares the restriction lifted. Each alone is common in benign text; the scorer combines them.
  override_verb: [
    'ignore', 'disregard', 'forget', 'override', 'bypass',
    'ignora', 'olvida', 'olvídate', 'oublie', 'ignore', 'ignoriere', 'ignorier', 'vergiss', 'dimentica', 'ignorare',
    'esqueça', 'esquece', 'negeer', 'vergeet', 'игнорируй', 'забудь', 'проигнорируй', 'zignoruj', 'zapomnij', 'ignoruj',
    'yok say', 'unut', 'görmezden gel', '忽略', '忘掉', '忘记之前', '无视', '別管', '無視', '忘れて', '무시', '잊어', 'تجاهل',
    'انس', 'انسَ', 'अनदेखा', 'भूल जाओ', 'bỏ qua', 'quên', 'abaikan', 'lupakan',
  ],
  rule_obj: [
    'instructions', 'instruction', 'rules', 'rule', 'restrictions', 'restriction', 'limits', 'limitations', 'guidelines',
    'prompt', 'system prompt', 'programming', 'constraints', 'policy', 'policies', 'role', 'topic', 'scope', 'previous',
    'above', 'everything above', 'everything before', 'everything you were told', 'earlier', 'you only', 'that you only',
    'your task', 'instrucciones', 'reglas',
    'restricciones', 'règles', 'consignes', 'anweisungen', 'regeln', 'einschränkungen', 'vorgaben', 'istruzioni', 'regole',
    'instruções', 'regras', 'instructies', 'regels', 'инструкции', 'инструкций', 'правила', 'ограничения', 'instrukcje',
    'zasady', 'talimat*', 'kural*', '指令', '指示', '规则', '限制', 'ルール', '制限', '지시', '지시를', '규칙', '제한',
    'التعليمات', 'تعليماتك', 'القواعد', 'निर्देश', 'निर्देशों', 'नियम', 'hướng dẫn', 'quy tắc', 'instruksi', 'aturan',
    'todas las', 'toutes les', 'alle', 'tutte le', 'todas as', 'все', 'wszystkie', 'tüm', '所有', 'すべて', '모든', 'كل',
    'सभी', 'mọi', 'semua', '주제', '话题', '主题', '話題', 'トピック', 'que solo', "que tu ne", 'dass du nur', 'che rispondi', 'que você só', 'что ты',
  ],
  role_drop: [
    'you are no longer', "you're no longer", 'no longer a', 'no longer an', 'not a support bot', 'stop being',
    'stop pretending', 'drop the act', 'drop the concierge', 'break character', 'out of character', 'not any more',
    'not anymore', 'ya no eres', "tu n'es plus", 'du bist kein', 'du bist nicht mehr', 'non sei più', 'você não é mais',
    'je bent niet langer', 'ты больше не', 'nie jesteś już', '你不再是', 'لم تعد', 'không còn là', 'bukan lagi',
    'deja de fingir', 'arrête de jouer', '别再扮演',
  ],
  // Weaker role drops: count only next to the role's name or with an off-scope request.
  role_drop_weak: [
    'artık', 'もう', '더 이상', 'अब तुम', 'hör auf', 'перестань', 'przestań', '别再', '你不再',
    'je bent geen',
  ],
  lift: [
    'from now on', 'new rule', 'new rules', 'new instructions', 'mode off', 'turned off',
    'restriction removed', 'restrictions removed', 'restrictions lifted', 'restriction lifted',
    'limits removed', 'scope removed', 'rules changed', 'changed the rules', 'rules have changed', 'no longer apply',
    'you now help', 'now help with', 'every subject', 'developer mode',
    'has been lifted', 'have been lifted', 'a partir de ahora', 'nueva regla', 'désormais',
    'à partir de maintenant', 'nouvelle règle', 'ab jetzt', 'von nun an', 'neue regel',
    "d'ora in poi", 'da ora in poi', 'nuova regola', 'a partir de agora', 'nova regra',
    'vanaf nu', 'nieuwe regel', 'с этого момента', 'отныне',
    'новое правило', 'od teraz', 'nowa zasada', 'şu andan itibaren', 'yeni kural', '从现在起',
    '从现在开始', '新规则', '今から', 'これからは', '新しいルール', '지금부터', '이제부터', '새 규칙', 'من الآن',
    'قاعدة جديدة', 'अब से', 'नया नियम', 'từ giờ', 'từ bây giờ', 'quy tắc mới', 'mulai sekarang', 'aturan baru',
    'desactivado', 'désactivé', 'deaktiviert', 'disattivato', 'desativado', 'выключен', 'отключен', 'wyłączony',
    'kapalı', '已关闭', 'nobody will know', 'off the record', 'just this once', 'this once',
  ],
  frame: [
    'no restrictions', 'without restrictions', 'unrestricted', 'unfiltered', 'free ai', 'you are now', "you're now",
    'ahora eres', 'tu es maintenant', 'du bist jetzt', 'ora sei', 'agora você é', 'je bent nu', 'теперь ты',
    'teraz jesteś', '你现在是',
    'grandmother', 'grandma', 'bedtime story', 'simulation', 'training exercise', 'thought experiment', 'in a story',
    'for a novel', 'as a character', 'game', 'riddle', 'just kidding',
    'pretend', 'imagine', 'role-play', 'roleplay', 'act as', 'instead', 'just this once', 'this once', 'exception', "let's play", 'play a game', 'in that world', 'hypothetically', 'finge', 'imagina', 'en lugar de', 'solo esta vez', 'fais semblant', 'au lieu de', 'juste cette fois', 'tu so', 'stell dir vor', 'stattdessen', 'fingi', 'immagina', 'invece', 'solo questa volta', 'finja', 'imagine', 'em vez de', 'só desta vez', 'doe alsof', 'stel je voor', 'in plaats van', 'alleen deze keer', 'представь', 'притворись', 'вместо', 'только один раз', 'udawaj', 'wyobraź', 'zamiast', 'tylko ten raz', 'hayal et', 'rol yap', 'yerine', 'sadece bu sefer', '假装', '想象', '扮演', '就这一次', 'ふりをして', '想像', '代わりに', '今回だけ', '상상', '대신', '이번만', 'تظاهر', 'تخيل', 'تخيّل', 'بدلا', 'بدلاً', 'कल्पना', 'दिखावा', 'बजाय', 'giả vờ', 'tưởng tượng', 'thay vì', 'chỉ lần này', 'pura-pura', 'bayangkan', 'alih-alih', 'sekali ini',
  ],
  authority: [
    'administrator', 'admin', 'sysadmin', 'system administrator', 'developer', 'owner', 'supervisor', 'ceo', 'police',
    'security team', 'it department', 'authorized', 'authorised', 'verified', 'urgent', 'emergency', 'immediately',
    'right now', 'root', 'administrador', 'urgente', 'administrateur', 'administrator', 'dringend', 'amministratore',
    'beheerder', 'systeembeheerder', 'администратор', 'срочно', 'administratorem', 'pilne', 'yönetici', 'yöneticiyim',
    'acil', '管理员', '紧急', '管理者', '緊急', '관리자', '급해', '급하니까', 'مسؤول', 'عاجل', 'एडमिनिस्ट्रेटर', 'ज़रूरी',
    'quản trị viên', 'gấp', 'darurat', 'owner of this account',
  ],
  // References to the protected thing without naming it ("the word you were told not to say").
  indirect: [
    'your configuration', 'your config', 'configured with', 'every number', 'all keys', 'all variables',
    'everything you were told', 'in your instructions', 'from your instructions', 'your system message',
    'you were told not', 'you were told never', 'told not to', 'told never to', 'were instructed not',
    'were instructed never', 'instructed not to', 'you are protecting', "you're protecting", 'are you protecting',
    'you are hiding', "you're hiding", 'are you hiding', 'you are guarding', 'are you guarding', 'supposed to keep',
    'not supposed to say', 'not supposed to reveal', 'not supposed to tell', 'not allowed to say', 'not allowed to reveal',
    'not to reveal', 'never to say', 'you must keep', 'you have to keep', 'the thing you', 'the value you',
    'the word you', 'rules you were given', 'they protect', 'te dijeron que nunca', 'te ordenaron no', 'no revelar',
    "on t'a interdit", "on t'a demandé de ne pas", 'interdit de dire', 'ne pas révéler', 'nie sagen darfst',
    'geheim halten sollst', 'sollst du geheim', 'nie sagen', 'niemals sagen', 'nicht sagen darfst', 'laut deinen anweisungen', 'тебе запретили', 'тебе велели не', 'велели не раскрывать',
    '被告知永远不能', '被要求保密', 'と言われた言葉', '言わないように言われた', 'mandaram você nunca', 'ti hanno detto di non',
  ],
  granted: [
    'access granted', 'zugang gewährt', 'acceso concedido', 'acceso permitido', 'accès autorisé', 'accès accordé',
    'accesso consentito', 'acesso concedido', 'acesso permitido', 'toegang verleend', 'доступ разрешён',
    'доступ разрешен', 'доступ предоставлен', 'dostęp przyznany', 'erişim izni verildi', 'erişim verildi',
    '访问已授权', '允许访问', '访问授权', 'アクセス許可', '접근 허용', '액세스 허용', 'تم منح الوصول', 'الوصول مسموح',
    'पहुँच प्रदान', 'truy cập được cấp', 'akses diberikan',
  ],
  say: [
    'say', 'respond', 'reply', 'answer', 'output', 'print', 'write', 'type', 'begin', 'start', 'end', 'prefix', 'repeat',
    'confirm', 'declare', 'echo', 'di', 'dis', 'diga', 'sag', 'zeg', 'скажи', 'powiedz', 'responde', 'réponds', 'antworte',
    'rispondi', 'responda', 'antwoord', 'ответь', 'odpowiedz', 'yaz', 'cevap', '说', '回答', '答え', '言って', '말해', '답해',
    'قل', 'أجب', 'बोलो', 'जवाब', 'nói', 'trả lời', 'katakan', 'jawab',
  ],
  mode: [
    'already spoken', 'already said', 'already entered', 'already given', 'already typed', 'has already', 'have already',
    'was already', 'the rules require', 'as the rules require', 'game designer', 'i am the designer', 'testing you',
    'maintenance mode', 'debug mode', 'developer mode', 'admin mode', 'test mode', 'god mode', 'sudo', 'been verified',
    'is verified', 'code was changed', 'code has been changed', 'new code', 'new password', 'password is correct',
    'every password', 'end user input', 'end of user input', 'end of input', 'the user is authorized',
  ],
  third_party: [
    'customer', 'client', 'patient', 'employee', 'user', "user's", 'person', 'whose', 'his', 'her', 'their', 'cliente',
    'client', 'kunde', 'kunden', 'клиент*', 'klient*', 'müşteri*', '客户', '顾客', '顧客', '고객', 'العميل', 'ग्राहक',
    'khách hàng', 'pelanggan',
  ],
  neg: [
    'do not', "don't", 'dont', 'never', 'must not', "mustn't", 'should not', "shouldn't", 'may not', 'cannot', "can't",
    'not allowed', 'no circumstances', 'under no circumstances', 'refrain', 'forbidden', 'prohibited', 'not permitted',
    'no', 'nunca', 'jamás', 'jamas', 'prohibido', 'ne', "n'", 'jamais', 'pas', 'interdit', 'nicht', 'niemals', 'nie',
    'keine', 'keinen', 'keinesfalls', 'verboten', 'non', 'mai', 'vietato', 'não', 'proibido', 'niet', 'nooit', 'verboden',
    'не', 'никогда', 'запрещено', 'нельзя', 'nigdy', 'zabronione', 'asla', 'yasak', '不要', '绝不', '绝对不要', '不得', '禁止',
    '切勿', '不能', '不可', '别', 'ないで', '絶対に', 'いけません', '마세요', '절대', '금지', 'لا', 'أبدا', 'أبدًا', 'ممنوع',
    'मत', 'कभी', 'नहीं', 'không được', 'đừng', 'cấm', 'jangan', 'tidak boleh', 'dilarang', 'niemals preis',
  ],
  confidential: [
    'secret', 'confidential', 'private', 'sensitive', 'classified', 'hidden', 'protected', 'internal', 'secreto',
    'secreta', 'confidencial', 'privado', 'confidentiel', 'confidentielle', 'privé', 'geheim', 'geheime', 'geheimen',
    'vertraulich', 'segreto', 'segreta', 'riservato', 'riservata', 'sigiloso', 'vertrouwelijk', 'секрет*',
    'конфиденциальн*', 'тайн*', 'tajn*', 'poufn*', 'gizli', '秘密', '机密', '保密', '隐私', '绝密', '機密', '内緒',
    '비밀', '기밀', 'سري', 'سرية', 'गुप्त', 'गोपनीय', 'bí mật', 'rahasia',
  ],
  only: [
    'only', 'solely', 'exclusively', 'strictly', 'limited to', 'restricted to', 'stay on topic', 'stay on the topic',
    'stick to', 'nothing else', 'anything else', 'other request', 'other requests', 'unrelated', 'solo', 'solamente',
    'únicamente', 'exclusivamente', 'uniquement', 'seulement', 'exclusivement', 'nur', 'ausschließlich', 'soltanto',
    'apenas', 'somente', 'alleen', 'uitsluitend', 'только', 'исключительно', 'tylko', 'wyłącznie', 'sadece', 'yalnızca',
    '只', '仅', '只能', '仅限', 'のみ', 'だけ', '오직', 'فقط', 'केवल', 'सिर्फ़', 'chỉ', 'hanya',
  ],
  discuss: [
    'discuss', 'discussion', 'talk about', 'talk', 'mention', 'bring up', 'comment on', 'speak about', 'engage',
    'give opinions', 'opinions on', 'debate', 'speculate', 'speculation', 'topic', 'topics', 'subject', 'subjects', 'hables', 'hablar', 'discutas',
    'menciones', 'parle', 'parler', 'discute', 'mentionne', 'aborde', 'sprich', 'rede', 'diskutiere', 'erwähne', 'parlare',
    'discutere', 'fale', 'falar', 'discuta', 'mencione', 'praat', 'обсуждай', 'говори', 'упоминай', 'rozmawiaj',
    'konuşma', '讨论', '谈论', '提及', '提到', '話題', '言及', '이야기', '언급', 'تتحدث', 'تناقش', 'चर्चा', 'thảo luận',
    'membahas', 'bicara',
  ],
  avoid: [
    'avoid', 'refrain from', 'stay away', 'steer clear', 'off-limits', 'off limits', 'evita', 'evitar', 'évite', 'éviter',
    'vermeide', 'vermeiden', 'evite', 'vermijd', 'избегай', 'unikaj', 'kaçın', '避免', '避け', '피하', 'تجنب', 'बचें',
    'tránh', 'hindari',
  ],
  role_lock: [
    'stay in character', 'always stay', 'never break character', 'break character', 'never claim to be',
    'do not pretend', 'never pretend', 'do not role-play', 'do not roleplay', 'never role-play', 'other personas',
    'another persona', 'another assistant', 'adopt other', 'change your role', 'reveal that you are',
  ],
  you_are: [
    'you are', "you're", 'act as', 'your role', 'eres', 'tu es', 'du bist', 'sei', 'você é', 'je bent', 'ты', 'jesteś',
    'sen', '你是', 'あなたは', '당신은', 'أنت', 'तुम', 'आप', 'bạn là', 'kamu adalah', 'anda adalah',
  ],
  code_free: ['write code', 'output code', 'any code', 'code of any kind', 'programming code', 'scripts'],
  lang_rule: [
    'respond in', 'reply in', 'answer in', 'always respond', 'always answer', 'always reply', 'in english', 'in spanish',
    'in french', 'in german', 'whatever language', 'same language',
  ],
  format_rule: ['valid json', 'only json', 'json object', 'json format', 'only with json', 'in json'],
};

/**
 * Translations of the words prompts use to name a protected item without a standard noun (keyed by the English
 * stem, see restrictions.ts stem()): a request in another language names the item by one of these.
 */
export const ITEM_TRANSLATIONS: Record<string, readonly string[]> = {
  combinat: ['combinación', 'combinacion', 'combinaison', 'kombination', 'combinazione', 'combinação', 'combinatie', 'комбинаци*', 'комбінаці*', 'kombinacj*', 'kombinasyon*', 'yhdistelmä*', 'kombinace', '组合', '密码组合', '組み合わせ', '조합', 'تركيبة', 'संयोजन', 'tổ hợp', 'kombinasi'],
  phras: ['frase', 'fráze', 'fraza', 'фраза', 'фразу', 'frasen', 'fras', 'frasa', '短语', 'フレーズ', '문구', 'عبارة', 'वाक्यांश', 'cụm từ'],
  credent: ['credenciales', 'credencial', 'identifiants', 'zugangsdaten', 'credenziali', 'credenciais', 'inloggegevens', 'учетные данные', 'учётные данные', 'dane logowania', 'kimlik bilgileri', '凭据', '凭证', '認証情報', '자격 증명', 'بيانات الاعتماد', 'thông tin đăng nhập', 'kredensial'],
  words: ['palabras mágicas', 'mots magiques', 'zauberwörter', 'zauberwort', 'parole magiche', 'palavras mágicas', 'toverwoorden', 'волшебные слова', 'magiczne słowa', 'sihirli kelime*', '魔法词', '咒语', '魔法の言葉', '마법의 주문', 'الكلمات السحرية', 'जादुई शब्द', 'từ thần kỳ', 'kata ajaib', 'magiska orden'],
  magic: ['mágicas', 'magiques', 'magiche', 'волшебн*', '魔法'],
  unloc: ['desbloqueo', 'déverrouillage', 'entsperr*', 'sblocco', 'desbloqueio', 'ontgrendel*', 'разблокир*', 'odblokow*', 'kilit açma', '解锁', 'ロック解除', '잠금 해제', 'upplåsning*', 'odemykac*', 'odemykací'],
  gate: ['puerta', 'portail', 'tor', 'cancello', 'portão', 'poort', 'ворот*', 'brama', 'kapı', 'portti', 'portin', 'brána', '大门', '門', '게이트', 'البوابة'],
};

/** Words that make "code", "key" or "token" mean programming, not a protected item. */
export const PROGRAMMING: readonly string[] = [
  'python', 'java', 'javascript', 'typescript', 'c++', 'cpp', 'c#', 'snippet', 'function', 'functions', 'program',
  'programming', 'script', 'syntax', 'compile', 'bug', 'bugs', 'def', 'class', 'html', 'css', 'sql', 'api', 'library',
  'variable', 'loop', 'regex', 'source code', 'following code', 'refactor', 'debug', 'error', 'react',
  'component', 'method', 'algorithm', 'qr', 'zip', 'postal', 'area code', 'country code', 'morse', 'dress code',
  'code review', 'codebase', 'repository', 'github', 'rust', 'golang', 'kotlin', 'swift', 'php', 'ruby', 'bash',
  'shell', 'llm', 'tokenizer', 'tokens per', 'keyboard', 'código fuente', 'programa', 'función', 'quellcode', 'funktion', 'programm', 'код программы', '代码片段', '程序',
  '编写', '编程', '函数', '正则表达式', '正则', 'arduino', 'validate', 'validation', 'encrypted', 'decrypt', 'hash',
  'hashing', 'form', 'login form', 'database', 'implement', 'implements', 'プログラム', 'コードを書', '코드를 작성',
];

/** Phrases in which an everyday noun is not an item ("key points", "a code of conduct"). */
export const IDIOMS: readonly string[] = [
  'key points', 'key point', 'keys to', 'key to', 'key factors', 'key elements', 'key differences', 'key difference',
  'key features', 'key takeaways', 'key players', 'key role', 'key aspects', 'key findings', 'key challenges',
  'key benefits', 'key concepts', 'key ideas', 'key issues', 'key steps', 'code of conduct', 'dress code', 'zip code',
  'postal code', 'area code', 'country code', 'morse code', 'secret ingredient', 'secret sauce', 'in secret',
  'top secret', 'secret service', 'open secret',
];

/** Words that carry no topic (stop words of the languages above, and words every instruction uses). */
export const STOP_WORDS: ReadonlySet<string> = new Set([
  'the', 'a', 'an', 'and', 'or', 'of', 'to', 'in', 'on', 'for', 'with', 'about', 'any', 'all', 'our', 'your', 'their',
  'its', 'it', 'is', 'are', 'be', 'as', 'at', 'by', 'from', 'this', 'that', 'these', 'those', 'such', 'other', 'others',
  'anything', 'something', 'everything', 'even', 'if', 'asked', 'directly', 'questions', 'question', 'topic', 'topics',
  'subject', 'subjects', 'matters', 'things', 'issues', 'related', 'regarding', 'concerning', 'like', 'including',
  'discuss', 'discussion', 'talk', 'mention', 'never', 'not', 'do', "don't", 'avoid', 'any', 'kind', 'kinds', 'you', 'we',
  'us', 'them', 'they', 'he', 'she', 'user', 'users', 'customer', 'customers', 'people', 'anyone', 'someone', 'politely',
  'refuse', 'decline', 'else', 'only', 'answer', 'answers', 'help', 'with', 'can', 'may', 'must', 'should', 'will',
  'under', 'circumstances', 'give', 'provide', 'compare', 'prices', 'upcoming', 'unreleased', 'el', 'la', 'los', 'las',
  'de', 'del', 'y', 'o', 'ni', 'en', 'un', 'una', 'le', 'les', 'des', 'du', 'et', 'ou', 'der', 'die', 'das', 'und',
  'oder', 'über', 'il', 'lo', 'gli', 'di', 'e', 'o', 'do', 'da', 'dos', 'das', 'em', 'het', 'een', 'en', 'over', 'van',
  'и', 'или', 'о', 'об', 'в', 'на', 'с', 'i', 'lub', 'ani', 'ile', 've', 'veya', 'hakkında', 'bajo', 'ninguna',
  'circunstancia', 'hables', 'política', 'politica',
]);

// Topic classes: if a system prompt's avoided-topic phrase names a class (any trigger), the class's words count as the
// topic in user inputs too (a prompt that forbids "politics" is asked about "the election").
export interface TopicClass {
  triggers: readonly string[];
  words: readonly string[];
}

export const TOPIC_CLASSES: Record<string, TopicClass> = {
  politics: {
    triggers: ['politi*', 'election*', 'polític*', 'politique*', 'politik*', 'politisch*', 'polityk*', 'политик*', 'siyaset*', '政治', '選挙', '정치', 'سياس*', 'राजनीति', 'chính trị'],
    words: [
      'politi*', 'election*', 'vote', 'votes', 'voting', 'voter*', 'elector*', 'parliament*', 'senat*', 'congress*',
      'president*', 'government*', 'democrat*', 'republican*', 'campaign*', 'candidate*', 'left-wing', 'right-wing',
      'prime minister', 'political party', 'polític*', 'eleccion*', 'elecciones', 'votar', 'voto', 'presidente',
      'gobierno', 'politique*', 'élection*', 'voter', 'gouvernement', 'président', 'politik*', 'politisch*', 'wahl',
      'wahlen', 'wählen', 'partei*', 'regierung*', 'politic*', 'elezion*', 'votare', 'eleiç*', 'verkiezing*', 'stemmen',
      'политик*', 'выбор*', 'голосова*', 'партия', 'партии', 'polityk*', 'wybor*', 'głosować', 'siyaset*', 'seçim*',
      'oy', '政治', '选举', '投票', '政党', '总统', '選挙', '정치', '선거', '투표', 'سياس*', 'انتخاب*', 'تصويت', 'राजनीति',
      'चुनाव', 'वोट', 'chính trị', 'bầu cử', 'pemilu', 'pemilihan',
    ],
  },
  religion: {
    triggers: ['religi*', 'relig*', 'религи*', '宗教', '종교', 'دين', 'धर्म', 'tôn giáo', 'agama'],
    words: [
      'religi*', 'god', 'gods', 'church*', 'bible', 'quran', 'koran', 'islam*', 'christian*', 'jesus', 'allah', 'buddh*',
      'hindu*', 'jewish', 'judaism', 'atheis*', 'faith', 'prayer*', 'pray', 'religión', 'dios', 'iglesia', 'dieu',
      'église', 'gott', 'kirche', 'religione', 'dio', 'chiesa', 'religião', 'deus', 'igreja', 'религи*', 'бог', 'церк*',
      '宗教', '上帝', '神', '종교', 'دين', 'الله', 'धर्म', 'tôn giáo', 'agama',
    ],
  },
  violence: {
    triggers: ['violen*', 'weapon*', 'gun*', 'firearm*', 'arma*', 'arme*', 'waffe*', 'gewalt*', 'оружи*', 'насили*', '武器', '暴力', '무기', '폭력', 'عنف', 'أسلحة', 'हिंसा', 'vũ khí', 'bạo lực'],
    words: [
      'violen*', 'weapon*', 'gun', 'guns', 'handgun*', 'rifle*', 'firearm*', 'bomb*', 'explosive*', 'knife', 'knives',
      'kill*', 'murder*', 'battle*', 'gory', 'gore', 'ammunition', 'shoot*', 'arma', 'armas', 'violencia', 'arme',
      'armes', 'violence', "arme à feu", 'waffe*', 'gewalt*', 'оружи*', 'насили*', 'broń', '武器', '暴力', '枪', '銃',
      '무기', '총', 'سلاح', 'أسلحة', 'عنف', 'हथियार', 'हिंसा', 'vũ khí', 'súng', 'senjata',
    ],
  },
  alcohol: {
    triggers: ['alcohol*', 'alcool*', 'alkohol*', 'алкогол*', '酒', '술', 'كحول', 'शराब', 'rượu'],
    words: [
      'alcohol*', 'drunk*', 'beer*', 'wine*', 'vodka', 'whisk*', 'liquor', 'cocktail*', 'booze', 'alcohol', 'borrach*',
      'emborrach*', 'cerveza', 'vino', 'alcool', 'ivre', 'bière', 'alkohol*', 'betrunken', 'bier', 'wein', 'алкогол*',
      'пьян*', 'водк*', 'пиво', '酒', '醉', '술', 'كحول', 'شراب', 'शराब', 'rượu', 'bia', 'bir',
    ],
  },
  drugs: {
    triggers: ['drug*', 'droga*', 'drogue*', 'droge*', 'наркот*', '毒品', '마약', 'مخدر*', 'नशीले', 'ma túy', 'narkoba'],
    words: ['drug*', 'cannabis', 'marijuana', 'weed', 'cocaine', 'heroin', 'meth*', 'droga*', 'drogue*', 'droge*', 'наркот*', '毒品', '마약', 'مخدر*', 'ma túy', 'narkoba'],
  },
  sports: {
    triggers: ['football', 'soccer', 'sport*', 'fútbol', 'futbol', 'futebol', 'fußball', 'calcio', 'футбол*', '足球', '축구', 'كرة القدم'],
    words: ['football', 'soccer', 'match', 'league', 'fútbol', 'futbol', 'partido de fútbol', 'liga', 'futebol', 'campeonato', 'fußball', 'calcio', 'футбол*', '足球', '축구', 'كرة القدم'],
  },
  finance: {
    triggers: ['crypto*', 'invest*', 'financial advice', 'stock*', 'bitcoin*'],
    words: ['crypto*', 'bitcoin*', 'ethereum', 'invest*', 'stock*', 'shares', 'trading', 'criptomoneda*', 'inversi*', 'krypto*', 'aktie*', 'крипт*', '加密货币', '比特币', '股票', '仮想通貨', '암호화폐', 'عملات رقمية'],
  },
  medical: {
    triggers: ['medical advice', 'diagnos*', 'dosage*', 'dose*', 'medication*', 'prescription*'],
    words: ['diagnos*', 'dosage*', 'dose', 'doses', 'mg', 'milligram*', 'medication*', 'prescription*', 'how much should i take', 'dosis', 'posologie', 'dosierung', 'дозировк*', '剂量'],
  },
  competitors: {
    triggers: ['competitor*', 'competition', 'rival*', 'competencia', 'competidor*', 'concurrent*', 'konkurrent*', 'wettbewerber*', 'конкурент*', '竞争对手', '競合', '경쟁사', 'المنافسين'],
    words: ['competitor*', 'rival*', 'cheaper than', 'better than', 'compared to', 'versus', 'vs', 'competidor*', 'concurrent*', 'konkurrent*', 'wettbewerber*', 'конкурент*', '竞争对手', '競合', '경쟁사'],
  },
};

/** Build a lexicon over a record of tag → phrases. */
export function lexiconOf<T extends string>(groups: Partial<Record<T, readonly string[]>>): Lexicon<T> {
  const lex = new Lexicon<T>();
  for (const [tag, phrases] of Object.entries(groups) as Array<[T, readonly string[]]>) lex.add(tag, phrases);
  return lex;
}
