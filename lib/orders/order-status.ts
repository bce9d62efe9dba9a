// The order state machine. Every change goes through `assertTransition` and leaves history.
import { conflict } from '../http/errors';

export const ORDER_STATUSES = ['PENDING_PAYMENT', 'AUTHORIZED', 'PAID', 'IN_PRODUCTION', 'SHIPPED', 'DELIVERED', 'CANCELLED', 'REFUNDED'] as const;
export type OrderStatusName = (typeof ORDER_STATUSES)[number];

const NEXT: Record<OrderStatusName, OrderStatusName[]> = {
  PENDING_PAYMENT: ['AUTHORIZED', 'PAID', 'CANCELLED'],
  AUTHORIZED: ['PAID', 'CANCELLED'],
  PAID: ['IN_PRODUCTION', 'REFUNDED'],
  IN_PRODUCTION: ['SHIPPED', 'REFUNDED'],
  SHIPPED: ['DELIVERED', 'REFUNDED'],
  DELIVERED: ['REFUNDED'],
  CANCELLED: [],
  REFUNDED: [],
};

export function canTransition(from: OrderStatusName, to: OrderStatusName): boolean {
  return NEXT[from].includes(to);
}

export function assertTransition(from: OrderStatusName, to: OrderStatusName): void {
  if (!canTransition(from, to)) {
    throw conflict(`An order that is ${label(from).toLowerCase()} cannot become ${label(to).toLowerCase()}.`, 'illegal_transition');
  }
}

/** True when `status` is at or past `target` on the happy path (used to ignore stale events). */
export function isAtOrBeyond(status: OrderStatusName, target: OrderStatusName): boolean {
  const path: OrderStatusName[] = ['PENDING_PAYMENT', 'AUTHORIZED', 'PAID', 'IN_PRODUCTION', 'SHIPPED', 'DELIVERED'];
  if (status === target) return true;
  if (status === 'REFUNDED' || status === 'CANCELLED') return true;
  const a = path.indexOf(status);
  const b = path.indexOf(target);
  return a >= 0 && b >= 0 && a >= b;
}

export function label(s: OrderStatusName): string {
  return {
    PENDING_PAYMENT: 'Awaiting payment',
    AUTHORIZED: 'Reserved (card authorised)',
    PAID: 'Paid',
    IN_PRODUCTION: 'In production',
    SHIPPED: 'Shipped',
    DELIVERED: 'Delivered',
    CANCELLED: 'Cancelled',
    REFUNDED: 'Refunded',
  }[s];
}
