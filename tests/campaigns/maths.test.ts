import { describe, expect, it } from 'vitest';
import { assertDeadlineAllowed, campaignProgress, decideOutcome, MAX_CAMPAIGN_DAYS, timeLeftLabel } from '../../lib/campaigns/campaign-maths';

const now = new Date('2026-11-23T12:00:00Z');
const at = (h: number) => new Date(now.getTime() + h * 3_600_000);

describe('campaign maths', () => {
  it('decides: minimum reached wins (even at the deadline), else fail after the deadline, else active', () => {
    expect(decideOutcome({ minOrders: 3, deadline: at(10) }, 3, now)).toBe('SUCCEEDED');
    expect(decideOutcome({ minOrders: 3, deadline: at(-1) }, 4, now)).toBe('SUCCEEDED');
    expect(decideOutcome({ minOrders: 3, deadline: at(-1) }, 2, now)).toBe('FAILED');
    expect(decideOutcome({ minOrders: 3, deadline: at(0) }, 2, now)).toBe('FAILED');
    expect(decideOutcome({ minOrders: 3, deadline: at(1) }, 2, now)).toBe('ACTIVE');
  });

  it('refuses deadlines beyond 6 days (authorisations expire after ~7) and too-short ones', () => {
    expect(MAX_CAMPAIGN_DAYS).toBe(6);
    expect(() => assertDeadlineAllowed(at(6 * 24), now)).not.toThrow();
    expect(() => assertDeadlineAllowed(at(6 * 24 + 1), now)).toThrow(expect.objectContaining({ status: 422, message: expect.stringMatching(/at most 6 days.*expire after about 7 days/) }));
    expect(() => assertDeadlineAllowed(at(0.5), now)).toThrow(expect.objectContaining({ status: 422 }));
    expect(() => assertDeadlineAllowed(at(-5), now)).toThrow(expect.objectContaining({ status: 422 }));
    expect(() => assertDeadlineAllowed(new Date('nope'), now)).toThrow(expect.objectContaining({ status: 422 }));
  });

  it('labels progress like "37 of 50 sold, 3 days left"', () => {
    const p = campaignProgress({ minOrders: 50, deadline: at(3 * 24 + 5), status: 'ACTIVE' }, 37, now);
    expect(p).toMatchObject({ sold: 37, remaining: 13, percent: 74, label: '37 of 50 sold, 3 days left' });
    expect(campaignProgress({ minOrders: 2, deadline: at(5), status: 'ACTIVE' }, 3, now).percent).toBe(100);
    expect(campaignProgress({ minOrders: 2, deadline: at(-5), status: 'SUCCEEDED' }, 2, now).label).toMatch(/funded/);
    expect(campaignProgress({ minOrders: 2, deadline: at(-5), status: 'FAILED' }, 1, now).label).toMatch(/nobody was charged/);
    expect(timeLeftLabel(30 * 60_000)).toBe('30 minutes left');
    expect(timeLeftLabel(5 * 3_600_000)).toBe('5 hours left');
    expect(timeLeftLabel(0)).toBe('ended');
  });
});
