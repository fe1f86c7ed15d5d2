/** Jest runs unit specs beside the code (src/, simulator/) and e2e specs in test/ (project `single`).
 *  globalSetup makes sure a real Redis answers (starting a private redis-server when needed) and, where
 *  redis-server and redis-cli are installed, starts a 3-master Redis Cluster: project `cluster` then runs the
 *  Redis-backed e2e suites a second time against it (`npx jest --selectProjects single` skips that). */
const { canStartTopologies } = require('./test/setup/redis-topologies');

const base = {
  testEnvironment: 'node',
  rootDir: '.',
  transform: { '^.+\\.ts$': ['ts-jest', { isolatedModules: true, tsconfig: 'tsconfig.json' }] },
  moduleFileExtensions: ['ts', 'js', 'json'],
};

const single = {
  ...base,
  displayName: 'single',
  roots: ['<rootDir>/src', '<rootDir>/simulator', '<rootDir>/test'],
  testRegex: '.*\\.(spec|e2e-spec)\\.ts$',
  globalSetup: '<rootDir>/test/setup/global-setup.js',
  globalTeardown: '<rootDir>/test/setup/global-teardown.js',
};

// The suites whose state lives in Redis. Outage suites stop a private single Redis of their own, so a second
// run would test nothing new; the failover tests in test/cluster/ start their own cluster and Sentinel set.
const REDIS_BACKED = [
  'cache',
  'rate-limit',
  'idempotency',
  'audit',
  'subscriptions',
  'response-cache',
  'live',
];
const cluster = {
  ...base,
  displayName: 'cluster',
  roots: ['<rootDir>/test'],
  testRegex: `test/(${REDIS_BACKED.join('|')})/.*\\.e2e-spec\\.ts$`,
  testPathIgnorePatterns: ['/node_modules/', '\\.redis-outage\\.e2e-spec\\.ts$'],
  setupFiles: ['<rootDir>/test/setup/use-cluster.js'],
  globalSetup: '<rootDir>/test/setup/cluster-setup.js',
  globalTeardown: '<rootDir>/test/setup/global-teardown.js',
};

module.exports = {
  projects: canStartTopologies() ? [single, cluster] : [single],
  testTimeout: 60000,
  maxWorkers: 2,
};
