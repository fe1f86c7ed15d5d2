// Shared by jest's global setup/teardown and .ci/run: find or start a real Redis for the tests.
const net = require('node:net');
const { spawn, spawnSync } = require('node:child_process');

function ping(host, port, timeoutMs = 500) {
  return new Promise((resolve) => {
    const socket = net.connect({ host, port });
    const done = (ok) => {
      socket.destroy();
      resolve(ok);
    };
    socket.setTimeout(timeoutMs, () => done(false));
    socket.once('error', () => done(false));
    socket.once('connect', () => socket.write('PING\r\n'));
    socket.once('data', (buf) => done(buf.toString().startsWith('+PONG')));
  });
}

function freePort() {
  return new Promise((resolve, reject) => {
    const srv = net.createServer();
    srv.listen(0, '127.0.0.1', () => {
      const { port } = srv.address();
      srv.close(() => resolve(port));
    });
    srv.once('error', reject);
  });
}

function findRedisServer() {
  const r = spawnSync('sh', ['-c', 'command -v redis-server'], { encoding: 'utf8' });
  const p = (r.stdout || '').trim();
  return p || null;
}

async function startRedisServer(port) {
  const bin = findRedisServer();
  if (!bin) return null;
  const child = spawn(
    bin,
    [
      '--port',
      String(port),
      '--bind',
      '127.0.0.1',
      '--save',
      '',
      '--appendonly',
      'no',
      '--protected-mode',
      'yes',
    ],
    { stdio: 'ignore', detached: true },
  );
  child.unref();
  const deadline = Date.now() + 5000;
  while (Date.now() < deadline) {
    if (await ping('127.0.0.1', port)) return child.pid;
    await new Promise((r) => setTimeout(r, 50));
  }
  try {
    process.kill(child.pid);
  } catch {
    /* already gone */
  }
  return null;
}

module.exports = { ping, freePort, findRedisServer, startRedisServer };
