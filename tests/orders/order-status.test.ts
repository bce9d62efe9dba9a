import { describe, expect, it } from 'vitest';
import { assertTransition, canTransition, ORDER_STATUSES } from '../../lib/orders/order-status';
import { HttpError } from '../../lib/http/errors';

describe('order state machine', () => {
  it('follows the happy path', () => {
    expect(canTransition('PENDING_PAYMENT', 'PAID')).toBe(true);
    expect(canTransition('PAID', 'IN_PRODUCTION')).toBe(true);
    expect(canTransition('IN_PRODUCTION', 'SHIPPED')).toBe(true);
    expect(canTransition('SHIPPED', 'DELIVERED')).toBe(true);
  });
  it('refuses skips, reversals and leaving terminal states with a 409', () => {
    for (const [from, to] of [
      ['PENDING_PAYMENT', 'SHIPPED'],
      ['PAID', 'PENDING_PAYMENT'],
      ['DELIVERED', 'SHIPPED'],
      ['CANCELLED', 'PAID'],
      ['REFUNDED', 'PAID'],
      ['PENDING_PAYMENT', 'REFUNDED'],
    ] as const) {
      expect(canTransition(from, to)).toBe(false);
      try {
        assertTransition(from, to);
        expect.unreachable(`${from} -> ${to} should be refused`);
      } catch (err) {
        expect(err).toBeInstanceOf(HttpError);
        expect((err as HttpError).status).toBe(409);
      }
    }
  });
  it('has no way out of cancelled or refunded', () => {
    for (const to of ORDER_STATUSES) {
      expect(canTransition('CANCELLED', to)).toBe(false);
      expect(canTransition('REFUNDED', to)).toBe(false);
    }
  });
});
