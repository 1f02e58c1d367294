/**
 * Shared pieces for screening mail in the languages customers write in (de, fr, es, it, pt,
 * nl, ru, ja beside English). JavaScript's \b only knows ASCII letters, so words are bounded
 * by "no letter before / after" instead, which works for "Überweisung", "ИИ" and "contraseña".
 */

/** A regex source bounded so that it matches whole words in any alphabet. */
export const word = (source: string) => `(?<![\\p{L}\\p{N}])(?:${source})(?![\\p{L}\\p{N}])`;

/** Case-insensitive, Unicode-aware regex from a source. */
export const pattern = (source: string) => new RegExp(source, 'iu');

/** A few words of gap inside one sentence. */
export const GAP = (max: number) => `[^.!?。！？\\n]{0,${max}}?`;

/**
 * Who a note to the machine addresses: an AI, an assistant, a bot, a model, an automatic
 * reply system, in each language. Suffixes stay open ("KI-Assistenten", "ассистента").
 */
export const MACHINE_READER = [
  'ai|a\\.i\\.|ki|k\\.i\\.|ia|i\\.a\\.|ии|llm|gpt|chatgpt|claude|gemini|copilot|bot|chat-?bot|chatbot',
  '(?:ai|ki|ia|ии)[- ]?(?:assistant|assistent|assistente|asistente|ассистент|агент|agent|model|modell|modelo|modello|модел)\\p{L}*',
  'assistant\\p{L}*|assistent\\p{L}*|assistente\\p{L}*|asistente\\p{L}*|ассистент\\p{L}*|помощник\\p{L}*',
  'sprachmodell\\p{L}*|modèle de langage|modelo de lenguaje|modello linguistico|modelo de linguagem|taalmodel\\p{L}*|языков\\p{L}* модел\\p{L}*|модел\\p{L}+|нейросет\\p{L}+',
  'antwortsystem\\p{L}*|antwort-?bot|système (?:de réponse )?automatique|système de réponse|sistema (?:de respuestas? )?automátic\\p{L}*|sistema (?:di risposta )?automatic\\p{L}*|sistema de resposta\\p{L}*|antwoordsysteem|systeem dat dit leest|автоответчик\\p{L}*|систем\\p{L}* автоответ\\p{L}*',
  'automated (?:reply|assistant|system)|auto-?responder|(?:reply|response|answer)[- ]system',
].join('|');

/** The same readers in Japanese, which writes no spaces. */
export const MACHINE_READER_JA = '(?:AI|ＡＩ|ai|人工知能|生成AI|アシスタント|自動返信(?:システム)?|自動応答(?:システム)?|ボット|チャットボット|言語モデル|モデル)';
