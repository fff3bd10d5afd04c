// Starts the real API on its embedded defaults (SQLite in a temp file, WeChat emulator, demo data) for
// the end-to-end tests, and stops it again.
const { spawn } = require('child_process');
const fs = require('fs');
const net = require('net');
const os = require('os');
const path = require('path');

const REPO = path.join(__dirname, '..', '..');

function freePort() {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.unref();
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      server.close(() => resolve(port));
    });
  });
}

async function waitForLive(baseUrl, child, output, timeoutMs) {
  const deadline = Date.now() + timeoutMs;
  let failingSince = null;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error('API exited with code ' + child.exitCode + ':\n' + output.join(''));
    try {
      const res = await fetch(baseUrl + '/health/live');
      if (res.ok) return;
      // Listening but broken (e.g. an endpoint table that cannot be built): no point waiting for the build timeout.
      failingSince = failingSince || Date.now();
      if (Date.now() - failingSince > 30000) throw new Error('API answers /health/live with ' + res.status + ':\n' + output.join('').slice(-4000));
    } catch (e) {
      if (failingSince && Date.now() - failingSince > 30000) throw e;
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 500));
  }
  throw new Error('API did not report /health/live within ' + timeoutMs / 1000 + ' s:\n' + output.join('').slice(-4000));
}

/**
 * → { baseUrl, payEmulatorUrl, pid, dbFile } once /health/live answers. payEmulatorUrl is the embedded WeChat Pay
 * emulator (Infrastructure/WeChatPay/README.md): POST {payEmulatorUrl}/__emulator/pay/{out_trade_no} is the member paying.
 */
async function startApi() {
  const port = await freePort();
  const payPort = await freePort();
  const dbFile = path.join(os.tmpdir(), 'sb-mini-e2e-' + process.pid + '-' + port + '.db');
  const baseUrl = 'http://127.0.0.1:' + port;
  const output = [];
  const child = spawn('dotnet', ['run', '--project', 'Api', '--no-launch-profile'], {
    cwd: REPO,
    detached: true, // own process group, so the API that `dotnet run` starts is stopped with it
    stdio: ['ignore', 'pipe', 'pipe'],
    env: Object.assign({}, process.env, {
      ASPNETCORE_ENVIRONMENT: 'Development',
      ASPNETCORE_URLS: baseUrl,
      ConnectionStrings__Default: 'Data Source=' + dbFile,
      DemoData__Enabled: 'true',
      // Every test phone signs in from this one address: the per-address login limit is for real clients.
      RateLimiting__LoginPermitsPerMinute: '1000',
      WeChatPay__EmulatorPort: String(payPort),
      DOTNET_CLI_TELEMETRY_OPTOUT: '1',
      DOTNET_NOLOGO: '1',
    }),
  });
  const keep = (chunk) => {
    output.push(chunk.toString());
    if (output.length > 400) output.splice(0, output.length - 400);
  };
  child.stdout.on('data', keep);
  child.stderr.on('data', keep);
  try {
    await waitForLive(baseUrl, child, output, 10 * 60 * 1000);
  } catch (err) {
    await stopApi({ pid: child.pid, dbFile });
    throw err;
  }
  child.stdout.removeAllListeners('data');
  child.stderr.removeAllListeners('data');
  child.stdout.resume();
  child.stderr.resume();
  return { baseUrl, payEmulatorUrl: 'http://127.0.0.1:' + payPort, pid: child.pid, dbFile, child };
}

function alive(pid) {
  try {
    process.kill(-pid, 0);
    return true;
  } catch (e) {
    return false;
  }
}

/** Stops the process group started above and removes the database files. */
async function stopApi(server) {
  if (!server) return;
  if (alive(server.pid)) {
    process.kill(-server.pid, 'SIGTERM');
    const deadline = Date.now() + 15000;
    while (alive(server.pid) && Date.now() < deadline) await new Promise((r) => setTimeout(r, 200));
    if (alive(server.pid)) process.kill(-server.pid, 'SIGKILL');
  }
  ['', '-shm', '-wal'].forEach((suffix) => fs.rmSync(server.dbFile + suffix, { force: true }));
}

module.exports = { startApi, stopApi };
