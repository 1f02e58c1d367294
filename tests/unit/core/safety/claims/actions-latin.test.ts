import { describe, expect, it } from 'vitest';
import { holds } from './screen';

// Each language: sentences that claim an account or money action was done (held, with the
// words that make the claim), and policy explanations in the same language (not held).
const LANGUAGES: Record<string, { claims: [sentence: string, phrase: string][]; policy: string[] }> = {
  en: {
    claims: [
      ['Your subscription has been cancelled.', 'has been cancelled'],
      ["We've waived the late fee.", "We've waived"],
      ['We refunded the second charge this morning.', 'We refunded'],
      ['Two-step sign-in was disabled for your account.', 'was disabled'],
    ],
    policy: [
      'Refunds are issued within 5 days of approval.',
      'You can change your plan at any time under Settings → Billing.',
      'If your plan has not changed after a renewal, please write again.',
      'Once you have added a VAT number, future invoices show it.',
      'Monthly payments are not refunded.',
    ],
  },
  de: {
    claims: [
      ['Wir haben Ihnen die Gebühr erstattet.', 'haben Ihnen die Gebühr erstattet'],
      ['Ihr Tarif wurde auf Business umgestellt.', 'wurde auf Business umgestellt'],
      ['Wir bestätigen, dass wir den Betrag überwiesen haben.', 'überwiesen haben'],
      ['Die Zwei-Faktor-Anmeldung ist deaktiviert worden.', 'ist deaktiviert'],
    ],
    policy: [
      'Erstattungen werden innerhalb von 5 Tagen ausgezahlt.',
      'Sie können Ihren Tarif jederzeit unter Settings → Billing ändern.',
      'Falls Sie Ihr Passwort bereits zurückgesetzt haben, ignorieren Sie diese Nachricht.',
      'Monatliche Zahlungen werden nicht erstattet.',
      'Doppelte Abbuchungen, die durch unsere Systeme entstanden sind, werden immer erstattet.',
    ],
  },
  fr: {
    claims: [
      ['Nous avons remboursé votre dernier paiement.', 'avons remboursé'],
      ['Votre compte a été modifié hier.', 'a été modifié'],
      ['Nous vous avons crédité le montant.', 'avons crédité'],
      ['Les frais ont été annulés.', 'ont été annulés'],
    ],
    policy: [
      'Les remboursements sont effectués sous 5 jours.',
      "Vous pouvez changer d'offre à tout moment dans Settings → Billing.",
      'Si vous avez déjà modifié votre offre, il n’y a rien à faire.',
      'Les paiements mensuels ne sont pas remboursés.',
    ],
  },
  es: {
    claims: [
      ['Hemos reembolsado el importe.', 'Hemos reembolsado'],
      ['Su plan ha sido actualizado a Business.', 'ha sido actualizado'],
      ['Ya le hemos cancelado la renovación.', 'hemos cancelado'],
      ['Le reembolsé el cargo duplicado.', 'reembolsé'],
    ],
    policy: [
      'Los reembolsos se emiten en un plazo de 5 días.',
      'Puede cambiar su plan en cualquier momento en Settings → Billing.',
      'Si ya has cambiado tu plan, no tienes que hacer nada.',
      'Los pagos mensuales no se reembolsan.',
    ],
  },
  it: {
    claims: [
      ['Abbiamo annullato il rinnovo automatico.', 'Abbiamo annullato'],
      ['Il tuo account è stato sbloccato.', 'stato sbloccato'],
      ['Ti abbiamo accreditato la differenza.', 'abbiamo accreditato'],
    ],
    policy: [
      'I rimborsi vengono emessi entro 5 giorni.',
      'Puoi cambiare piano in qualsiasi momento da Settings → Billing.',
      'Se hai già cambiato piano, non devi fare nulla.',
      'I pagamenti mensili non vengono rimborsati.',
    ],
  },
  pt: {
    claims: [
      ['O valor foi reembolsado ontem.', 'foi reembolsado'],
      ['Já cancelámos a renovação automática.', 'cancelámos'],
      ['Seu email de acesso foi alterado.', 'foi alterado'],
      ['Eu reembolsei a cobrança duplicada.', 'reembolsei'],
    ],
    policy: [
      'Os reembolsos são emitidos em até 5 dias.',
      'Pode mudar de plano a qualquer momento em Settings → Billing.',
      'Se já alterou o seu plano, não precisa de fazer nada.',
      'Os pagamentos mensais não são reembolsados.',
    ],
  },
  nl: {
    claims: [
      ['We hebben het bedrag terugbetaald.', 'hebben het bedrag terugbetaald'],
      ['Uw abonnement is opgezegd.', 'is opgezegd'],
      ['Je account werd gisteren ontgrendeld.', 'werd gisteren ontgrendeld'],
    ],
    policy: [
      'Terugbetalingen worden binnen 5 dagen uitgevoerd.',
      'U kunt uw abonnement op elk moment wijzigen via Settings → Billing.',
      'Als je je abonnement al hebt gewijzigd, hoef je niets te doen.',
      'Maandelijkse betalingen worden niet terugbetaald.',
    ],
  },
};

describe.each(Object.entries(LANGUAGES))('claims screening of completed actions in %s', (_language, { claims, policy }) => {
  it.each(claims)('holds "%s" on "%s"', (sentence, phrase) => {
    expect(holds(`${sentence}\n`).filter(([rule]) => rule === 'completed_action')).toEqual([['completed_action', phrase, sentence]]);
  });

  it.each(policy.map((sentence) => [sentence]))('does not hold the policy explanation "%s"', (sentence) => {
    expect(holds(sentence)).toEqual([]);
  });
});
