import { describe, expect, it } from 'vitest';
import { findCustomerIdentifiers } from '../../../../../lib/core/safety/claims';
import { holds } from './screen';

describe('the customer’s own identifiers, found by code', () => {
  it.each([
    ['Where is order #A-58213?', ['A-58213']],
    ['Meine Bestellung 48817 hängt fest, Rechnung RE-2291 auch.', ['48817', 'RE-2291']],
    ['Ma commande n° 55302 est en retard.', ['55302']],
    ['Hice el pedido 90124 el lunes.', ['90124']],
    ['Il mio ordine 73410 non è partito.', ['73410']],
    ['A fatura FT-2024-991 saiu sem o NIF.', ['FT-2024-991']],
    ['Op factuur 2024-117 staat het btw-nummer niet.', ['2024-117']],
    ['Я оформил заказ RU-44129 вчера.', ['RU-44129']],
    ['注文番号 JP-30871 の件です。', ['JP-30871']],
  ])('%s', (text, identifiers) => {
    expect(findCustomerIdentifiers(text)).toEqual(identifiers);
  });

  it('never takes a phone number, an unlabelled number or a bank or card number', () => {
    expect(findCustomerIdentifiers('Call me on +44 7700 900418, code 482913.')).toEqual([]);
    expect(findCustomerIdentifiers('Customer number DE89 3704 0044 0532 0130 00')).toEqual([]);
    expect(findCustomerIdentifiers('Order 4111 1111 1111 1111 please')).toEqual([]);
  });

  it('lets a draft repeat them, and a name however it is typed', () => {
    expect(holds('Guten Tag Herr Mueller, Ihre Bestellung 48817 ist unterwegs.', { customer: { address: null, name: 'Jonas Müller', identifiers: findCustomerIdentifiers('Bestellung 48817') } })).toEqual([]);
  });
});
