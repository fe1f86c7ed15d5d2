// Global setup of the `cluster` jest project: the single Redis (some helpers still need it) and the cluster.
const single = require('./global-setup');

module.exports = async function clusterSetup() {
  await single();
  await single.clusterRedis();
};
