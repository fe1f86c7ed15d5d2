// Real Redis Cluster and Sentinel sets on loopback, for jest's global setup, .ci/run and the failover tests.
// Every node runs in its own directory under one temp dir, on free ports (the cluster bus port is chosen
// free too, with --cluster-port, so a node near 65535 never collides). Nothing here touches 127.0.0.1:6379.
const { execFile, spawn, spawnSync } = require('node:child_process');
const { mkdtempSync, mkdirSync, rmSync, writeFileSync } = require('node:fs');
const { tmpdir } = require('node:os');
const { join } = require('node:path');
const { ping, freePort, findRedisServer } = require('./redis-probe');

function findRedisCli() {
  const r = spawnSync('sh', ['-c', 'command -v redis-cli'], { encoding: 'utf8' });
  return (r.stdout || '').trim() || null;
}

/** True when this machine can start a cluster (redis-server and redis-cli are installed). */
function canStartTopologies() {
  return Boolean(findRedisServer() && findRedisCli());
}

function cli(port, ...args) {
  const r = spawnSync(findRedisCli(), ['-h', '127.0.0.1', '-p', String(port), ...args], {
    encoding: 'utf8',
    timeout: 10_000,
  });
  return (r.stdout || '') + (r.stderr || '');
}

/** The same, without blocking the event loop (for tests whose gateways run in this process). */
function cliAsync(port, ...args) {
  return new Promise((resolve) => {
    execFile(
      findRedisCli(),
      ['-h', '127.0.0.1', '-p', String(port), ...args],
      { encoding: 'utf8', timeout: 10_000 },
      (_err, stdout, stderr) => resolve((stdout || '') + (stderr || '')),
    );
  });
}

const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

async function waitUntil(what, check, timeoutMs = 20_000) {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (await check()) return;
    await sleep(100);
  }
  throw new Error(`timed out waiting for ${what}`);
}

async function distinctFreePorts(n) {
  const ports = new Set();
  while (ports.size < n) ports.add(await freePort());
  return [...ports];
}

function spawnNode(args, cwd) {
  const child = spawn(findRedisServer(), args, { cwd, stdio: 'ignore', detached: true });
  child.unref();
  return child.pid;
}

function killAll(pids) {
  for (const pid of pids) {
    try {
      process.kill(pid, 'SIGKILL');
    } catch {
      /* already stopped */
    }
  }
}

const BASE_ARGS = ['--bind', '127.0.0.1', '--save', '', '--appendonly', 'no', '--protected-mode', 'yes'];

/**
 * Starts `masters` masters with `replicas` replicas each as one Redis Cluster, and waits until every node
 * reports cluster_state:ok. Returns { url: 'redis-cluster://…', ports, masterPorts, pids, dir, stop() }.
 */
async function startCluster({ masters = 3, replicas = 0 } = {}) {
  if (!canStartTopologies()) throw new Error('redis-server and redis-cli are needed for a cluster');
  const count = masters * (replicas + 1);
  const all = await distinctFreePorts(count * 2);
  const ports = all.slice(0, count);
  const busPorts = all.slice(count);
  const dir = mkdtempSync(join(tmpdir(), 'bgw-cluster-'));
  const pids = [];
  const stop = () => {
    killAll(pids);
    rmSync(dir, { recursive: true, force: true });
  };
  try {
    ports.forEach((port, i) => {
      const nodeDir = join(dir, String(port));
      mkdirSync(nodeDir);
      pids.push(
        spawnNode(
          [
            '--port',
            String(port),
            '--cluster-enabled',
            'yes',
            '--cluster-port',
            String(busPorts[i]),
            '--cluster-config-file',
            'nodes.conf',
            '--cluster-node-timeout',
            '2000',
            ...BASE_ARGS,
          ],
          nodeDir,
        ),
      );
    });
    for (const port of ports) await waitUntil(`redis node ${port}`, () => ping('127.0.0.1', port));
    const out = spawnSync(
      findRedisCli(),
      [
        '--cluster',
        'create',
        ...ports.map((p) => `127.0.0.1:${p}`),
        '--cluster-replicas',
        String(replicas),
        '--cluster-yes',
      ],
      { encoding: 'utf8', timeout: 30_000 },
    );
    if (out.status !== 0) throw new Error(`redis-cli --cluster create failed: ${out.stdout}${out.stderr}`);
    await waitUntil('cluster_state:ok on every node', () =>
      ports.every((p) => cli(p, 'cluster', 'info').includes('cluster_state:ok')),
    );
    // Every node must also agree on the replicas before a failover test can rely on them.
    if (replicas > 0)
      await waitUntil('replicas in sync', () =>
        ports.every((p) => {
          const info = cli(p, 'info', 'replication');
          return info.includes('role:master')
            ? info.includes(`connected_slaves:${replicas}`)
            : info.includes('master_link_status:up');
        }),
      );
    const masterPorts = ports.filter((p) => cli(p, 'info', 'replication').includes('role:master'));
    return {
      url: `redis-cluster://${ports.map((p) => `127.0.0.1:${p}`).join(',')}`,
      ports,
      masterPorts,
      pids,
      dir,
      stop,
    };
  } catch (e) {
    stop();
    throw e;
  }
}

/**
 * Starts a Sentinel set on loopback: one master, one replica and one sentinel (quorum 1) watching "mymaster".
 * Returns { url: 'redis-sentinel://…/mymaster', masterPort, replicaPort, sentinelPort, pids, dir, stop() }.
 */
async function startSentinelSet({ name = 'mymaster' } = {}) {
  if (!findRedisServer()) throw new Error('redis-server is needed for a sentinel set');
  const [masterPort, replicaPort, sentinelPort] = await distinctFreePorts(3);
  const dir = mkdtempSync(join(tmpdir(), 'bgw-sentinel-'));
  const pids = [];
  const stop = () => {
    killAll(pids);
    rmSync(dir, { recursive: true, force: true });
  };
  try {
    pids.push(spawnNode(['--port', String(masterPort), ...BASE_ARGS], dir));
    pids.push(
      spawnNode(
        ['--port', String(replicaPort), '--replicaof', '127.0.0.1', String(masterPort), ...BASE_ARGS],
        dir,
      ),
    );
    await waitUntil('replica in sync', () =>
      cli(replicaPort, 'info', 'replication').includes('master_link_status:up'),
    );
    const conf = join(dir, 'sentinel.conf');
    writeFileSync(
      conf,
      [
        `port ${sentinelPort}`,
        'bind 127.0.0.1',
        `dir ${dir}`,
        `sentinel monitor ${name} 127.0.0.1 ${masterPort} 1`,
        `sentinel down-after-milliseconds ${name} 1000`,
        `sentinel failover-timeout ${name} 5000`,
        '',
      ].join('\n'),
    );
    pids.push(spawnNode([conf, '--sentinel'], dir));
    await waitUntil('sentinel sees the replica', () =>
      cli(sentinelPort, 'sentinel', 'replicas', name).includes(String(replicaPort)),
    );
    return {
      url: `redis-sentinel://127.0.0.1:${sentinelPort}/${name}`,
      name,
      masterPort,
      replicaPort,
      sentinelPort,
      pids,
      dir,
      stop,
    };
  } catch (e) {
    stop();
    throw e;
  }
}

module.exports = { canStartTopologies, startCluster, startSentinelSet, cli, cliAsync, waitUntil };
