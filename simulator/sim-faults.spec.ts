import { FaultRegistry, seededRandom } from './sim-faults';

const known = new Set(['listRegions', 'GET /regions/', '/regions/', '*']);

describe('FaultRegistry', () => {
  it('picks the most specific fault and adds the global latency', () => {
    const f = new FaultRegistry((t) => known.has(t), 5);
    f.set('*', { latencyMs: 1 });
    f.set('GET /regions', { status: 500 });
    expect(f.decide('listRegions', 'GET', '/regions/')).toEqual({ latencyMs: 5, hang: false, status: 500 });
    f.set('listRegions', { hang: true, latencyMs: 10 });
    expect(f.decide('listRegions', 'GET', '/regions/')).toEqual({ latencyMs: 15, hang: true, status: null });
    expect(f.decide('getBalance', 'GET', '/balance/')).toEqual({ latencyMs: 6, hang: false, status: null });
    f.clear();
    expect(f.decide('listRegions', 'GET', '/regions/')).toEqual({ latencyMs: 5, hang: false, status: null });
  });

  it('refuses unknown targets and out-of-range error rates', () => {
    const f = new FaultRegistry((t) => known.has(t));
    expect(() => f.set('listRegionz', { status: 500 })).toThrow('Unknown fault target');
    expect(() => f.set('listRegions', { errorRate: 2 })).toThrow('between 0 and 1');
  });

  it('draws a reproducible error sequence from the seed', () => {
    const draw = () => {
      const f = new FaultRegistry((t) => known.has(t));
      f.set('listRegions', { errorRate: 0.3, seed: 42 });
      return Array.from({ length: 50 }, () => f.decide('listRegions', 'GET', '/regions/').status);
    };
    const a = draw();
    expect(draw()).toEqual(a);
    expect(a.filter((s) => s === 503).length).toBeGreaterThan(5);
    expect(a).toContain(null);
    expect(seededRandom(1)()).not.toBe(seededRandom(2)());
  });
});
