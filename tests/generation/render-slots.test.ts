// The store-wide render-queue limit: RenderSlot rows in the test PostgreSQL, taken by several
// callers at once as app instances would, with leases that free the slots of a dead instance.
import { beforeEach, describe, expect, it } from 'vitest';
import { resetDatabase } from '../setup/db';

// One running + one waiting render: two studio generations at once across the store.
process.env.GENERATION_MAX_CONCURRENT = '1';
process.env.GENERATION_QUEUE_MAX = '1';
const { heldRenderSlots, releaseRenderSlot, renewRenderSlot, takeRenderSlot } = await import('../../lib/generation/render-slot-repository');
const { admitStudioGeneration } = await import('../../lib/generation/queue');

beforeEach(() => resetDatabase());

describe('render slots in PostgreSQL', () => {
  it('gives out at most `capacity` slots to concurrent takers, and a released slot again', async () => {
    const taken = await Promise.all(Array.from({ length: 10 }, (_, i) => takeRenderSlot(`s${i}`, 3, 60)));
    expect(taken.filter(Boolean)).toHaveLength(3);
    expect(await heldRenderSlots()).toBe(3);
    const holder = taken.findIndex(Boolean);
    await releaseRenderSlot(`s${holder}`);
    expect(await takeRenderSlot('late', 3, 60)).toBe(true);
    expect(await takeRenderSlot('later', 3, 60)).toBe(false);
  });

  it('frees the slot of a holder that stopped renewing its lease (an instance that died)', async () => {
    expect(await takeRenderSlot('dead', 1, 0.3)).toBe(true);
    expect(await takeRenderSlot('alive', 1, 60)).toBe(false);
    await new Promise((r) => setTimeout(r, 400));
    expect(await takeRenderSlot('alive', 1, 60)).toBe(true);
    // A renewed lease keeps its slot.
    await renewRenderSlot('alive', 0.3);
    await renewRenderSlot('alive', 60);
    await new Promise((r) => setTimeout(r, 400));
    expect(await takeRenderSlot('third', 1, 60)).toBe(false);
  });

  it('admits GENERATION_MAX_CONCURRENT + GENERATION_QUEUE_MAX studio generations store-wide, then 503', async () => {
    const a = await admitStudioGeneration();
    const b = await admitStudioGeneration();
    await expect(admitStudioGeneration()).rejects.toMatchObject({ status: 503, code: 'generation_busy' });
    await a();
    await a(); // a second release changes nothing
    const c = await admitStudioGeneration();
    await expect(admitStudioGeneration()).rejects.toMatchObject({ status: 503 });
    await b();
    await c();
    expect(await heldRenderSlots()).toBe(0);
  });
});
