// What a campaign pre-order promises: made only after the campaign ends, so its delivery estimate
// starts at the deadline, not today. Pure and client-safe (the cart's checkout form uses it).

/** Business days the print shop takes for a pre-order once its campaign has ended. */
export const PREORDER_PRINT_DAYS: [number, number] = [1, 3];

/** `from` plus `n` business days (Saturdays and Sundays skipped), in UTC. */
export function addBusinessDays(from: Date, n: number): Date {
  const d = new Date(from.getTime());
  let left = n;
  while (left > 0) {
    d.setUTCDate(d.getUTCDate() + 1);
    const day = d.getUTCDay();
    if (day !== 0 && day !== 6) left--;
  }
  return d;
}

const dayFmt = new Intl.DateTimeFormat('en-US', { weekday: 'short', month: 'short', day: 'numeric', year: 'numeric', timeZone: 'UTC' });
const shortFmt = new Intl.DateTimeFormat('en-US', { month: 'short', day: 'numeric', timeZone: 'UTC' });

export interface PreorderEstimate {
  /** "Sat, Dec 12, 2026" (UTC) */
  endsOn: string;
  /** "Dec 15 – Dec 22" */
  arrives: string;
  earliest: Date;
  latest: Date;
}

/**
 * When a pre-order can arrive: printed in PREORDER_PRINT_DAYS business days after the campaign's
 * deadline, then shipped in the zone's `deliveryDays` business days.
 */
export function preorderEstimate(deadline: Date, deliveryDays: [number, number] = [3, 6]): PreorderEstimate {
  const earliest = addBusinessDays(deadline, PREORDER_PRINT_DAYS[0] + deliveryDays[0]);
  const latest = addBusinessDays(deadline, PREORDER_PRINT_DAYS[1] + deliveryDays[1]);
  return { endsOn: dayFmt.format(deadline), arrives: `${shortFmt.format(earliest)} – ${shortFmt.format(latest)}`, earliest, latest };
}

/** One line for a cart, a Stripe line item and an e-mail: "Pre-order: campaign ends …; arrives …". */
export function preorderLabel(deadline: Date, deliveryDays?: [number, number]): string {
  const e = preorderEstimate(deadline, deliveryDays);
  return `Pre-order: made after the campaign ends on ${e.endsOn} (if it reaches its minimum); estimated delivery ${e.arrives}`;
}
