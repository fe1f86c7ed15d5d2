// Jest global setup: the tests need a real Redis. Use TEST_REDIS_URL if given, else 127.0.0.1:6379 if it
// answers, else start a private redis-server on a free loopback port (stopped in global teardown).
const { ping, freePort, findRedisServer, startRedisServer } = require('./redis-probe');

module.exports = async function globalSetup() {
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
};
