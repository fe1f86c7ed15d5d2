// Global teardown of both jest projects: stop what global setup started (each once; the second call finds nothing).
const { rmSync } = require('node:fs');

function kill(pid) {
  try {
    process.kill(Number(pid), 'SIGTERM');
  } catch {
    /* already stopped */
  }
}

module.exports = async function globalTeardown() {
  if (process.env.TEST_REDIS_PID) kill(process.env.TEST_REDIS_PID);
  delete process.env.TEST_REDIS_PID;
  for (const pid of (process.env.TEST_REDIS_CLUSTER_PIDS || '').split(',').filter(Boolean)) kill(pid);
  delete process.env.TEST_REDIS_CLUSTER_PIDS;
  if (process.env.TEST_REDIS_CLUSTER_DIR)
    rmSync(process.env.TEST_REDIS_CLUSTER_DIR, { recursive: true, force: true });
  delete process.env.TEST_REDIS_CLUSTER_DIR;
};
