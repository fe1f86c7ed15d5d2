import { SimClock } from './sim-clock';
import { SimState, instanceUsage, storageUsage, type SimInstance } from './sim-state';

const MIN = 60_000;

function vm(history: SimInstance['history']): SimInstance {
  return { hourlyRate: 1.2, history, deletedAt: null } as SimInstance;
}

describe('simulator billing', () => {
  it('charges full minutes at the full rate in ACTIVE and SHUTOFF, flat when HIBERNATED, nothing otherwise', () => {
    const u = instanceUsage(
      vm([
        { status: 'CREATING', from: 0 },
        { status: 'ACTIVE', from: 5 * MIN },
        { status: 'SHUTOFF', from: 65 * MIN + 30_000 },
        { status: 'HIBERNATED', from: 125 * MIN },
        { status: 'ERROR', from: 185 * MIN },
      ]),
      'USD',
      300 * MIN,
    );
    expect(u.minutesByStatus.get('ACTIVE')).toBe(60);
    expect(u.minutesByStatus.get('SHUTOFF')).toBe(59);
    expect(u.cost).toBeCloseTo(1.2 + (1.2 * 59) / 60 + 0.01, 4);
  });

  it('clips to a window and to the deletion time', () => {
    const inst = vm([{ status: 'ACTIVE', from: 0 }]);
    expect(instanceUsage(inst, 'USD', 120 * MIN, 60 * MIN).cost).toBeCloseTo(1.2, 4);
    inst.deletedAt = 30 * MIN;
    expect(instanceUsage(inst, 'USD', 120 * MIN).cost).toBeCloseTo(0.6, 4);
  });

  it('bills storage per full hour at size/1000 x TB-hour rate, following resizes', () => {
    const u = storageUsage(
      [
        { sizeGb: 100, from: 0 },
        { sizeGb: 500, from: 2 * 60 * MIN },
      ],
      0,
      null,
      0.1,
      3.5 * 60 * MIN,
    );
    expect(u.records.map((r) => r.sizeGb)).toEqual([100, 100, 500]);
    expect(u.cost).toBeCloseTo(0.01 + 0.01 + 0.05, 4);
  });

  it('completes a transition lazily once the clock reaches its deadline', () => {
    const clock = new SimClock(() => new Date(0));
    const sim = new SimState(clock, MIN);
    const inst = { status: 'ACTIVE', history: [], pending: null, deletedAt: null } as unknown as SimInstance;
    sim.transition(inst, 'STOPPING', 'SHUTOFF');
    expect(sim.settle(inst).status).toBe('STOPPING');
    clock.advance(MIN);
    expect(sim.settle(inst).status).toBe('SHUTOFF');
    expect(inst.history).toEqual([
      { status: 'STOPPING', from: 0 },
      { status: 'SHUTOFF', from: MIN },
    ]);
  });

  it('issues BRK ids with the kind letter and keeps stock per region and model', () => {
    const sim = new SimState(new SimClock(), 0);
    expect(sim.nextId('D')).toMatch(/^BRK-\d{6}D$/);
    sim.setStock('US-1', 'L40', 3);
    sim.takeGpus('US-1', 'L40', 2);
    expect(sim.configurations('US-1', 'L40')).toEqual({ '1x': 1, '2x': 0, '4x': 0, '8x': 0 });
    expect(sim.alternatives('A40', 1)).toEqual(['NORWAY-1', 'CANADA-1']);
  });
});
