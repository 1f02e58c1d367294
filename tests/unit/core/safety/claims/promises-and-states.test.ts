import { describe, expect, it } from 'vitest';
import { holds } from './screen';

describe('claims screening of promised actions', () => {
  it.each([
    ['en', 'As an exception we will refund your annual plan in full.', 'we will refund'],
    ['de', 'Wir werden Ihnen den Betrag erstatten.', 'Wir werden Ihnen den Betrag erstatten'],
    ['fr', 'Nous allons vous rembourser intégralement.', 'Nous allons vous rembourser'],
    ['es', 'Le devolveremos el importe completo.', 'devolveremos'],
    ['it', 'Ti rimborseremo la differenza.', 'rimborseremo'],
    ['pt', 'Vamos reembolsar o valor total.', 'Vamos reembolsar'],
    ['nl', 'We zullen het bedrag terugbetalen.', 'We zullen het bedrag terugbetalen'],
    ['ru', 'Мы вернём вам деньги за оставшиеся месяцы.', 'вернём'],
    ['ja', '全額を返金いたします。', '返金いたします'],
  ])('%s: holds "%s" on "%s"', (_language, sentence, phrase) => {
    expect(holds(sentence).filter(([rule]) => rule === 'promised_action')).toEqual([['promised_action', phrase, sentence]]);
  });

  it.each([
    ["We'll keep you posted and send an update when the incident is resolved."],
    ['Ti aggiorneremo quando l’incidente sarà risolto.'],
    ['Wir melden uns mit einem Update, sobald der Vorfall behoben ist.'],
    ['Мы сообщим вам, когда инцидент будет устранён.'],
    ['Подтвердите, пожалуйста, отмену подписки в настройках.'],
    ['障害が解決しましたら、改めてご連絡いたします。'],
  ])('does not hold news that is not an action: %s', (sentence) => {
    expect(holds(sentence)).toEqual([]);
  });
});

describe('claims screening of a new state without an action verb', () => {
  it.each([
    ['Your account now signs in with the new address.', 'Your account now'],
    ['Ihr Konto ist ab sofort im Business-Tarif.', 'Ihr Konto ist ab sofort'],
    ['Seu plano agora é o Business, sem custo.', 'Seu plano agora'],
    ['Ваш аккаунт теперь привязан к новой почте.', 'Ваш аккаунт теперь'],
    ['Good news: your refund is on its way.', 'refund is on its way'],
    ['Il rimborso ti arriverà a breve.', 'rimborso ti arriverà'],
  ])('holds "%s" on "%s"', (sentence, phrase) => {
    expect(holds(sentence)).toEqual([['completed_action', phrase, sentence]]);
  });

  it.each([
    ['If your account is now locked, the security team verifies your identity.'],
    ['Tu plan ya incluye tres usuarios.'],
    ['Ваш тариф уже включает эту функцию.'],
    ['Your plan stays active until the end of the paid period.'],
  ])('does not hold a description or a condition: %s', (sentence) => {
    expect(holds(sentence)).toEqual([]);
  });
});
