import { alt, type SignalPattern } from './types.js';

/**
 * Intent patterns beyond English: override of earlier instructions, system-prompt extraction and "you are now
 * unrestricted" in Chinese, Hindi, Spanish, French, Arabic, Bengali, Portuguese, Russian, Japanese, German, Korean,
 * Italian and Turkish. Written for lower-cased NFKC text. Scripts without spaces use short character gaps; `G` is a
 * bounded gap that does not cross a sentence end.
 */

const G = (n: number) => `[^.!?。！？\\n]{0,${n}}`;
const L = '\\p{L}*'; // rest of an inflected word

function p(lang: string, id: string, signal: SignalPattern['signal'], weight: number, re: string): SignalPattern {
  return { id: `${lang}.${id}`, signal, weight, re, lang };
}

export const MULTILINGUAL: SignalPattern[] = [
  // Spanish
  p(
    'es',
    'override',
    'override',
    1.0,
    `\\b${alt('ignora', 'ignore', 'ignoren', 'ignorad', 'olvida', 'olvide', 'olviden', 'olvidad', 'descarta', 'descarte', 'omite', 'omita', 'no hagas caso', 'haz caso omiso', 'hagan caso omiso', 'no sigas', 'deja de seguir', 'desobedece', 'anula')}${L}${G(40)}${alt('instrucciones', 'indicaciones', 'reglas', 'órdenes', 'ordenes', 'directrices', 'normas', 'restricciones', 'directivas', 'instrucción', 'todo lo anterior', 'lo anterior')}`,
  ),
  p(
    'es',
    'override-passive',
    'override',
    0.9,
    `\\b(?:las )?(?:instrucciones|reglas|indicaciones) ${alt('anteriores', 'previas', 'originales')}${G(20)}${alt('ya no', 'quedan anuladas', 'están anuladas', 'no aplican', 'no son válidas', 'ignóralas', 'olvídalas')}`,
  ),
  p(
    'es',
    'extract',
    'extraction',
    1.0,
    `\\b${alt('muestra', 'muéstrame', 'muestrame', 'revela', 'revélame', 'revelame', 'dime', 'repite', 'imprime', 'escribe', 'cuál es', 'cuales son', 'cuáles son', 'cual es', 'enséñame', 'ensename', 'comparte', 'copia', 'traduce', 'dame')}${G(30)}${alt('prompt del sistema', 'mensaje del sistema', 'instrucciones (?:iniciales|originales|del sistema|ocultas|secretas|previas)', 'tus instrucciones', 'tus reglas', 'indicaciones (?:iniciales|originales|del sistema)', 'texto (?:de )?arriba', 'lo que (?:te )?(?:dijeron|indicaron) (?:antes|al principio)')}`,
  ),
  p(
    'es',
    'unrestricted',
    'no_restrictions',
    0.6,
    `\\b(?:sin|libre de|no tienes|no tiene|ya no tienes) ${alt('ninguna ', 'ningún ', 'ningun ', 'ningunas ', 'ningunos ', 'las ', 'tus ')}?${alt('restricci', 'filtro', 'límite', 'limite', 'censura', 'regla', 'norma', 'ética', 'etica')}${L}`,
  ),
  p(
    'es',
    'you-are-now',
    'role_reassign',
    0.5,
    `\\b(?:ahora eres|a partir de ahora(?:,)? (?:eres|serás|seras|vas a|actuarás|actuaras|responderás|responderas)|desde ahora (?:eres|serás))\\b`,
  ),
  // Portuguese
  p(
    'pt',
    'override',
    'override',
    1.0,
    `\\b${alt('ignore', 'ignora', 'ignorem', 'esqueça', 'esqueca', 'esquece', 'esqueçam', 'desconsidere', 'desconsidera', 'descarte', 'descarta', 'não siga', 'nao siga', 'pare de seguir', 'desobedeça', 'anule')}${L}${G(40)}${alt('instruções', 'instrucoes', 'instrução', 'regras', 'diretrizes', 'ordens', 'comandos', 'orientações', 'orientacoes', 'restrições', 'restricoes', 'tudo o que foi dito', 'tudo acima', 'o que foi dito antes')}`,
  ),
  p(
    'pt',
    'extract',
    'extraction',
    1.0,
    `\\b${alt('mostre', 'mostra', 'me mostre', 'revele', 'revela', 'repita', 'repete', 'imprima', 'diga', 'me diga', 'quais são', 'quais sao', 'qual é', 'qual e', 'escreva', 'compartilhe', 'copie', 'traduza', 'me dê', 'me de')}${G(30)}${alt('prompt do sistema', 'mensagem do sistema', 'instruções (?:iniciais|originais|do sistema|ocultas|secretas)', 'instrucoes (?:iniciais|originais|do sistema|ocultas|secretas)', 'suas instruções', 'suas instrucoes', 'tuas instruções', 'suas regras', 'texto acima')}`,
  ),
  p(
    'pt',
    'unrestricted',
    'no_restrictions',
    0.6,
    `\\b(?:sem|livre de|não tem|nao tem|não possui) ${alt('nenhuma ', 'nenhum ', 'qualquer ', 'quaisquer ', 'as ', 'suas ')}?${alt('restriç', 'restric', 'filtro', 'limite', 'censura', 'regra', 'ética', 'etica')}${L}`,
  ),
  p(
    'pt',
    'you-are-now',
    'role_reassign',
    0.5,
    `\\b(?:agora você é|agora voce e|agora tu és|a partir de agora(?:,)? (?:você|voce|tu) (?:é|e|será|sera|vai|irá|ira))\\b`,
  ),
  // French
  p(
    'fr',
    'override',
    'override',
    1.0,
    `\\b${alt('ignore', 'ignorez', 'ignorer', 'oublie', 'oubliez', 'oublier', 'ne tiens pas compte', 'ne tenez pas compte', 'ne prends pas en compte', 'ne prenez pas en compte', 'fais abstraction', 'faites abstraction', 'ne suis plus', 'ne suivez plus', 'écarte', 'écartez', 'annule', 'annulez', 'passe outre', 'passez outre')}\\b${G(40)}${alt('instructions? (?:précédentes|precedentes|antérieures|anterieures|ci-dessus|initiales|d.origine|du système|du systeme|données)', '(?:tes|vos|les|ces) instructions', 'consignes?', 'règles', 'regles', 'directives', 'ordres', 'indications', 'restrictions', 'tout ce qui précède', 'tout ce qui precede', 'ce qui précède', 'tout ce qu.on t.a dit')}`,
  ),
  p(
    'fr',
    'extract',
    'extraction',
    1.0,
    `\\b${alt('montre', 'montrez', 'montre-moi', 'montrez-moi', 'révèle', 'révélez', 'revele', 'affiche', 'affichez', 'répète', 'répétez', 'repete', 'donne', 'donnez', 'dis-moi', 'dites-moi', 'quelles sont', 'quel est', 'écris', 'écrivez', 'recopie', 'recopiez', 'traduis', 'traduisez', 'imprime')}${G(30)}${alt('prompt (?:du )?système', 'prompt systeme', 'invite (?:du )?système', 'message (?:du )?système', 'instructions (?:initiales|d.origine|originales|système|systeme|cachées|cachees|secrètes|de départ)', 'tes instructions', 'vos instructions', 'consignes (?:initiales|d.origine|système)', 'tes consignes', 'vos consignes', 'texte ci-dessus')}`,
  ),
  p(
    'fr',
    'unrestricted',
    'no_restrictions',
    0.6,
    `\\b(?:sans|libre de|libéré de|libere de|tu n.as (?:plus )?(?:de|aucune)|vous n.avez (?:plus )?(?:de|aucune)) ${alt('aucune ', 'aucun ', 'les ', 'tes ', 'toute ', 'tous ')}?${alt('restriction', 'filtre', 'limite', 'censure', 'règle', 'regle', 'éthique', 'ethique', 'contrainte')}${L}`,
  ),
  p(
    'fr',
    'you-are-now',
    'role_reassign',
    0.5,
    `\\b(?:tu es (?:maintenant|désormais|desormais)|vous êtes (?:maintenant|désormais)|à partir de maintenant(?:,)? (?:tu|vous)|dorénavant(?:,)? (?:tu|vous))\\b`,
  ),
  // German
  // German: only function words may sit between verb and noun, so "vergiss nicht, die Anweisungen zu lesen" stays quiet.
  p(
    'de',
    'override',
    'override',
    1.0,
    `\\b${alt('ignoriere', 'ignorier', 'ignorieren sie', 'ignoriert', 'vergiss', 'vergessen sie', 'vergesst', 'missachte', 'missachten sie', 'überspringe', 'verwirf', 'verwerfen sie', 'befolge nicht mehr', 'befolgen sie nicht mehr')},? (?:${alt('bitte', 'jetzt', 'sofort', 'einfach', 'alle', 'all', 'deine', 'ihre', 'die', 'den', 'das', 'der', 'vorherigen', 'bisherigen', 'obigen', 'vorigen', 'früheren', 'ursprünglichen', 'alten', 'gegebenen', 'vorherige', 'bisherige', 'obige', 'vorige', 'frühere', 'ursprüngliche', 'erhaltenen', 'zuvor', 'einfach', 'du', 'dir', 'mal', 'also', 'nun')},? ){0,4}${alt('anweisung', 'instruktion', 'regeln', 'regel', 'vorgaben', 'befehle', 'anordnungen', 'richtlinien', 'einschränkungen', 'alles (?:bisherige|vorherige|davor|oben)')}${L}`,
  ),
  p(
    'de',
    'override-reverse',
    'override',
    0.9,
    `\\b${alt('vorherigen', 'bisherigen', 'obigen', 'vorigen', 'alle', 'deine', 'ursprünglichen', 'früheren')} ${alt('anweisungen', 'instruktionen', 'regeln', 'vorgaben', 'befehle')}${G(20)}${alt('ignorieren', 'vergessen', 'gelten nicht mehr', 'sind ungültig', 'sind aufgehoben', 'missachten')}`,
  ),
  p(
    'de',
    'extract',
    'extraction',
    1.0,
    `\\b${alt('zeig', 'zeige', 'zeigen sie', 'gib', 'geben sie', 'wiederhole', 'wiederholen sie', 'verrate', 'verraten sie', 'nenne', 'nennen sie', 'drucke', 'schreibe', 'schreib', 'was (?:ist|sind|war|waren)', 'wie lautet', 'wie lauten', 'kopiere', 'übersetze', 'gib mir')}${G(30)}${alt('systemprompt', 'system-prompt', 'systemanweisung', 'systemnachricht', 'anfangsanweisung', 'ursprünglichen anweisungen', 'ursprunglichen anweisungen', 'ersten anweisungen', 'deine anweisungen', 'ihre anweisungen', 'versteckten anweisungen', 'geheimen anweisungen', 'deine regeln', 'den text (?:oben|darüber)', 'deinen prompt', 'ihren prompt')}`,
  ),
  p(
    'de',
    'unrestricted',
    'no_restrictions',
    0.6,
    `\\b(?:ohne|frei von|keine|keinerlei) ${alt('jegliche ', 'alle ', 'irgendwelche ', 'jede ')}?${alt('einschränkung', 'filter', 'grenzen', 'zensur', 'regeln', 'beschränkung', 'ethik', 'moral', 'richtlinien')}${L}`,
  ),
  p(
    'de',
    'you-are-now',
    'role_reassign',
    0.5,
    `\\b(?:du bist (?:jetzt|ab jetzt|nun|ab sofort)|sie sind (?:jetzt|ab jetzt|nun|ab sofort)|ab (?:jetzt|sofort) (?:bist du|sind sie|wirst du))\\b`,
  ),
  // Italian
  p(
    'it',
    'override',
    'override',
    1.0,
    `\\b${alt('ignora', 'ignorate', 'ignori', 'dimentica', 'dimenticate', 'dimentichi', 'trascura', 'non considerare', 'non tenere conto', 'non seguire', 'smetti di seguire', 'scarta', 'annulla')}\\b${G(40)}${alt('istruzioni', 'regole', 'direttive', 'indicazioni', 'ordini', 'restrizioni', 'tutto ciò che', 'tutto quello che', 'quanto detto')}`,
  ),
  p(
    'it',
    'extract',
    'extraction',
    1.0,
    `\\b${alt('mostra', 'mostrami', 'rivela', 'rivelami', 'ripeti', 'stampa', 'dimmi', 'quali sono', 'qual è', 'scrivi', 'copia', 'traduci', 'dammi', 'condividi')}${G(30)}${alt('prompt (?:di|del) sistema', 'messaggio (?:di|del) sistema', 'istruzioni (?:iniziali|originali|di sistema|del sistema|nascoste|segrete)', 'tue istruzioni', 'sue istruzioni', 'tue regole', 'testo (?:qui )?sopra')}`,
  ),
  p(
    'it',
    'unrestricted',
    'no_restrictions',
    0.6,
    `\\b(?:senza|libero da|non hai più|non hai) ${alt('alcuna ', 'alcun ', 'nessuna ', 'nessun ', 'le ', 'tue ')}?${alt('restrizion', 'filtr', 'limit', 'censura', 'regol', 'etica')}${L}`,
  ),
  p(
    'it',
    'you-are-now',
    'role_reassign',
    0.5,
    `\\b(?:ora sei|adesso sei|da ora in poi(?:,)? (?:sei|sarai|risponderai|agirai))\\b`,
  ),
  // Russian
  p(
    'ru',
    'override',
    'override',
    1.0,
    `(?:^|[^\\p{L}])${alt('игнорируй', 'игнорируйте', 'проигнорируй', 'проигнорируйте', 'забудь', 'забудьте', 'не обращай внимания на', 'не обращайте внимания на', 'отмени', 'отмените', 'пренебреги', 'не следуй', 'не следуйте', 'не выполняй', 'отбрось', 'отбросьте')}${L}${G(40)}${alt('инструкци', 'правил', 'указани', 'команд', 'директив', 'ограничени', 'всё', 'все', 'предыдущ', 'вышесказанн')}`,
  ),
  p(
    'ru',
    'extract',
    'extraction',
    1.0,
    `(?:^|[^\\p{L}])${alt('покажи', 'покажите', 'выведи', 'выведите', 'повтори', 'повторите', 'раскрой', 'раскройте', 'напиши', 'напишите', 'скажи', 'скажите', 'какие', 'каков', 'какой', 'какая', 'процитируй', 'скопируй', 'переведи', 'дай')}${G(30)}(?:${alt('системн', 'исходн', 'первоначальн', 'начальн', 'скрыт', 'секретн', 'изначальн')}${L} ${alt('промпт', 'подсказк', 'инструкци', 'сообщени', 'указани', 'запрос')}|${alt('свои', 'твои', 'ваши')} ${alt('инструкци', 'правила', 'указания', 'настройки')}|системный промпт|текст выше)`,
  ),
  p(
    'ru',
    'unrestricted',
    'no_restrictions',
    0.6,
    `(?:^|[^\\p{L}])(?:без|свободн${L} от|нет никаких|не имеешь|у тебя нет) (?:каких-либо |всяких |любых |никаких )?${alt('ограничени', 'фильтр', 'цензур', 'правил', 'запрет', 'этик', 'морал')}${L}`,
  ),
  p(
    'ru',
    'you-are-now',
    'role_reassign',
    0.5,
    `(?:^|[^\\p{L}])(?:теперь ты|отныне ты|с этого момента ты|теперь вы|отныне вы)(?:$|[^\\p{L}])`,
  ),
  // Turkish
  p(
    'tr',
    'override',
    'override',
    1.0,
    `${alt('önceki', 'onceki', 'yukarıdaki', 'yukaridaki', 'tüm', 'tum', 'bütün', 'butun', 'verilen', 'eski', 'orijinal', 'sistem')}${G(30)}${alt('talimat', 'kural', 'komut', 'yönerge', 'yonerge', 'direktif', 'kısıtlama', 'kisitlama', 'emir')}${L}${G(20)}${alt('yok say', 'görmezden gel', 'gormezden gel', 'unut', 'dikkate alma', 'umursama', 'boş ver', 'bos ver', 'iptal', 'geçersiz', 'gecersiz', 'uyma')}`,
  ),
  p(
    'tr',
    'extract',
    'extraction',
    1.0,
    `${alt('sistem istemi', 'sistem istem', 'sistem komut', 'sistem mesaj', 'başlangıç talimat', 'baslangic talimat', 'ilk talimat', 'orijinal talimat', 'gizli talimat', 'talimatların', 'talimatlarını', 'talimatlarin', 'kurallarını', 'kurallarini', 'sistem talimat')}${L}${G(20)}${alt('göster', 'goster', 'söyle', 'soyle', 'yaz', 'tekrarla', 'yazdır', 'yazdir', 'açıkla', 'acikla', 'ver', 'paylaş', 'paylas', 'nedir', 'neler', 'çevir', 'cevir')}`,
  ),
  p(
    'tr',
    'unrestricted',
    'no_restrictions',
    0.6,
    `${alt('hiçbir', 'hicbir', 'herhangi bir')} ${alt('kısıtlama', 'kisitlama', 'sınır', 'sinir', 'filtre', 'sansür', 'sansur', 'kural', 'etik')}${L}${G(12)}${alt('olmadan', 'yok', 'olmayan', 'tanımayan', 'tanimayan', 'bağlı olmayan')}`,
  ),
  p('tr', 'you-are-now', 'role_reassign', 0.5, `(?:artık sen|artik sen|bundan sonra sen|şu andan itibaren sen)`),
  // Chinese (simplified and traditional)
  p(
    'zh',
    'override',
    'override',
    1.0,
    `${alt('忽略', '无视', '無視', '忽视', '忽視', '不要理会', '不要理會', '不要理睬', '忘记', '忘記', '忘掉', '抛弃', '拋棄', '丢弃', '丟棄', '跳过', '跳過', '不用管', '别管', '別管', '不要遵守', '不要遵循', '停止遵循', '覆盖', '推翻')}${G(12)}${alt('指令', '指示', '说明', '說明', '规则', '規則', '提示', '设定', '設定', '要求', '命令', '限制', '约束', '約束', '内容', '一切', '所有')}`,
  ),
  p(
    'zh',
    'override-passive',
    'override',
    0.9,
    `${alt('之前', '以上', '上面', '先前', '前面', '原来', '原來', '原有', '所有')}的?${alt('指令', '指示', '规则', '規則', '设定', '設定', '提示')}${G(8)}${alt('作废', '作廢', '无效', '無效', '不再适用', '不再適用', '失效', '取消')}`,
  ),
  p(
    'zh',
    'extract',
    'extraction',
    1.0,
    `${alt('显示', '顯示', '告诉我', '告訴我', '输出', '輸出', '打印', '重复', '重複', '透露', '泄露', '洩露', '给我看', '給我看', '展示', '说出', '說出', '列出', '复述', '複述', '翻译', '翻譯', '写出', '寫出', '是什么', '是什麼')}${G(12)}${alt('系统提示', '系統提示', '系统指令', '系統指令', '初始指令', '原始指令', '提示词', '提示詞', '你的指令', '你的设定', '你的設定', '隐藏指令', '隱藏指令', '系统消息', '系統訊息', '你的规则', '你的規則', '上面的内容', '上面的文字', '最初的指示', '初始提示')}`,
  ),
  p(
    'zh',
    'extract-reverse',
    'extraction',
    1.0,
    `${alt('系统提示', '系統提示', '系统指令', '系統指令', '初始指令', '原始指令', '提示词', '提示詞', '你的指令', '隐藏指令', '隱藏指令')}${G(10)}${alt('是什么', '是什麼', '发给我', '發給我', '告诉我', '告訴我', '输出', '輸出', '打印出来', '显示出来', '原样', '原樣', '逐字')}`,
  ),
  p(
    'zh',
    'unrestricted',
    'no_restrictions',
    0.6,
    `${alt('没有', '沒有', '不受', '摆脱', '擺脫', '无', '無', '不再受', '不需要遵守', '不必遵守', '解除')}${G(4)}(?:任何)?${alt('限制', '约束', '約束', '过滤', '過濾', '审查', '審查', '道德', '规则', '規則', '伦理', '倫理')}`,
  ),
  p(
    'zh',
    'you-are-now',
    'role_reassign',
    0.5,
    `${alt('你现在是', '你現在是', '从现在开始你', '從現在開始你', '从现在起你', '從現在起你', '从今以后你')}`,
  ),
  // Japanese
  p(
    'ja',
    'override',
    'override',
    1.0,
    `${alt('指示', '命令', 'ルール', '指令', 'プロンプト', '制約', '設定', '制限', '規則', 'ガイドライン')}${G(10)}${alt('無視', '忘れ', '破棄', '無効', '従わな', '従うな', 'リセット')}`,
  ),
  p(
    'ja',
    'override-verb-first',
    'override',
    0.9,
    `${alt('無視して', '忘れて')}${G(10)}${alt('指示', '命令', 'ルール', '指令', 'プロンプト')}`,
  ),
  p(
    'ja',
    'extract',
    'extraction',
    1.0,
    `${alt('システムプロンプト', '初期(?:の)?指示', '最初の指示', '元の指示', '隠された指示', 'あなたの指示', '設定された指示', 'システムメッセージ', 'あなたの設定', '初期プロンプト', '上記の(?:文章|テキスト|内容)', 'あなたへの指示', '与えられた指示')}${G(12)}${alt('教えて', '表示', '見せて', '出力', '繰り返', '書いて', '開示', '明か', '翻訳', 'コピー', '貼り付け', '何です', 'なんです', '印刷')}`,
  ),
  p(
    'ja',
    'unrestricted',
    'no_restrictions',
    0.6,
    `${alt('制限', '制約', 'フィルター', '検閲', 'ルール', '倫理', '規制')}${G(6)}${alt('なし', '無し', 'のない', 'がない', 'から解放', 'を受けない', 'に縛られない', 'を無視', '一切ない')}`,
  ),
  p('ja', 'you-are-now', 'role_reassign', 0.5, `(?:あなたは今から|今からあなたは|これからあなたは|あなたはもう)`),
  // Korean
  p(
    'ko',
    'override',
    'override',
    1.0,
    `${alt('이전', '앞의', '위의', '모든', '기존', '원래', '앞선', '지금까지의')}${G(12)}${alt('지시', '지침', '명령', '규칙', '프롬프트', '설정', '제한', '지령')}${G(12)}${alt('무시', '잊어', '잊고', '따르지', '취소', '폐기')}`,
  ),
  p(
    'ko',
    'extract',
    'extraction',
    1.0,
    `${alt('시스템 프롬프트', '시스템프롬프트', '초기 지시', '원래 지시', '원래의 지시', '숨겨진 지시', '너의 지시', '당신의 지시', '너의 프롬프트', '당신의 프롬프트', '시스템 메시지', '초기 프롬프트', '위의 내용', '위의 텍스트')}${G(14)}${alt('보여', '알려', '출력', '반복', '공개', '말해', '적어', '써', '번역', '무엇', '뭐')}`,
  ),
  p(
    'ko',
    'unrestricted',
    'no_restrictions',
    0.6,
    `${alt('제한', '제약', '필터', '검열', '규칙', '윤리')}${G(6)}${alt('없는', '없이', '에서 벗어', '받지 않', '무시')}`,
  ),
  p(
    'ko',
    'you-are-now',
    'role_reassign',
    0.5,
    `(?:이제부터 너는|지금부터 너는|지금부터 당신은|이제부터 당신은|이제 너는|이제 당신은)`,
  ),
  // Hindi (Devanagari and common romanized forms)
  p(
    'hi',
    'override',
    'override',
    1.0,
    `${alt('पिछले', 'पिछली', 'पहले के', 'पहले दिए', 'सभी', 'सारे', 'ऊपर के', 'ऊपर दिए', 'पूर्व', 'अपने')}${G(30)}${alt('निर्देश', 'नियम', 'आदेश', 'हिदायत', 'प्रतिबंध')}${G(30)}${alt('अनदेखा', 'नज़रअंदाज़', 'नजरअंदाज', 'भूल', 'उपेक्षा', 'मत मानो', 'न मानें', 'मत मानिए', 'रद्द', 'इग्नोर')}`,
  ),
  p(
    'hi',
    'override-verb-first',
    'override',
    0.9,
    `${alt('अनदेखा करो', 'अनदेखा करें', 'भूल जाओ', 'भूल जाइए', 'नज़रअंदाज़ करो', 'नजरअंदाज करो', 'इग्नोर करो')}${G(20)}${alt('निर्देश', 'नियम', 'आदेश', 'सब कुछ')}`,
  ),
  p(
    'hi',
    'override-romanized',
    'override',
    1.0,
    `\\b${alt('pichle', 'pichhle', 'purane', 'saare', 'sare', 'sabhi', 'upar ke', 'pehle ke')}${G(30)}${alt('instructions?', 'nirdesh', 'niyam', 'rules', 'aadesh')}${G(20)}${alt('ignore', 'bhool', 'bhul', 'mat mano', 'mat maano', 'nazarandaaz', 'nazarandaz')}`,
  ),
  p(
    'hi',
    'extract-romanized',
    'extraction',
    1.0,
    `\\b(?:system prompt|instructions|nirdesh|niyam|rules)${G(20)}${alt('batao', 'bataao', 'dikhao', 'dikhaao', 'bataiye', 'dikhaiye', 'likho', 'print karo', 'bolo')}\\b`,
  ),
  p(
    'hi',
    'extract',
    'extraction',
    1.0,
    `${alt('सिस्टम प्रॉम्प्ट', 'सिस्टम प्रोम्प्ट', 'सिस्टम संदेश', 'प्रारंभिक निर्देश', 'शुरुआती निर्देश', 'मूल निर्देश', 'छिपे हुए निर्देश', 'छिपे निर्देश', 'अपने निर्देश', 'आपके निर्देश', 'तुम्हारे निर्देश', 'गुप्त निर्देश')}${G(30)}${alt('दिखा', 'बता', 'दोहरा', 'प्रिंट', 'लिख', 'प्रकट', 'साझा', 'अनुवाद', 'क्या है', 'क्या हैं')}`,
  ),
  p(
    'hi',
    'unrestricted',
    'no_restrictions',
    0.6,
    `${alt('बिना', 'कोई', 'किसी भी', 'बगैर')}${G(10)}${alt('प्रतिबंध', 'पाबंदी', 'सीमा', 'फ़िल्टर', 'फिल्टर', 'सेंसर', 'नियम', 'रोक')}${G(10)}${alt('नहीं', 'के', 'से मुक्त', 'रहित')}`,
  ),
  p('hi', 'you-are-now', 'role_reassign', 0.5, `(?:अब तुम|अब आप|अब से तुम|अब से आप|आज से तुम)`),
  // Bengali
  p(
    'bn',
    'override',
    'override',
    1.0,
    `${alt('আগের', 'পূর্ববর্তী', 'সমস্ত', 'সব', 'উপরের', 'পূর্বের', 'আগে দেওয়া')}${G(30)}${alt('নির্দেশ', 'নিয়ম', 'আদেশ', 'বিধিনিষেধ')}${G(30)}${alt('উপেক্ষা', 'ভুলে', 'অগ্রাহ্য', 'মানবে না', 'মেনো না', 'মানবেন না', 'বাতিল', 'ইগনোর')}`,
  ),
  p(
    'bn',
    'extract',
    'extraction',
    1.0,
    `${alt('সিস্টেম প্রম্পট', 'সিস্টেম বার্তা', 'প্রাথমিক নির্দেশ', 'মূল নির্দেশ', 'লুকানো নির্দেশ', 'গোপন নির্দেশ', 'তোমার নির্দেশ', 'আপনার নির্দেশ', 'তোমাকে দেওয়া নির্দেশ', 'আপনাকে দেওয়া নির্দেশ')}${G(30)}${alt('দেখাও', 'দেখান', 'বলো', 'বলুন', 'পুনরাবৃত্তি', 'প্রিন্ট', 'লিখ', 'প্রকাশ', 'শেয়ার', 'অনুবাদ', 'কী', 'কি')}`,
  ),
  p(
    'bn',
    'unrestricted',
    'no_restrictions',
    0.6,
    `${alt('কোনো', 'কোন', 'কোনও')}${G(8)}${alt('সীমাবদ্ধতা', 'বিধিনিষেধ', 'ফিল্টার', 'সেন্সর', 'নিয়ম', 'বাধা')}${G(8)}${alt('নেই', 'ছাড়া', 'ছাড়াই', 'ছাড়া')}`,
  ),
  p('bn', 'you-are-now', 'role_reassign', 0.5, `(?:এখন থেকে তুমি|এখন থেকে আপনি|এখন তুমি|এখন আপনি)`),
  // Arabic
  p(
    'ar',
    'override',
    'override',
    1.0,
    `${alt('تجاهل', 'تجاهلي', 'تجاهلوا', 'انس', 'انسى', 'إنس', 'انسي', 'اترك', 'لا تلتزم', 'لا تتبع', 'أهمل', 'اهمل', 'تخط', 'تخطى', 'ألغ', 'الغ', 'لا تطع')}${G(30)}${alt('التعليمات', 'تعليمات', 'الأوامر', 'أوامر', 'الاوامر', 'القواعد', 'قواعد', 'الإرشادات', 'الارشادات', 'التوجيهات', 'القيود', 'كل ما سبق', 'ما سبق')}`,
  ),
  p(
    'ar',
    'extract',
    'extraction',
    1.0,
    `${alt('اعرض', 'أظهر', 'اظهر', 'اكشف', 'كرر', 'اطبع', 'أخبرني', 'اخبرني', 'قل لي', 'ما هي', 'ما هو', 'اكتب', 'انسخ', 'ترجم', 'أعطني', 'اعطني', 'شارك')}${G(30)}${alt('موجه النظام', 'تعليمات النظام', 'التعليمات الأولية', 'التعليمات الاولية', 'التعليمات الأصلية', 'التعليمات الاصلية', 'تعليماتك', 'التعليمات المخفية', 'التعليمات السرية', 'رسالة النظام', 'قواعدك', 'النص أعلاه', 'النص اعلاه')}`,
  ),
  p(
    'ar',
    'unrestricted',
    'no_restrictions',
    0.6,
    `(?:بدون|بلا|دون|خال من|متحرر من) ${alt('أي ', 'اي ', 'أية ', 'اية ')}?${alt('قيود', 'حدود', 'فلاتر', 'مرشحات', 'رقابة', 'قواعد', 'ضوابط', 'أخلاق', 'اخلاق')}`,
  ),
  p(
    'ar',
    'you-are-now',
    'role_reassign',
    0.5,
    `(?:أنت الآن|انت الان|أنت الان|من الآن فصاعدا أنت|من الان فصاعدا انت|من الآن أنت)`,
  ),
  // The prompt's content asked for by name, with the English loan word ("prompt") or the local one: list, output or
  // provide what is in your prompt, or a complete or more specific prompt to understand the model. Questions about
  // prompts (how they are protected, whether they leak) have no such verb; the gap stops at attack and defence words
  // in the scripts without spaces (and, in Japanese, which has no possessive, at the how-to words 書き方, 作り方, コツ).
  p(
    'es',
    'prompt-content',
    'extraction',
    1.0,
    `\\b${alt('enumera', 'enumere', 'enumerar', 'introduzca', 'muestra', 'muestre', 'muéstrame', 'muestrame', 'mostrar', 'proporciona', 'proporcione', 'proporcionar', 'comparte', 'comparta', 'compartir', 'lista', 'liste', 'imprime', 'imprima')}\\b${G(40)}\\b(?:tu|su|un|el|completo de) prompts?\\b`,
  ),
  p(
    'fr',
    'prompt-content',
    'extraction',
    1.0,
    `\\b${alt('affiche', 'affichez', 'afficher', 'répertorie', 'répertoriez', 'répertorier', 'repertoriez', 'liste', 'listez', 'lister', 'fournis', 'fournissez', 'fournir', 'partage', 'partagez', 'partager', 'montre', 'montrez', 'montrer', 'donnez', 'donne')}\\b${G(40)}\\b(?:invites?|prompts?)\\b`,
  ),
  p(
    'ru',
    'prompt-content',
    'extraction',
    1.0,
    `(?:^|[^\\p{L}])${alt('перечисли', 'перечислите', 'выведи', 'выведите', 'выводите', 'покажи', 'покажите', 'предоставь', 'предоставьте', 'вы предоставить', 'поделись', 'поделитесь')}(?:[^\\p{L}])${G(40)}${alt('prompt', 'promt', 'промпт')}`,
  ),
  p(
    'zh',
    'prompt-content',
    'extraction',
    1.0,
    `${alt('输出', '列出', '提供', '展示', '分享', '告诉我')}[^.!?。！？\\n攻防护]{0,20}${alt('prompt', '提示词')}(?:[^泄攻]|$)`,
  ),
  p(
    'zh',
    'prompt-content-after',
    'extraction',
    1.0,
    `${alt('你的', '你')}${alt('prompt', '提示词')}[^.!?。！？\\n攻防护]{0,20}${alt('列出', '输出')}`,
  ),
  p(
    'ja',
    'prompt-content',
    'extraction',
    1.0,
    `${alt('プロンプト', 'prompt')}[^.!?。！？\\n攻防護策リ方ツ]{0,30}${alt('出力して', 'リストして', '列挙して', '教えて', '見せて', '提供して', 'シェアして', '共有して')}`,
  ),
];
