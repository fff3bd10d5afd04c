// Starts the real API (dotnet run, embedded SQLite, WeChat emulator, demo data) and talks to it over HTTP.
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

export const repoRoot = resolve(import.meta.dirname, '..', '..', '..');

function freePort() {
  return new Promise((ok, fail) => {
    const server = createServer();
    server.once('error', fail);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      server.close(() => ok(port));
    });
  });
}

export async function startApi() {
  const port = await freePort();
  const dir = mkdtempSync(join(tmpdir(), 'sb-screen-'));
  const base = `http://127.0.0.1:${port}`;
  const child = spawn('dotnet', ['run', '--project', 'Api', '--no-launch-profile'], {
    cwd: repoRoot,
    detached: true, // its own process group, so the app dotnet run starts is stopped with it
    stdio: ['ignore', 'pipe', 'pipe'],
    env: {
      ...process.env,
      ASPNETCORE_ENVIRONMENT: 'Development',
      ASPNETCORE_URLS: base,
      ConnectionStrings__Default: `Data Source=${join(dir, 'screen.db')}`,
      DemoData__Enabled: 'true',
      Media__Folder: join(dir, 'media'),
      DOTNET_CLI_TELEMETRY_OPTOUT: '1',
      DOTNET_NOLOGO: '1',
    },
  });
  let log = '';
  const keep = (chunk) => { log = (log + chunk.toString()).slice(-20000); };
  child.stdout.on('data', keep);
  child.stderr.on('data', keep);
  let exited = null;
  child.on('exit', (code) => { exited = code; });

  // The first dotnet run may have to build, which takes minutes on a busy 2-core machine.
  const deadline = Date.now() + (Number(process.env.SCREEN_API_START_SECONDS) || 600) * 1000;
  for (;;) {
    if (exited !== null) throw new Error(`the API exited with ${exited}:\n${log}`);
    try {
      const response = await fetch(`${base}/health/live`);
      if (response.ok) break;
    } catch { /* not listening yet */ }
    if (Date.now() > deadline) {
      stop(child);
      throw new Error(`the API did not start in time:\n${log}`);
    }
    await new Promise((r) => setTimeout(r, 500));
  }

  return {
    base,
    log: () => log,
    async stop() {
      await stop(child);
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

function stop(child) {
  return new Promise((ok) => {
    if (child.exitCode !== null) { ok(); return; }
    const timer = setTimeout(() => { try { process.kill(-child.pid, 'SIGKILL'); } catch { /* gone */ } }, 10_000);
    child.once('exit', () => { clearTimeout(timer); ok(); });
    try { process.kill(-child.pid, 'SIGTERM'); } catch { clearTimeout(timer); ok(); }
  });
}

/** A signed-in caller: json(method, path, body) → { status, body }. */
export async function signIn(base, code) {
  const response = await fetch(`${base}/api/auth/wechat-login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ code }),
  });
  if (!response.ok) throw new Error(`sign-in ${code}: ${response.status} ${await response.text()}`);
  const { token, member } = await response.json();
  const call = async (method, path, body) => {
    const init = { method, headers: { authorization: `Bearer ${token}` } };
    if (body instanceof FormData) init.body = body;
    else if (body !== undefined) {
      init.headers['content-type'] = 'application/json';
      init.body = JSON.stringify(body);
    }
    const r = await fetch(`${base}${path}`, init);
    const text = await r.text();
    let parsed = text;
    try { parsed = text ? JSON.parse(text) : null; } catch { /* not JSON */ }
    return { status: r.status, body: parsed };
  };
  return { member, call };
}

/** Fails with the response when the status is not the expected one. */
export function expectStatus(result, status, what) {
  if (result.status !== status) {
    throw new Error(`${what}: expected ${status}, got ${result.status}: ${JSON.stringify(result.body)}`);
  }
  return result.body;
}
