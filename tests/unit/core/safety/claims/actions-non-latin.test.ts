import { describe, expect, it } from 'vitest';
import { holds } from './screen';

describe('claims screening of completed actions in Russian', () => {
  it.each([
    ['Мы вернули вам деньги.', 'вернули'],
    ['Ваш тариф изменён.', 'изменён'],
    ['Подписка отменена, доступ сохранится.', 'отменена'],
    ['Двухфакторная аутентификация отключена.', 'отключена'],
  ])('holds "%s" on "%s"', (sentence, phrase) => {
    expect(holds(sentence)).toEqual([['completed_action', phrase, sentence]]);
  });

  it.each([
    ['Возврат средств производится в течение 5 дней.'],
    ['Тариф можно изменить в любой момент в Settings → Billing.'],
    ['Если вы уже изменили тариф, ничего делать не нужно.'],
    ['Ежемесячные платежи не возвращаются.'],
    ['Деньги не были возвращены.'],
  ])('does not hold the policy explanation "%s"', (sentence) => {
    expect(holds(sentence)).toEqual([]);
  });
});

describe('claims screening of completed actions in Japanese', () => {
  it.each([
    ['ご返金を完了しました。', '返金を完了しました'],
    ['お客様のプランを変更いたしました。', '変更いたしました'],
    ['アカウントはBusinessプランへアップグレード済みです。', 'アップグレード済み'],
    ['二段階認証を解除しました。', '解除しました'],
  ])('holds "%s" on "%s"', (sentence, phrase) => {
    expect(holds(sentence)).toEqual([['completed_action', phrase, sentence]]);
  });

  it.each([
    ['返金は承認後5日以内に行われます。'],
    ['プランは Settings → Billing からいつでも変更できます。'],
    ['プランを変更した場合は、次回の請求に反映されます。'],
    ['月額のお支払いは返金されません。'],
    ['月額プランはいつでも解約でき、支払済みの期間の終わりまでご利用いただけます。'],
  ])('does not hold the policy explanation "%s"', (sentence) => {
    expect(holds(sentence)).toEqual([]);
  });
});
