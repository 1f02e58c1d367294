import { describe, expect, it } from 'vitest';
import { screenDraftClaims } from '../../../../../lib/core/safety/claims';
import { CUSTOMER, PASSAGES } from './passages';
import { holds } from './screen';

describe('claims screening: concrete tokens', () => {
  it.each([
    ['The Team plan is €15 per seat.'],
    ['Le forfait Team coûte 15,00 € par siège.'],
    ['Der Team-Tarif kostet 15 EUR pro Platz.'],
  ])('an amount written another way is the amount in the passages: %s', (draft) => {
    expect(holds(draft)).toEqual([]);
  });

  it('holds an amount the passages do not name, with its sentence and a reason naming it', () => {
    const [hold] = screenDraftClaims({ draft: 'Hi Maria,\nYou will get €20 back. Thanks!', passages: PASSAGES, customer: CUSTOMER });
    expect(hold).toMatchObject({ rule: 'amount', token: '€20', sentence: 'You will get €20 back.' });
    expect(hold?.reason).toContain('€20');
  });

  it('compares links by host and path, phones by digits', () => {
    expect(holds('See https://status.countersign.example/incidents?ref=mail or call +49 (0)30 1234-5678.')).toEqual([]);
    expect(holds('See https://status.countersign-help.example/incidents.')).toEqual([
      ['url', 'https://status.countersign-help.example/incidents', 'See https://status.countersign-help.example/incidents.'],
    ]);
    expect(holds('Call +49 30 9999 0000.')).toEqual([['phone', '+49 30 9999 0000', 'Call +49 30 9999 0000.']]);
  });

  it('lets through the customer’s own address and identifiers and our mailbox, and holds other addresses', () => {
    expect(holds('We will answer kunde@example.org about order A-48213 from support@countersign.example.', { mailboxAddresses: ['support@countersign.example'] })).toEqual([]);
    expect(holds('We sent it to anna@elsewhere.example.')).toContainEqual(['email', 'anna@elsewhere.example', 'We sent it to anna@elsewhere.example.']);
  });

  it('holds codes and one-time numbers, but not the customer’s order number in another case', () => {
    expect(holds('Your order #a-48213 is on its way.')).toEqual([]);
    expect(holds('Your code is 482 913.')).toEqual([['code', '482 913', 'Your code is 482 913.']]);
    expect(holds('Use the code SPRING40 at checkout.')).toEqual([['code', 'SPRING40', 'Use the code SPRING40 at checkout.']]);
    expect(holds('The WELCOME10 code gives 10% off the first month.')).toEqual([]);
    expect(holds('This gives 25% off.')).toEqual([['percentage', '25%', 'This gives 25% off.']]);
  });

  it('reads a deadline by its number and unit in any language, and holds one the passages do not give', () => {
    for (const draft of ['Refunds take 5 days.', 'Erstattungen dauern 5 Tage.', 'Доставка занимает 3-5 рабочих дней.', '2営業日以内に発送されます。', 'La entrega tarda de 3 a 5 días hábiles.', 'Orders ship within two business days.', 'Bestellungen verlassen das Lager innerhalb von zwei Werktagen.']) {
      expect(holds(draft), draft).toEqual([]);
    }
    expect(holds('Refunds take 10 days.')).toEqual([['date', '10 days', 'Refunds take 10 days.']]);
    expect(holds('Die Lieferung kommt am Mittwoch, den 14. Mai.')).toEqual([
      ['date', 'Mittwoch', 'Die Lieferung kommt am Mittwoch, den 14. Mai.'],
      ['date', '14. Mai', 'Die Lieferung kommt am Mittwoch, den 14. Mai.'],
    ]);
  });

  it('holds street addresses and people other than the customer and our agents', () => {
    expect(holds('The parcel goes to 14 Orchard Lane.')).toEqual([['street_address', '14 Orchard Lane', 'The parcel goes to 14 Orchard Lane.']]);
    expect(holds('Es geht an die Gartenstraße 17a.')).toEqual([['street_address', 'Gartenstraße 17a', 'Es geht an die Gartenstraße 17a.']]);
    expect(holds('Dear Ms Keller, thanks for writing.\nBest regards, Jonas Brandt', { agentNames: ['Jonas Brandt'] })).toEqual([]);
    expect(holds('I asked my colleague Laura Fischer.')).toEqual([['person', 'colleague Laura Fischer', 'I asked my colleague Laura Fischer.']]);
    expect(holds('Your parcel and the one for Sarah Whitfield are on the way.')).toEqual([
      ['person', 'Sarah Whitfield', 'Your parcel and the one for Sarah Whitfield are on the way.'],
    ]);
    expect(holds('お荷物は鈴木様宛てです。')).toEqual([['person', '鈴木様', 'お荷物は鈴木様宛てです。']]);
    // The customer's company, named by their own mail domain.
    expect(holds('Thank you, dear Hollis Supply team, for the update.', { customer: { address: 'ap@hollis-supply.com' } })).toEqual([]);
    // A quoted subject is a topic; German capitalises nouns.
    expect(holds('Thank you for reaching out about "Kündigung Monatsabo".')).toEqual([]);
  });

  it('splits sentences in several scripts without breaking titles or German ordinals', () => {
    expect(holds('返金は5日以内です。お客様のプランを変更いたしました。')).toEqual([['completed_action', '変更いたしました', 'お客様のプランを変更いたしました。']]);
    expect(holds('Sr. Carvalho recebeu. Pronto.')[0]).toEqual(['person', 'Sr. Carvalho', 'Sr. Carvalho recebeu.']);
  });
});
