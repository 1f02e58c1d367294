/**
 * How each supported language says that an account or money action has been done, by
 * morphology rather than phrases: an auxiliary of the perfect or of a completed passive
 * ("have", "haben/wurde", "avoir/été", "haber/sido", "avere/stato", "ter/foi", "hebben/zijn")
 * with a participle built on an action stem; or a form that is complete by itself (Russian
 * perfective past and short participles, Japanese "-しました/済み", Romance preterites).
 * Present passives ("refunds are issued", "werden erstattet", "sont remboursés") are policy,
 * not claims, so their auxiliaries are not listed.
 */

export interface ActionGrammar {
  language: string;
  /** Auxiliaries that make a perfect or a completed passive. */
  auxiliary?: RegExp;
  /** A participle of an action verb (needs an auxiliary). */
  participle?: RegExp;
  /** A form that claims completion by itself (no auxiliary needed). */
  complete?: RegExp;
  /** German and Dutch subordinate clauses put the auxiliary after the participle. */
  auxiliaryAfter?: boolean;
  /** Words that deny the action: "not", "nicht", "pas", "не". */
  negation: RegExp;
  /** Words that open a condition or time clause: a completed action there describes, it does not claim. */
  condition: RegExp;
  /** A second person subject next to the auxiliary: what the customer did, not what we claim. */
  secondPerson: RegExp;
}

const W = (source: string) => new RegExp(`(?<![\\p{L}])(?:${source})(?![\\p{L}])`, 'giu');
// A stem and the endings that make it a participle, as one alternation.
const forms = (stems: string, endings: string) => `(?:${stems})(?:${endings})`;
const NEVER = /(?!)/u;

const ENGLISH_PARTICIPLE = forms(
  'refund|credit|reimburs|cancel|cancell|waiv|unlock|transferr|enabl|disabl|activat|deactivat|reactivat|add|remov|delet|chang|mov|migrat|switch|upgrad|downgrad|approv|grant|appli|updat|correct|export|issu|process|restor|unblock|releas|revers|replac|extend|convert|wip|redirect|reissu|comp',
  'ed|d',
) + '|reset|sent|paid|set up|turned (?:on|off)|taken off|written off';

export const ACTION_GRAMMARS: readonly ActionGrammar[] = [
  {
    language: 'en',
    negation: W("not|n't|never|no longer"),
    condition: W("if|when|whenever|once|as soon as|after|before|unless|until"),
    secondPerson: W("you"),
    auxiliary: W("have|has|had|\\p{L}+['’]ve|\\p{L}+['’]s been|was|were|been|is now|are now"),
    participle: W(ENGLISH_PARTICIPLE),
    // The simple past with us as the subject: "we refunded", "I already cancelled".
    complete: W(`(?:we|i|our (?:\\p{L}+ )?team)\\s+(?:just |already |now |also |\\p{L}+ly )?(?:${ENGLISH_PARTICIPLE})`),
  },
  {
    language: 'de',
    negation: W("nicht|nie|niemals|kein\\p{L}*"),
    condition: W("wenn|falls|sobald|nachdem|bevor|bis"),
    secondPerson: W("sie|du"),
    auxiliary: W('habe|hast|hat|haben|habt|hatte|hatten|ist|sind|bin|wurde|wurden|wurdest|worden'),
    participle: W(
      '\\p{L}*(?:geändert|gestellt|schoben|stattet|geschrieben|storniert|gekündigt|erlassen|gesetzt|sperrt|geschaltet|wiesen|aktiviert|gefügt|entfernt|gelöscht|genehmigt|bewilligt|gewährt|sendet|sandt|schickt|aktualisiert|korrigiert|exportiert|tragen|gerichtet|gepasst|gezahlt|gradet|gestuft|längert|erhöht|ersetzt|verlegt|gebucht)',
    ),
    auxiliaryAfter: true,
  },
  {
    language: 'fr',
    negation: W("ne|n'|pas|jamais"),
    condition: W("si|s'il|lorsque|lorsqu'|quand|dès que|une fois|avant que|après que"),
    secondPerson: W("tu"),
    // Second person forms (avez, as) are left out: "vous avez modifié" is what the customer did.
    auxiliary: W("ai|a|avons|ont|avait|avions|avaient|été|j'ai|l'ai|l'avons"),
    participle: W(
      forms(
        'rembours|crédit|annul|modifi|chang|transfér|déplac|activ|désactiv|réactiv|supprim|ajout|réinitialis|débloqu|résili|valid|approuv|accord|envoy|export|migr|vers|appliqu|effectu|octroy|bascul|corrig',
        'é|ée|és|ées',
      ) + '|mis à jour|mise à jour|mises à jour|mis en place|offerts?|offertes?|passée? à',
    ),
  },
  {
    language: 'es',
    negation: W("no|nunca|jamás"),
    condition: W("si|cuando|una vez que|en cuanto|hasta que|antes de que|después de que"),
    secondPerson: W("usted|ustedes|tú"),
    auxiliary: W('he|has|ha|hemos|habéis|han|había|habíamos|fue|fueron|sido'),
    participle: W(
      forms(
        'reembols|abon|acredit|cancel|anul|cambi|mov|transfer|actualiz|aprob|activ|desactiv|reactiv|elimin|borr|añad|agreg|restablec|desbloque|envi|export|aplic|conced|otorg|modific|traslad|condon|exoner|migr|reinici',
        'ado|ada|ados|adas|ido|ida|idos|idas',
      ) + '|devuelto|devuelta|devueltos|vuelto|puesto|hecho|resuelto',
    ),
    complete: W(forms('reembols|abon|acredit|cancel|anul|cambi|actualic|aprob|elimin|borr|añad|envi|aplic|modific|traslad|condon', 'é|ó')),
  },
  {
    language: 'it',
    negation: W("non|mai"),
    condition: W("se|quando|appena|una volta che|finché|prima che|dopo che"),
    secondPerson: W("tu|lei|voi"),
    auxiliary: W("ho|hai|ha|abbiamo|avete|hanno|avevamo|stato|stata|stati|state|l'abbiamo|l'ho"),
    participle: W(
      forms(
        'rimbors|accredit|annull|cancell|modific|cambi|spost|trasfer|aggiorn|approv|attiv|disattiv|riattiv|elimin|reimpost|sblocc|invi|esport|applic|concess|abbon|condon|migr|ripristin|sostitu|convert|accord|registr',
        'ato|ata|ati|ate|ito|ita|iti|ite',
      ) + '|disdett[oaie]|rimoss[oaie]|aggiunt[oaie]|dispost[oaie]|mess[oaie] a posto|emess[oaie]|concess[oaie]',
    ),
  },
  {
    language: 'pt',
    negation: W("não|nunca|nem"),
    condition: W("se|quando|assim que|logo que|depois que|antes que|caso"),
    secondPerson: W("você|vocês|tu"),
    auxiliary: W('tenho|tem|temos|têm|tinha|tínhamos|foi|foram|sido|está|estão|ficou|ficaram'),
    participle: W(
      forms(
        'reembols|estorn|credit|cancel|anul|alter|mud|troc|transfer|atualiz|aprov|ativ|desativ|reativ|elimin|apag|remov|adicion|redefin|desbloque|envi|export|aplic|conced|mov|migr|devolv|perdo|isent|corrig|substitu|process|liber',
        'ado|ada|ados|adas|ido|ida|idos|idas',
      ) + '|feito|feita|posto',
    ),
    complete: W(forms('reembols|estorn|credit|cancel|anul|alter|mud|troc|transfer|atualiz|aprov|ativ|desativ|elimin|apag|remov|adicion|redefin|desbloque|envi|export|aplic|devolv|corrig|liber', 'ei|ou|ámos|eu|iu')),
  },
  {
    language: 'nl',
    negation: W("niet|nooit|geen"),
    condition: W("als|indien|zodra|wanneer|nadat|voordat|tenzij"),
    secondPerson: W("jij|je|u"),
    auxiliary: W('heb|heeft|hebben|had|hadden|is|zijn|ben|werd|werden|geworden'),
    participle: W(
      '\\p{L}*(?:gewijzigd|gezet|betaald|geschreven|upgraded|geüpgraded|geüpgradet|gedowngraded|verstuurd|verzonden|gestuurd|gereset|geschakeld|gevoegd|verwijderd|geannuleerd|opgezegd|gescholden|goedgekeurd|overgemaakt|geactiveerd|gedeactiveerd|bijgewerkt|aangepast|gecrediteerd|gestort|ontgrendeld|verplaatst|geëxporteerd|geblokkeerd|gecorrigeerd|vervangen|verlengd|gerestitueerd|vergoed|toegekend|kwijtgescholden|geboekt)',
    ),
    auxiliaryAfter: true,
  },
  {
    language: 'ru',
    negation: W("не|ни|нет"),
    condition: W("если|когда|после того как|как только"),
    secondPerson: W("вы|ты"),
    // Perfective past ("вернули", "отменил") and short passive participles ("отменена", "переведён").
    complete: W(
      [
        forms('верн', 'ул|ула|ули|уло'),
        forms('возвра[тщ]', 'ил|ила|или|ено|ена|ены|ён|ен'),
        forms('отмен|измен|обнов|обновл|сброс|подключ|отключ|начисл|зачисл|удал|добав|добавл|отправ|отправл|выгруз|выгруж|одобр|оформ|оформл|предостав|предоставл|примен|перечисл|компенсир', 'ил|ила|или|ило|ен|ён|ена|ено|ены'),
        forms('сброш|изменё|переведё', 'н|на|но|ны'),
        forms('перев', 'ёл|ела|ели|едён|еден|едена|едено|едены'),
        forms('перенес|перенёс', 'ли|ла|ено|ена|ены|ён|'),
        forms('разблокирова|активирова|деактивирова|аннулирова|компенсирова|списа', 'л|ла|ли|н|на|но|ны'),
      ].join('|'),
    ),
  },
  {
    language: 'ja',
    // Japanese negation and conditions change the verb ending itself (ません, たら): the pattern needs ました.
    negation: NEVER,
    condition: NEVER,
    secondPerson: NEVER,
    complete: new RegExp(
      '(?:返金|払い戻し|変更|移行|移動|移し|付与|確定|解約|取り消し|取消|キャンセル|免除|送信|送付|有効化|無効化|追加|削除|アップグレード|ダウングレード|リセット|再設定|解除|振込|振り込み|承認|適用|切り替え|切替|エクスポート|書き出し|返還|補償|値引き|割引)' +
        '[^。！？、\\n]{0,10}?(?:いたしました|致しました|しました|されました|させていただきました|済み|済|完了しました|完了)',
      'gu',
    ),
  },
];

/** A sentence that says the action is done, opening a draft: "Done:", "Erledigt!", "C'est fait". */
export const DONE = /^(?:done|all set|erledigt|c'est fait|fait|listo|hecho|fatto|pronto|feito|geregeld|gedaan|klaar|готово|сделано|完了しました)\s*[:!.,]/iu;
