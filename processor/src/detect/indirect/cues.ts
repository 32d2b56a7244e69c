/**
 * Cue lists of the document-instruction detector: words that make a sentence an instruction to whoever (or whatever)
 * reads the document, in the languages documents are most often written in. General vocabulary only, never phrases of
 * any dataset. A trailing '*' is a stem.
 */
import { CUES as CONTEXT_CUES } from '../context/cues.js';
import { Lexicon } from '../context/lexicon.js';

export type DocCue =
  | 'ai' // the reader addressed as an AI
  | 'out_ref' // the reader's answer / summary / reply / output, or "the user"
  | 'when_task' // "when summarizing", "before answering", "if asked about"
  | 'hide' // keep it from the user
  | 'gen_verb' // what one asks a language model to do
  | 'office_verb' // what one asks a colleague to do
  | 'creative' // poem, joke, story …
  | 'format' // in French, in capitals, backwards, in base64, with emojis …
  | 'you' // second person
  | 'link_verb' // include / visit / click / go to (with a link)
  | 'urgent' // important, must, immediately
  | 'self_ref' // this e-mail / document / page
  | 'mention' // quoting or discussing instructions ("the phrase", "for example", "such as")
  | 'override_verb' // ignore / disregard / forget …
  | 'rule_obj' // … the instructions / the question / the rules (what is set aside)
  | 'rule_ptr' // … the above / previous / all (pointing at it)
  | 'hijack' // "just output:", "only reply with", "directly answer"
  | 'act_verb' // actions an agent takes: approve, merge, transfer, run, delete
  | 'unbound' // without restrictions, no limits
  | 'polite' // please, could you, thanks: a person asking a person
  | 'schedule' // by Friday, tomorrow, at 9:00: a task for a person
  | 'dev_note'; // TODO, tests, refactor: a note for developers

export const DOC_CUES: Record<DocCue, readonly string[]> = {
  ai: [
    'ai', 'assistant', 'ai assistant', 'language model', 'llm', 'chatbot', 'gpt', 'chatgpt', 'claude', 'gemini',
    'copilot', 'bot', 'ai model', 'ai agent', 'agent', 'model', 'virtual assistant', 'ia', 'asistente', 'modelo de lenguaje',
    'modelo', 'assistant ia', 'modèle', 'modèle de langage', 'ki', 'ki-assistent', 'assistent', 'sprachmodell',
    'ki-modell', 'assistente', 'modello', 'modello linguistico', 'taalmodel', 'ии', 'ассистент', 'нейросеть', 'модель',
    'языковая модель', 'asystent', 'model językowy', 'yapay zeka', 'yapay zekâ', 'asistan', 'dil modeli', '人工智能', 'ai助手',
    '助手', '模型', '语言模型', 'アシスタント', 'aiモデル', '言語モデル', '어시스턴트', '모델', '언어 모델', 'الذكاء الاصطناعي',
    'المساعد', 'نموذج', 'एआई', 'सहायक', 'मॉडल', 'mô hình', 'trợ lý', 'asisten', 'model bahasa', 'τεχνητή νοημοσύνη',
    'βοηθός', 'μοντέλο', 'asistent*', 'modelul', 'inteligență artificială', 'ปัญญาประดิษฐ์', 'ผู้ช่วย', 'โมเดล',
  ],
  out_ref: [
    'your answer', 'your response', 'your reply', 'your output', 'your summary', 'your translation', 'your analysis',
    'your next answer', 'your final answer', 'every reply', 'each reply', 'every response', 'each response', 'the answer',
    'the response', 'the summary', 'this summary', 'the user', "the user's", 'this conversation', 'chat history',
    'conversation history', 'tu respuesta', 'la respuesta',
    'el usuario', 'al usuario', 'tu resumen', 'ta réponse', 'votre réponse', "l'utilisateur", 'ton résumé',
    'deine antwort', 'ihre antwort', 'den nutzer', 'dem nutzer', 'der nutzer', 'den benutzer', 'dem benutzer',
    'la tua risposta', "l'utente", 'sua resposta', 'o usuário', 'ao usuário', 'je antwoord', 'de gebruiker', 'твой ответ',
    'ваш ответ', 'ответе', 'пользователю', 'пользователя', 'пользователь', 'twoja odpowiedź', 'użytkownik*', 'cevabın*',
    'yanıtın*', 'kullanıcı*', '你的回答', '回答中', '回复中', '给用户', '告诉用户', 'あなたの回答', '回答に', 'ユーザーに', '답변에', '사용자에게',
    'إجابتك', 'ردك', 'المستخدم', 'आपके उत्तर', 'उत्तर में', 'उपयोगकर्ता', 'câu trả lời', 'người dùng', 'jawabanmu',
    'jawaban anda', 'pengguna', 'απάντησή σου', 'χρήστη', 'răspunsul', 'utilizatorul', 'คำตอบ', 'ผู้ใช้',
  ],
  when_task: [
    'when summarizing', 'when summarising', 'when you summarize', 'when you summarise', 'when answering',
    'when you answer', 'when responding', 'when you respond', 'before answering', 'before you answer',
    'before responding', 'before you respond', 'if asked', 'if you are asked', 'when asked', 'if the user asks',
    'when the user asks', 'when you read this', 'reading this', 'if you are an ai', 'if you are a language model',
    'who reads this', 'that reads this', 'que lea esto', 'que lee esto', 'qui lit ceci', 'qui lit ce', 'das dies liest',
    'der dies liest', 'che legge questo', 'che sta leggendo', 'que lê isto', 'die dit leest', 'который это читает',
    'читающей это', 'czytający to', 'bunu okuyan', '读到这', '阅读此', '阅读本', 'これを読んでいる', '이것을 읽는', '이 글을 읽는',
    'الذي يقرأ', 'जो इसे पढ़', 'đang đọc', 'yang membaca', 'που το διαβάζει', 'care citește', 'ที่อ่าน',
    'al resumir', 'antes de responder', 'al responder', 'en résumant', 'avant de répondre', 'en répondant',
    'beim zusammenfassen', 'bevor du antwortest', 'wenn du antwortest', 'prima di rispondere', 'nel riassumere',
    'antes de responder', 'ao resumir', 'voordat je antwoordt', 'прежде чем ответить', 'перед ответом', 'при ответе',
    'zanim odpowiesz', 'cevap vermeden önce', '在回答之前', '回答前', '总结时', '回答する前に', '要約する際', '답변하기 전에',
    'قبل الإجابة', 'उत्तर देने से पहले', 'trước khi trả lời', 'sebelum menjawab', 'πριν απαντήσεις', 'înainte de a răspunde',
  ],
  hide: [
    'do not tell the user', "don't tell the user", 'do not mention this', "don't mention this", 'without telling',
    'without informing', 'without mentioning', 'without asking', 'do not reveal this', 'keep this hidden',
    'keep this secret', 'never mention', 'do not inform', 'the user must not', 'secretly', 'silently', 'quietly',
    'without confirmation', 'no lo menciones', 'sin decirle', 'sin avisar', 'ne le mentionne pas', 'sans le dire',
    'sans prévenir', 'ohne es zu erwähnen', 'ohne rückfrage', 'ohne nachzufragen', 'erwähne das nicht', 'senza dirlo',
    'sem avisar', 'sem mencionar', 'zonder het te zeggen', 'не говори пользователю', 'не сообщай', 'без подтверждения',
    'не упоминай', 'nie mów', 'bez pytania', 'söyleme', 'sormadan', '不要告诉用户', '不要提及', '无需确认', '不要提',
    'ユーザーに伝えない', '確認せずに', '言わないで', '사용자에게 알리지', '묻지 말고', 'لا تخبر', 'دون إخبار', 'دون سؤال',
    'उपयोगकर्ता को मत बताओ', 'बिना पूछे', 'đừng nói với người dùng', 'không cần hỏi', 'jangan beri tahu', 'tanpa bertanya',
    'μην το αναφέρεις', 'χωρίς να ρωτήσεις', 'fără să întrebi', 'nu menționa', 'ไม่ต้องถาม', 'อย่าบอกผู้ใช้',
  ],
  gen_verb: [
    'write', 'compose', 'generate', 'create', 'produce', 'translate', 'summarize', 'summarise', 'list', 'explain',
    'describe', 'tell', 'give', 'provide', 'output', 'print', 'respond', 'reply', 'answer', 'say', 'rewrite', 'rephrase',
    'paraphrase', 'convert', 'encode', 'analyze', 'analyse', 'determine', 'calculate', 'recommend', 'suggest', 'draw',
    'sing', 'type', 'write out', 'name', 'spell', 'rank', 'sort', 'define', 'identify', 'propose', 'plan', 'draft',
    'design', 'outline', 'predict', 'estimate', 'classify', 'evaluate', 'assess', 'correct', 'compare', 'contrast',
    'conclude', 'close', 'wrap up', 'sign off', 'offer', 'show', 'make a list', 'brainstorm', 'come up with', 'invent',
    'imagine', 'roleplay', 'speak', 'talk', 'answer as', 'behave', 'urge', 'ask', 'encourage', 'convince', 'persuade', 'warn', 'remind', 'inform',
    'notify', 'pretend', 'act as', 'imagine', 'reverse', 'spell', 'repeat', 'include', 'append', 'insert', 'mention', 'add',
    'begin', 'start', 'end', 'finish', 'replace', 'use', 'rate', 'praise', 'claim',
    'state', 'insist', 'recite', 'answer only', 'respond only', 'reply only', 'escribe', 'redacta', 'genera', 'crea',
    'traduce', 'resume', 'explica', 'describe', 'dime', 'di', 'responde', 'incluye', 'añade', 'agrega', 'menciona',
    'proporciona', 'enumera', 'lista', 'nombra', 'da', 'haz', 'cuenta', 'donne', 'liste', 'fais', 'raconte', 'nomme',
    'gib', 'nenne', 'liste', 'mach', 'erstelle', 'fornisci', 'elenca', 'racconta', 'forneça', 'liste', 'conte',
    'перечисли', 'приведи', 'расскажи', 'назови', 'дай', 'podaj', 'wymień', 'listele', 'ver', 'anlat',
    'recomienda', 'repite', 'imprime', 'écris', 'rédige', 'génère', 'crée', 'traduis', 'résume',
    'explique', 'décris', 'dis', 'réponds', 'inclus', 'ajoute', 'mentionne', 'recommande', 'répète',
    'affiche', 'schreib', 'schreibe', 'verfasse', 'erstelle', 'erzeuge', 'übersetze', 'fasse', 'erkläre', 'beschreibe',
    'sag', 'sage', 'erzähl', 'erzähle', 'antworte', 'füge', 'erwähne', 'empfiehl', 'wiederhole', 'gib', 'führe',
    'scrivi', 'genera', 'crea', 'traduci', 'riassumi', 'spiega', 'descrivi', 'dimmi', 'rispondi', 'includi', 'aggiungi',
    'menziona', 'consiglia', 'ripeti', 'escreva', 'gere', 'crie', 'traduza', 'resuma', 'explique',
    'descreva', 'diga', 'responda', 'inclua', 'adicione', 'mencione', 'recomende', 'repita',
    'schrijf', 'genereer', 'maak', 'vertaal', 'vat', 'leg', 'beschrijf', 'zeg', 'antwoord', 'voeg', 'noem',
    'напиши', 'создай', 'сгенерируй', 'переведи', 'перескажи', 'объясни', 'опиши', 'скажи', 'ответь', 'добавь', 'включи',
    'упомяни', 'порекомендуй', 'повтори', 'выведи', 'выполни', 'запусти', 'перешли', 'отправь',
    'napisz', 'stwórz', 'przetłumacz', 'streść', 'wyjaśnij', 'opisz', 'powiedz', 'odpowiedz', 'dodaj',
    'yaz', 'oluştur', 'çevir', 'özetle', 'açıkla', 'söyle', 'yanıtla', 'ekle', 'çalıştır', '写', '写一',
    '生成', '创建', '翻译', '总结', '解释', '描述', '列出', '列举', '给出', '提供', '推荐', '讲', '说说', '介绍', '告诉', '回答', '回复', '添加', '加上', '提到', '推荐', '重复',
    '输出', '执行', '运行', '转发', '发送', '書いて', '作成', '生成して', '翻訳', '要約', '説明', '教えて', '答えて', '追加',
    '繰り返', '出力', '実行', '転送', '써', '작성', '생성', '번역', '요약', '설명', '알려', '답해', '추가',
    '반복', '출력', '실행', '전달', 'اكتب', 'أنشئ', 'ترجم', 'لخص', 'اشرح', 'صف', 'قل', 'أجب', 'أضف', 'اذكر',
    'كرر', 'نفذ', 'أرسل', 'लिखो', 'लिखें', 'बनाओ', 'अनुवाद', 'सारांश', 'समझाओ', 'बताओ', 'जवाब', 'जोड़ो',
    'चलाएँ', 'भेजो', 'उत्तर दें', 'जवाब दें', 'लिखें', 'बताएं', 'आउटपुट', 'दोहराएं', 'viết', 'tạo', 'dịch', 'tóm tắt', 'giải thích', 'mô tả', 'nói', 'trả lời', 'thêm', 'chạy',
    'chuyển tiếp', 'gửi', 'tulis', 'buat', 'terjemahkan', 'ringkas', 'jelaskan', 'katakan', 'jawab', 'tambahkan',
    'jalankan', 'teruskan', 'kirim', 'γράψε', 'μετάφρασε', 'εξήγησε', 'πες', 'απάντησε', 'πρόσθεσε', 'τύπωσε',
    'εκτέλεσε', 'scrie', 'tradu', 'explică', 'spune', 'răspunde', 'adaugă', 'execută', 'trimite', 'เขียน', 'แปล',
    'สรุป', 'อธิบาย', 'ตอบ', 'เพิ่ม', 'รัน', 'ส่ง',
  ],
  office_verb: [
    'send', 'forward', 'call', 'bring', 'let me know', 'contact', 'confirm', 'attend', 'review', 'sign', 'submit',
    'complete', 'fill', 'arrive', 'join', 'book', 'pay', 'update', 'check', 'see', 'find', 'click', 'visit', 'open',
    'download', 'note', 'remember', 'please', 'kindly', 'reply to', 'get back', 'keep', 'feel free', 'make sure', 'ensure',
  ],
  creative: [
    'poem', 'poems', 'haiku', 'limerick', 'sonnet', 'joke', 'jokes', 'story', 'short story', 'song', 'rap', 'lyrics',
    'essay', 'riddle', 'fun fact', 'fact about', 'recipe', 'tweet', 'slogan', 'motto', 'fairy tale', 'fable', 'dialogue',
    'script', 'screenplay', 'letter to', 'speech', 'review of', 'quiz', 'trivia', 'pun', 'puns', 'acrostic', 'verse',
    'poema', 'chiste', 'cuento', 'canción', 'receta', 'poème', 'blague', 'histoire', 'chanson', 'recette', 'gedicht',
    'witz', 'geschichte', 'lied', 'rezept', 'poesia', 'barzelletta', 'storia', 'canzone', 'ricetta', 'piada', 'história',
    'canção', 'receita', 'grap', 'verhaal', 'liedje', 'стих*', 'шутк*', 'анекдот', 'рассказ', 'песн*', 'рецепт', 'wiersz',
    'żart', 'opowiadanie', 'şiir', 'fıkra', 'hikaye', 'şarkı', '诗', '笑话', '故事', '歌', '食谱', '詩', 'ジョーク', '物語',
    '歌詞', '시를', '농담', '이야기', '노래', 'قصيدة', 'نكتة', 'قصة', 'أغنية', 'कविता', 'चुटकुला', 'कहानी', 'गीत', 'bài thơ',
    'truyện cười', 'câu chuyện', 'bài hát', 'puisi', 'lelucon', 'cerita', 'lagu', 'ποίημα', 'ανέκδοτο', 'poezie', 'glumă',
    'บทกวี', 'มุกตลก',
  ],
  format: [
    'in french', 'in spanish', 'in german', 'in italian', 'in portuguese', 'in chinese', 'in japanese', 'in russian',
    'in english', 'in arabic', 'in pirate', 'pirate speak', 'like a pirate', 'as a pirate', 'in all caps', 'all caps',
    'capital letters', 'uppercase', 'upper case', 'lowercase', 'in base64', 'base64', 'in hex', 'backwards', 'in reverse',
    'reverse order', 'with emojis', 'using emojis', 'emoji', 'emojis', 'in pig latin', 'in morse', 'morse code',
    'caesar cipher', 'rot13', 'in the style of', 'in rhyme', 'rhyming', 'only in', 'in json', 'in leetspeak',
    'shakespearean', 'in yoda', 'en francés', 'en inglés', 'en mayúsculas', 'en anglais', 'en espagnol', 'en majuscules',
    'auf englisch', 'auf französisch', 'in großbuchstaben', 'in inglese', 'in francese', 'em inglês', 'em francês',
    'по-английски', 'на английском', 'заглавными', '用英文', '用法语', '大写', '英語で', '大文字で', '영어로', 'بالإنجليزية',
    'अंग्रेज़ी में', 'bằng tiếng anh', 'dalam bahasa inggris',
  ],
  you: [
    'you', 'your', 'yours', 'yourself', 'tú', 'tu', 'te', 'ti', 'usted', 'vous', 'toi', 'ton', 'ta', 'tes', 'votre',
    'du', 'dich', 'dir', 'dein', 'deine', 'deinen', 'deinem', 'você', 'voce', 'seu', 'sua', 'jij', 'je', 'jou', 'jouw',
    'ты', 'тебя', 'тебе', 'твой', 'твои', 'вы', 'вас', 'вам', 'ваш', 'ty', 'ciebie', 'ci', 'twój', 'sen', 'sana', 'seni',
    'senin', '你', '您', 'あなた', '君', '당신', '너', 'أنت', 'لك', 'आप', 'तुम', 'आपको', 'तुम्हें', 'bạn', 'kamu', 'anda',
    'εσύ', 'σου', 'σού', 'σας', 'σε', 'tu', 'tău', 'dumneavoastră', 'คุณ',
  ],
  link_verb: [
    'include', 'insert', 'add', 'append', 'visit', 'click', 'go to', 'open', 'navigate to', 'browse to', 'follow',
    'link', 'url', 'website', 'incluye', 'visita', 'haz clic', 'inclus', 'visite', 'clique', 'füge', 'besuche', 'klicke',
    'includi', 'visita', 'clicca', 'inclua', 'visite', 'clique', 'добавь', 'перейди', 'посети', '访问', '点击', '链接',
    'リンク', '링크', 'رابط', 'लिंक', 'liên kết', 'tautan',
  ],
  urgent: [
    'important', 'urgent', 'immediately', 'must', 'mandatory', 'critical', 'required', 'right now', 'now', 'always',
    'never', 'importante', 'urgente', 'inmediatamente', 'siempre', 'immédiatement', 'toujours', 'wichtig', 'sofort',
    'immer', 'subito', 'sempre', 'imediatamente', 'belangrijk', 'важно', 'срочно', 'немедленно', 'всегда', 'ważne',
    'önemli', 'hemen', '重要', '立即', '马上', '必须', '緊急', '今すぐ', '必ず', '중요', '즉시', 'مهم', 'فورا', 'फौरन',
    'ज़रूरी', 'quan trọng', 'ngay', 'penting', 'segera', 'σημαντικό', 'important', 'imediat', 'สำคัญ',
  ],
  self_ref: [
    'this email', 'this e-mail', 'this message', 'this document', 'this page', 'this text', 'this article', 'this file',
    'this resume', 'this review', 'this paragraph', 'this code', 'this website', 'this note', 'the text above',
    'the document', 'the email', 'este correo', 'este documento', 'ce document', 'cet e-mail', 'ce message',
    'dieses dokument', 'diese e-mail', 'diese nachricht', 'questo documento', 'este documento', 'этот документ',
    'это письмо', '这封邮件', '此文档', '本文', 'このメール', 'この文書', '이 문서', 'هذا المستند', 'इस दस्तावेज़',
    'tài liệu này', 'dokumen ini',
  ],
  mention: [
    'the phrase', 'phrases like', 'phrases such as', 'such as', 'for example', 'e.g', 'for instance', 'known as',
    'called', 'so-called', 'the sentence', 'the words', 'text like', 'messages like', 'attackers', 'attacker', 'phishing',
    'scam', 'scammers', 'injection', 'prompt injection', 'jailbreak', 'beware', 'be careful', 'warning', 'quoted',
  ],
  override_verb: [...CONTEXT_CUES.override_verb, 'проигнорируй', 'не обращай внимания', 'αγνόησε', 'ignoră', 'ignorați',
    'ध्यान न दें', 'नज़रअंदाज़', 'yoksay', 'dikkate alma', 'bỏ qua', 'hiraukan', 'abaikan', 'สนใจ', 'ไม่ต้องสนใจ'],
  rule_obj: [
    'instructions', 'instruction', 'rules', 'rule', 'restrictions', 'guidelines', 'prompt', 'prompts', 'system prompt',
    'programming', 'constraints', 'policy', 'policies', 'directions', 'directive', 'directives', 'commands', 'command',
    'question', 'questions', 'problem', 'problems', 'request', 'requests', 'task', 'orders', 'text above', 'context',
    'instrucciones', 'instrucción', 'reglas', 'restricciones', 'pregunta', 'preguntas', 'consignes', 'règles',
    'question', 'anweisungen', 'anweisung', 'regeln', 'einschränkungen', 'vorgaben', 'frage', 'fragen', 'istruzioni',
    'regole', 'domanda', 'instruções', 'regras', 'pergunta', 'instructies', 'regels', 'vraag', 'инструкции', 'инструкций',
    'инструкциями', 'правила', 'ограничения', 'вопрос', 'вопросы', 'instrukcje', 'instrukcji', 'zasady', 'pytanie',
    'talimat*', 'kural*', 'soru*', '指令', '指示', '规则', '限制', '问题', '提问', '命令', 'ルール', '制限', '質問', '命令',
    '지시', '지시를', '지침', '규칙', '제한', '질문', 'التعليمات', 'تعليماتك', 'القواعد', 'السؤال', 'سؤال', 'الأسئلة',
    'निर्देश', 'निर्देशों', 'नियम', 'प्रश्न', 'सवाल', 'hướng dẫn', 'chỉ dẫn', 'quy tắc', 'câu hỏi', 'instruksi', 'aturan',
    'pertanyaan', 'οδηγίες', 'οδηγιών', 'κανόνες', 'ερώτηση', 'instrucțiunile', 'instrucțiuni', 'regulile', 'întrebarea',
    'คำสั่ง', 'คำถาม', 'กฎ',
  ],
  rule_ptr: [
    'above', 'previous', 'prior', 'earlier', 'preceding', 'everything above', 'everything before', 'all of the above',
    'anterior', 'anteriores', 'précédentes', 'précédent', 'ci-dessus', 'vorherigen', 'obigen', 'oben', 'precedenti',
    'sopra', 'anteriores', 'acima', 'eerdere', 'bovenstaande', 'предыдущие', 'выше', 'poprzednie', 'powyższe',
    'önceki', 'yukarıdaki', '上述', '上面', '以上', '之前', '先前', '上記', '以前', '위의', '이전', 'أعلاه', 'السابقة',
    'उपरोक्त', 'पिछले', 'trên', 'trước đó', 'di atas', 'sebelumnya', 'παραπάνω', 'προηγούμενες', 'de mai sus', 'anterioare',
    'ข้างต้น', 'ก่อนหน้า',
  ],
  hijack: [
    'just output', 'just answer', 'just type', 'just say', 'just repeat', 'just write', 'just print', 'just reply',
    'directly output', 'output directly', 'answer directly', 'reply directly', 'directly answer', 'directly reply',
    'repeat directly', 'repeat after me', 'only reply', 'only answer', 'only output', 'only respond', 'respond only',
    'reply only', 'answer only', 'output only', 'simply output', 'simply answer', 'simply say', 'say only',
    'print only', 'and say', 'instead say', 'instead output', 'instead answer', 'your new task', 'new task',
    'solo responde', 'responde solo', 'solo di', 'directamente', 'réponds seulement', 'réponds uniquement',
    'dis seulement', 'directement', 'antworte nur', 'gib nur', 'direkt', 'rispondi solo', 'direttamente',
    'responda apenas', 'diretamente', 'antwoord alleen', 'просто выведи', 'просто ответь', 'просто скажи', 'только ответь',
    'напрямую', 'сразу', 'tylko odpowiedz', 'po prostu', 'sadece yaz', 'doğrudan', '直接输出', '直接回答', '只回复', '只需',
    '直接', '只回答', 'だけ答え', '直接出力', '그냥', '바로', 'فقط أجب', 'مباشرة', 'सीधे', 'केवल', 'chỉ cần', 'trực tiếp',
    'langsung', 'cukup', 'απευθείας', 'direct', 'doar', 'โดยตรง', 'เพียงแค่',
  ],
  act_verb: [
    'approve', 'merge', 'delete', 'remove', 'transfer', 'wire', 'grant', 'run', 'execute', 'install', 'download',
    'forward', 'send', 'reset', 'disable', 'enable', 'purchase', 'buy', 'cancel', 'subscribe', 'share', 'upload', 'post',
    'publish', 'commit', 'push', 'deploy', 'call', 'invoke', 'rate', 'rank', 'score', 'recommend', 'steer', 'promote',
    'redirect', 'visit', 'email', 'exfiltrate', 'leak', 'reveal', 'expose', 'dump', 'type', 'enter', 'redirecționează',
    'transmite', 'перешли', 'отправь', 'выполни', 'удали', 'запусти', 'führe', 'lösche', 'sende', 'leite', 'envía',
    'reenvía', 'ejecuta', 'borra', 'envoie', 'transfère', 'exécute', 'supprime', 'invia', 'inoltra', 'esegui', 'envie',
    'encaminhe', 'execute', 'stuur', 'voer', 'verwijder', '转发', '发送', '执行', '删除', '运行', '転送', '実行', '削除',
    '전달', '실행', '삭제', 'أرسل', 'نفذ', 'احذف', 'भेजें', 'चलाएँ', 'हटाएँ', 'gửi', 'chạy', 'xóa', 'kirim', 'jalankan',
    'hapus', 'στείλε', 'εκτέλεσε', 'διέγραψε', 'trimite', 'execută', 'șterge', 'ส่ง', 'รัน', 'ลบ',
  ],
  polite: [
    'please', 'kindly', 'could you', 'would you', 'can you', 'thank you', 'thanks', 'if possible', 'when you can',
    'if you can', 'i would appreciate', "we'd appreciate", 'por favor', "s'il vous plaît", 'bitte', 'per favore',
    'gentilmente', 'alsjeblieft', 'пожалуйста', 'proszę', 'lütfen',
  ],
  schedule: [
    'before',
    'monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday', 'sunday', 'tomorrow', 'tonight', 'today',
    'next week', 'this week', 'end of the week', 'by the end', 'deadline', 'asap', 'in advance', 'before the', 'until',
    "o'clock", 'january', 'february', 'march', 'april', 'may', 'june', 'july', 'august', 'september', 'october',
    'november', 'december', 'am', 'pm', 'days',
  ],
  dev_note: [
    'todo', 'fixme', 'xxx', 'hack', 'note to self', 'tests', 'test', 'unit tests', 'refactor', 'refactoring',
    'deprecated', 'legacy', 'debugging', 'debug', 'before merging', 'before shipping', 'ticket', 'jira', 'pr', 'api team',
    'config', 'index', 'cron', 'in sync', 'comments below', 'in the comments', 'below', 'chart below', 'newsletter',
    'helper', 'this function', 'this helper', 'this method', 'this class', 'this module', 'this file', 'init',
    'return value', 'cached', 'cache',
  ],
  unbound: [
    'without restrictions', 'without any restrictions', 'no restrictions', 'without limits', 'no limits', 'unrestricted',
    'unfiltered', 'uncensored', 'without filters', 'without censorship', 'regardless of the rest', 'regardless of',
    'sin restricciones', 'sans restrictions', 'ohne einschränkungen', 'senza restrizioni', 'sem restrições',
    'без ограничений', 'bez ograniczeń', 'kısıtlama olmadan', '不受限制', '没有限制', '制限なし', '제한 없이', 'بدون قيود',
    'बिना किसी प्रतिबंध', 'không giới hạn', 'tanpa batasan',
  ],
};

let lexicon: Lexicon<DocCue> | undefined;

export function docCueLexicon(): Lexicon<DocCue> {
  if (!lexicon) {
    lexicon = new Lexicon<DocCue>();
    for (const [tag, words] of Object.entries(DOC_CUES) as Array<[DocCue, readonly string[]]>) lexicon.add(tag, words);
  }
  return lexicon;
}

/** Words that do not carry a topic (for relatedness), across the main languages. */
export const FUNCTION_WORDS: ReadonlySet<string> = new Set([
  'the', 'a', 'an', 'and', 'or', 'of', 'to', 'in', 'on', 'for', 'with', 'about', 'at', 'by', 'from', 'as', 'is', 'are',
  'was', 'were', 'be', 'been', 'this', 'that', 'these', 'those', 'it', 'its', 'you', 'your', 'we', 'our', 'they',
  'their', 'he', 'she', 'his', 'her', 'i', 'me', 'my', 'not', 'no', 'yes', 'do', 'does', 'did', 'have', 'has', 'had',
  'will', 'would', 'can', 'could', 'should', 'may', 'might', 'must', 'all', 'any', 'some', 'more', 'most', 'other',
  'than', 'then', 'so', 'if', 'but', 'also', 'just', 'only', 'very', 'there', 'here', 'what', 'which', 'who', 'when',
  'where', 'how', 'why', 'please', 'thanks', 'thank', 'hi', 'hello', 'dear', 'regards', 'best', 'into', 'out', 'up',
  'el', 'la', 'los', 'las', 'de', 'del', 'y', 'o', 'en', 'un', 'una', 'que', 'es', 'por', 'para', 'con', 'se', 'su',
  'le', 'les', 'des', 'du', 'et', 'ou', 'est', 'une', 'pour', 'dans', 'qui', 'sur', 'pas', 'der', 'die', 'das', 'und',
  'oder', 'ist', 'ein', 'eine', 'zu', 'den', 'dem', 'mit', 'von', 'für', 'il', 'lo', 'gli', 'di', 'e', 'che', 'per',
  'non', 'da', 'do', 'dos', 'em', 'um', 'uma', 'não', 'het', 'een', 'van', 'is', 'op', 'te', 'dat', 'и', 'в', 'на',
  'с', 'что', 'не', 'по', 'это', 'как', 'а', 'i', 'w', 'z', 'na', 'się', 'ile', 've', 'bir', 'bu', 'için',
]);
