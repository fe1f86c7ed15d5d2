module.exports = async function globalTeardown() {
  const pid = process.env.TEST_REDIS_PID;
  if (pid) {
    try {
      process.kill(Number(pid), 'SIGTERM');
    } catch {
      /* already stopped */
    }
  }
};
