// Stripe's documented test card numbers and what each one does.
import { createHash } from 'node:crypto';
import type { CardInfo } from './objects';

export interface CardDecline {
  code: string;
  decline_code?: string;
  message: string;
}

interface TestCard {
  brand: string;
  funding: string;
  decline?: CardDecline;
}

const declined = (decline_code: string, message = 'Your card was declined.'): CardDecline => ({ code: 'card_declined', decline_code, message });

export const TEST_CARDS: Record<string, TestCard> = {
  '4242424242424242': { brand: 'visa', funding: 'credit' },
  '4000056655665556': { brand: 'visa', funding: 'debit' },
  '5555555555554444': { brand: 'mastercard', funding: 'credit' },
  '378282246310005': { brand: 'amex', funding: 'credit' },
  '4000000000000002': { brand: 'visa', funding: 'credit', decline: declined('generic_decline') },
  '4000000000009995': { brand: 'visa', funding: 'credit', decline: declined('insufficient_funds', 'Your card has insufficient funds.') },
  '4000000000009987': { brand: 'visa', funding: 'credit', decline: declined('lost_card') },
  '4000000000009979': { brand: 'visa', funding: 'credit', decline: declined('stolen_card') },
  '4000000000000069': { brand: 'visa', funding: 'credit', decline: { code: 'expired_card', message: 'Your card has expired.' } },
  '4000000000000127': { brand: 'visa', funding: 'credit', decline: { code: 'incorrect_cvc', message: "Your card's security code is incorrect." } },
  '4000000000000119': {
    brand: 'visa',
    funding: 'credit',
    decline: { code: 'processing_error', message: 'An error occurred while processing your card. Try again in a little bit.' },
  },
};

export function luhnValid(digits: string): boolean {
  let sum = 0;
  for (let i = 0; i < digits.length; i++) {
    let d = Number(digits[digits.length - 1 - i]);
    if (i % 2 === 1) d = d * 2 > 9 ? d * 2 - 9 : d * 2;
    sum += d;
  }
  return digits.length >= 12 && sum % 10 === 0;
}

export function cardInfo(number: string, expMonth: number, expYear: number): { info: CardInfo; decline?: CardDecline } {
  const known = TEST_CARDS[number];
  const info: CardInfo = {
    brand: known?.brand ?? 'visa',
    last4: number.slice(-4),
    exp_month: expMonth,
    exp_year: expYear,
    funding: known?.funding ?? 'credit',
    country: 'US',
    fingerprint: createHash('sha256').update(number).digest('base64url').slice(0, 16),
  };
  // A real card number in test mode is declined, as on Stripe.
  const decline: CardDecline | undefined = known
    ? known.decline
    : { code: 'card_declined', decline_code: 'test_mode_live_card', message: 'Your card was declined. Your request was in test mode, but used a non test (live) card.' };
  return { info, decline };
}
