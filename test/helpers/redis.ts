import { randomUUID } from 'node:crypto';
import { spawn, type ChildProcess } from 'node:child_process';
import type Redis from 'ioredis';
import type { Cluster, RedisOptions } from 'ioredis';
import { redisClientFor } from '../../src/redis/redis-client';
import { parseRedisUrl } from '../../src/redis/redis-url';
// eslint-disable-next-line @typescript-eslint/no-require-imports
const probe = require('../setup/redis-probe') as {
  ping(host: string, port: number, timeoutMs?: number): Promise<boolean>;
  freePort(): Promise<number>;
  findRedisServer(): string | null;
};

/** Which Redis topology this jest project runs against (the `cluster` project sets TEST_REDIS_TOPOLOGY). */
export function testRedisTopology(): 'single' | 'cluster' {
  return process.env.TEST_REDIS_TOPOLOGY === 'cluster' ? 'cluster' : 'single';
}

/**
 * The real Redis that jest's global setup found or started: a single node, or (in the `cluster` jest project)
 * the 3-master Redis Cluster global setup started, as `redis-cluster://h:p,…` (the gateway's REDIS_URL form).
 */
export function testRedisUrl(): string {
  if (testRedisTopology() === 'cluster') {
    const url = process.env.TEST_REDIS_CLUSTER_URL;
    if (!url)
      throw new Error('TEST_REDIS_CLUSTER_URL is not set: the cluster project needs jest global setup.');
    return url;
  }
  const url = process.env.TEST_REDIS_URL;
  if (!url) throw new Error('TEST_REDIS_URL is not set: run the tests through jest (global setup).');
  return url;
}

/**
 * A client a test uses to look at or clean up what the gateway stored, for any REDIS_URL form. On a cluster,
 * KEYS asks every master and DEL of several keys deletes them one by one (the keys of a test may live in
 * different slots), so a spec reads the same on both topologies.
 */
export function connectTestRedis(url: string = testRedisUrl(), options: RedisOptions = {}): Redis {
  const client = redisClientFor(url, options);
  if (parseRedisUrl(url).kind !== 'cluster') return client;
  const cluster = client as unknown as Cluster;
  const clusterDel = cluster.del.bind(cluster);
  const delOne = (k: string | Buffer): Promise<number> => clusterDel(k);
  const keys = async (pattern: string): Promise<string[]> =>
    (await Promise.all(cluster.nodes('master').map((n) => n.keys(pattern)))).flat();
  const del = async (...args: (string | Buffer)[]): Promise<number> =>
    (await Promise.all(args.flat().map(delOne))).reduce((a, b) => a + b, 0);
  return Object.assign(client, { keys, del });
}

/** A key prefix no other test uses, so tests can share one Redis in parallel. */
export function uniquePrefix(label = 't'): string {
  return `test:${label}:${randomUUID().slice(0, 8)}:`;
}

/**
 * A private redis-server on a free port that a test may stop and start again (for "Redis goes away" tests).
 * Never touches the shared Redis.
 */
export class PrivateRedis {
  private child: ChildProcess | null = null;
  private constructor(readonly port: number) {}

  static async create(): Promise<PrivateRedis> {
    const r = new PrivateRedis(await probe.freePort());
    await r.start();
    return r;
  }

  get url(): string {
    return `redis://127.0.0.1:${this.port}`;
  }

  async start(): Promise<void> {
    const bin = probe.findRedisServer();
    if (!bin) throw new Error('redis-server is not installed');
    this.child = spawn(
      bin,
      ['--port', String(this.port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no'],
      {
        stdio: 'ignore',
      },
    );
    const deadline = Date.now() + 5000;
    while (Date.now() < deadline) {
      if (await probe.ping('127.0.0.1', this.port)) return;
      await new Promise((r) => setTimeout(r, 25));
    }
    throw new Error(`private redis-server did not start on ${this.port}`);
  }

  /**
   * A real hang: SIGSTOP keeps the port and every connection open, but nothing is answered (like a long
   * fork, a swapped-out host or CLIENT PAUSE) until resume(). Commands written meanwhile run on resume.
   */
  pause(): void {
    if (!this.child?.kill('SIGSTOP')) throw new Error('private redis-server is not running');
  }

  resume(): void {
    if (!this.child?.kill('SIGCONT')) throw new Error('private redis-server is not running');
  }

  async stop(): Promise<void> {
    const child = this.child;
    if (!child) return;
    this.child = null;
    await new Promise<void>((resolve) => {
      child.once('exit', () => resolve());
      child.kill('SIGKILL');
    });
  }
}

export interface TestCluster {
  /** `redis-cluster://127.0.0.1:p1,…` (the gateway's REDIS_URL form) */
  url: string;
  ports: number[];
  masterPorts: number[];
  stop(): void;
}

export interface TestSentinelSet {
  /** `redis-sentinel://127.0.0.1:port/mymaster` */
  url: string;
  name: string;
  masterPort: number;
  replicaPort: number;
  sentinelPort: number;
  stop(): void;
}

// eslint-disable-next-line @typescript-eslint/no-require-imports
const topologies = require('../setup/redis-topologies') as {
  startCluster(o: { masters: number; replicas?: number }): Promise<TestCluster>;
  startSentinelSet(o?: { name?: string }): Promise<TestSentinelSet>;
  cliAsync(port: number, ...args: string[]): Promise<string>;
};

/** A private Redis Cluster on free loopback ports (for tests that fail nodes over); stop() kills it. */
export function startTestCluster(masters = 3, replicas = 1): Promise<TestCluster> {
  return topologies.startCluster({ masters, replicas });
}

/** A private Sentinel set (master, replica, one sentinel) on free loopback ports; stop() kills it. */
export function startTestSentinelSet(): Promise<TestSentinelSet> {
  return topologies.startSentinelSet();
}

/** Runs one redis-cli command against 127.0.0.1:port and returns its output (without blocking the event loop). */
export function redisCli(port: number, ...args: string[]): Promise<string> {
  return topologies.cliAsync(port, ...args);
}
