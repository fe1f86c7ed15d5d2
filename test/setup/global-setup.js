// Jest global setup: the tests need a real Redis. Use TEST_REDIS_URL if given, else 127.0.0.1:6379 if it
// answers, else start a private redis-server on a free loopback port (stopped in global teardown).
// Where redis-server and redis-cli are installed it also starts a 3-master Redis Cluster on free loopback
// ports (TEST_REDIS_CLUSTER_URL) for the `cluster` jest project; TEST_REDIS_CLUSTER_URL given from outside wins.
const { ping, freePort, findRedisServer, startRedisServer } = require('./redis-probe');
const { canStartTopologies, startCluster } = require('./redis-topologies');

async function singleRedis() {
  if (process.env.TEST_REDIS_URL) return;
  if (await ping('127.0.0.1', 6379)) {
    process.env.TEST_REDIS_URL = 'redis://127.0.0.1:6379';
    return;
  }
  if (!findRedisServer()) {
    throw new Error(
      'The tests need a real Redis, and none answers on 127.0.0.1:6379 and no redis-server is installed.\n' +
        'Install one (Debian/Ubuntu: apt-get install redis-server; macOS: brew install redis) or set TEST_REDIS_URL.',
    );
  }
  const port = await freePort();
  const pid = await startRedisServer(port);
  if (!pid) throw new Error(`redis-server is installed but did not start on 127.0.0.1:${port}`);
  process.env.TEST_REDIS_URL = `redis://127.0.0.1:${port}`;
  process.env.TEST_REDIS_PID = String(pid);
}

async function clusterRedis() {
  if (process.env.TEST_REDIS_CLUSTER_URL || !canStartTopologies()) return;
  const cluster = await startCluster({ masters: 3 });
  process.env.TEST_REDIS_CLUSTER_URL = cluster.url;
  process.env.TEST_REDIS_CLUSTER_PIDS = cluster.pids.join(',');
  process.env.TEST_REDIS_CLUSTER_DIR = cluster.dir;
  process.stderr.write(
    `\ncluster: ${cluster.masterPorts.length} masters ready on ports ${cluster.ports.join(', ')}\n`,
  );
}

// The single project's global setup; the cluster project's (cluster-setup.js) runs only when a run includes
// one of its suites, so `npx jest src/foo.spec.ts` starts no cluster.
module.exports = async function globalSetup() {
  await singleRedis();
};
module.exports.clusterRedis = clusterRedis;
