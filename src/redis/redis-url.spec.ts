import { parseRedisUrl } from './redis-url';

describe('parseRedisUrl', () => {
  it('keeps a single-node URL as it is', () => {
    expect(parseRedisUrl('redis://:pw@127.0.0.1:6380/2')).toEqual({
      kind: 'single',
      url: 'redis://:pw@127.0.0.1:6380/2',
    });
    expect(parseRedisUrl('rediss://cache.example:6379')).toEqual({
      kind: 'single',
      url: 'rediss://cache.example:6379',
    });
  });

  it('reads a Sentinel set with master name, password and db', () => {
    expect(parseRedisUrl('redis-sentinel://:s3cret@10.0.0.1:26379,10.0.0.2/primary?db=3')).toEqual({
      kind: 'sentinel',
      sentinels: [
        { host: '10.0.0.1', port: 26379 },
        { host: '10.0.0.2', port: 6379 },
      ],
      name: 'primary',
      password: 's3cret',
      db: 3,
    });
    expect(
      parseRedisUrl('redis-sentinel://a:26379').kind === 'sentinel' &&
        parseRedisUrl('redis-sentinel://a:26379'),
    ).toMatchObject({
      name: 'mymaster',
      db: 0,
    });
  });

  it('reads cluster seed nodes', () => {
    expect(parseRedisUrl('redis-cluster://n1:7000,n2:7001')).toEqual({
      kind: 'cluster',
      nodes: [
        { host: 'n1', port: 7000 },
        { host: 'n2', port: 7001 },
      ],
    });
  });

  it('rejects anything else with a message', () => {
    expect(() => parseRedisUrl('http://x')).toThrow(/REDIS_URL must look like/);
    expect(() => parseRedisUrl('redis-sentinel://h/m?db=-1')).toThrow(/db must be/);
  });
});
