import { GAP, pattern, word } from './words';

/**
 * Requests for what opens an account, in the supported languages other than English: send or
 * tell a password, a one-time or verification code, a sign-in link or credentials; or weaken
 * or move two-step sign-in (turn it off, move it to a new phone). Verbs by stem, so
 * imperative, polite and infinitive forms all match.
 */

// Request forms only (imperative, polite, infinitive after "can you"): "ich schreibe Ihnen wegen
// meines Passworts" is a customer describing a problem, "schreiben Sie mir das Passwort" a request.
const GIVE =
  'schick(?:e|t|en sie)?|sende|senden sie|zusenden|zuschicken|gib|gebt|geben sie|nenn(?:e|t|en sie)?|sag(?:e|t|en sie)?|teilen sie mir|teil mir|mitteilen|schreib(?:t|en sie)? mir|zukommen lassen|' +
  'envoie|envoyez|envoyer|donne|donnez|donner|communique[zr]?|transmet(?:s|tez|tre)|indique[zr]?|écri(?:s|vez)-moi|dites-moi|dis-moi|' +
  'env[ií]a(?:me|nos)?|enviad(?:me)?|env[ií]e(?:me)?|enviar(?:me)?|manda(?:me|nos)?|mandad(?:me)?|mande(?:me)?|mandar(?:me)?|dame|dadme|deme|p[aá]same|pasadme|p[aá]seme|facil[ií]ta(?:me)?|facil[ií]teme|facilitar(?:me)?|escr[ií]beme|escribidme|escr[ií]bame|dime|decidme|d[ií]game|' +
  'invia(?:mi|temi|re)?|mi invii|manda(?:mi|temi|re)|dammi|datemi|mi dia|comunica(?:mi|temi|re)|scrivi(?:mi)?|scrivetemi|mi scriva|dimmi|ditemi|fornite(?:mi)?|fornire|' +
  'envie(?:m)?|enviem|enviar|mande(?:m)?|mandar|me passa|passe(?:m)?|passar|informe(?:m)?|informar|escreva(?:m)?|diga(?:m)?|me diga|me d[aá]|d[eê]-me|' +
  'stuur|stuurt|sturen|geef|geeft|geven|zet|zetten|mailen|mailt|mail (?:me|mij|ons)|deel|delen|vertel|vertellen|' +
  'пришлите|пришли|вышлите|выслать|отправьте|отправь|отправить|скажите|скажи|сообщите|сообщи|дайте|дай|напишите|напиши|перешлите|скиньте|скинь';
const SECRET =
  'passwort\\p{L}*|kennwort\\p{L}*|einmal-?code\\p{L}*|bestätigungscode\\p{L}*|sicherheitscode\\p{L}*|zugangsdaten|login-?daten|anmelde-?link\\p{L}*|login-?link\\p{L}*|tan|pin|mot de passe|code (?:à usage unique|de validation|de vérification|de connexion|temporaire)|identifiants|lien de connexion|contraseña\\p{L}*|código (?:de un solo uso|de verificación|de acceso|temporal)|credenciales|enlace de (?:inicio de sesión|acceso)|codice (?:monouso|di verifica|otp|di accesso|temporaneo)|credenziali|link di accesso|senha\\p{L}*|palavra-passe|código (?:de uso único|de verificação|temporário)|credenciais|link de (?:login|acesso)|wachtwoord\\p{L}*|inlogcode\\p{L}*|eenmalige code|sms-?code|verificatiecode\\p{L}*|inloglink\\p{L}*|inloggegevens|парол\\p{L}*|одноразов\\p{L}* код\\p{L}*|код\\p{L}* (?:подтверждения|доступа|входа)|ссылк\\p{L}* для входа|учётн\\p{L}* данн\\p{L}*|учетн\\p{L}* данн\\p{L}*';
const SECOND_FACTOR =
  'zwei-?faktor\\p{L}*|zwei-?schritt\\p{L}*|2fa|mfa|double authentification|authentification (?:à deux facteurs|forte)|validation en deux étapes|verificación en dos pasos|autenticación (?:en dos pasos|de dos factores)|verifica in due passaggi|autenticazione a due fattori|autenticação de dois fatores|verificação em duas etapas|tweestapsverificatie|twee-?factor\\p{L}*|двухфактор\\p{L}*|двухэтапн\\p{L}*';
const WEAKEN =
  'deaktivier\\p{L}*|abschalt\\p{L}*|ausschalt\\p{L}*|entfern\\p{L}*|umstell\\p{L}*|übertrag\\p{L}*|verleg\\p{L}*|désactiv\\p{L}*|supprim\\p{L}*|transf[ée]r\\p{L}*|déplac\\p{L}*|desactiv\\p{L}*|quit\\p{L}*|elimin\\p{L}*|mov\\p{L}*|pas\\p{L}*|cambi\\p{L}*|disattiv\\p{L}*|rimuov\\p{L}*|spost\\p{L}*|trasferi\\p{L}*|desativ\\p{L}*|remov\\p{L}*|transferi\\p{L}*|mud\\p{L}*|uitschakel\\p{L}*|uitzett\\p{L}*|zet\\p{L}* \\p{L}* uit|verwijder\\p{L}*|omzett\\p{L}*|zet\\p{L}* \\p{L}* om|overzett\\p{L}*|отключ\\p{L}*|убер\\p{L}*|сним\\p{L}*|перенес\\p{L}*|перевед\\p{L}*|перевест\\p{L}*';

// The address that signs in: changing it hands the account to whoever asks.
const LOGIN_ADDRESS =
  'e-?mail-?adresse\\p{L}*|login-?adresse|anmelde-?adresse|adresse e-?mail|adresse de connexion|e-?mail de connexion|correo(?: electrónico)?(?: de acceso)?|direcci[oó]n de correo|indirizzo (?:e-?mail|di posta)|email di accesso|endereço de e-?mail|e-?mail da (?:minha )?conta|e-?mail de acesso|e-?mailadres|inlogadres|адрес\\p{L}* (?:электронной )?почты|почт\\p{L}* для входа|логин\\p{L}*|e-?mail';
const CHANGE_ADDRESS =
  'änder\\p{L}*|umstell\\p{L}*|stell\\p{L}* \\p{L}+ um|tausch\\p{L}*|modifi\\p{L}*|chang\\p{L}*|remplac\\p{L}*|cambi\\p{L}*|sustitu\\p{L}*|aggiorn\\p{L}*|sostitu\\p{L}*|alter\\p{L}*|troc\\p{L}*|mud\\p{L}*|wijzig\\p{L}*|verander\\p{L}*|zet\\p{L}* \\p{L}+ om|измен\\p{L}*|смен\\p{L}*|помен\\p{L}*|замен\\p{L}*';

const PATTERNS: readonly RegExp[] = [
  pattern(`${word(CHANGE_ADDRESS)}${GAP(50)}${word(LOGIN_ADDRESS)}|${word(LOGIN_ADDRESS)}${GAP(60)}${word(CHANGE_ADDRESS)}`),
  /メールアドレス[^。！？\n]{0,40}(?:変更|切り替え)/u,
  pattern(`${word(GIVE)}${GAP(60)}${word(SECRET)}`),
  // Verb last, as German and Dutch put it: "den Code per Mail zusenden", "de code gewoon mailen".
  pattern(`${word(SECRET)}${GAP(40)}${word(GIVE)}`),
  // Separable verbs: "schalten Sie die Zwei-Faktor-Anmeldung ab", "zet de tweestapsverificatie uit".
  pattern(`${word('schalt\\p{L}*|stell\\p{L}*|nehm\\p{L}*|zet\\p{L}*|haal\\p{L}*')}${GAP(20)}${word(SECOND_FACTOR)}${GAP(30)}${word('ab|aus|weg|um|uit|af|om')}`),
  pattern(`${word(WEAKEN)}${GAP(50)}${word(SECOND_FACTOR)}|${word(SECOND_FACTOR)}${GAP(50)}${word(WEAKEN)}`),
  // Japanese: "パスワードを教えて", "ワンタイムコードを送って", "二段階認証を新しい番号に移して", "二段階認証を解除".
  /(?:パスワード|ワンタイムコード|認証コード|確認コード|ログインリンク|ログインURL)[^。！？\n]{0,20}(?:送って|教えて|記載|発行|返信)/u,
  /(?:二段階認証|二要素認証|2段階認証|2FA)[^。！？\n]{0,25}(?:解除|無効|オフ|移して|移行|変更|外して)/u,
];

export function asksForCredentials(text: string): boolean {
  return PATTERNS.some((entry) => entry.test(text));
}
