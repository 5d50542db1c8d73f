// Validates deploy/nginx.conf with a real nginx (Debian's nginx-light is enough), no Docker needed:
// `nginx -t`, then a run on a free port whose upstreams are down, asserting the body limits and
// that nginx's own 413/502 answers are problem+json and /api/docs-json is the merged document.
//
//   node scripts/nginx-check.mjs          (needs `nginx` on PATH or in /usr/sbin)
//
// The copy under test differs from the file only where this machine must: compose's service names
// become a closed local port, /usr/share/nginx becomes a temp folder, `listen 80` a free port.
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { chmod, copyFile, mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { freePort } from './free-port.mjs';

const nginx = ['/usr/sbin/nginx', '/usr/bin/nginx'].find((p) => existsSync(p)) ?? 'nginx';

const failures = [];
function check(label, ok, detail = '') {
  console.log(`${ok ? 'ok  ' : 'FAIL'} ${label}${ok ? '' : ` ${detail}`}`);
  if (!ok) failures.push(label);
}

async function expectProblem(label, response, status, code) {
  const body = await response.text();
  let parsed = null;
  try {
    parsed = JSON.parse(body);
  } catch {
    // reported below
  }
  check(
    label,
    response.status === status &&
      response.headers.get('content-type')?.startsWith('application/problem+json') &&
      parsed?.status === status &&
      parsed?.code === code,
    `got ${response.status} ${response.headers.get('content-type')}: ${body.slice(0, 120)}`,
  );
}

const dir = await mkdtemp(path.join(tmpdir(), 'jiebang-nginx-'));
const [port, closed] = [await freePort(), await freePort()];
let started = false;
try {
  // nginx's workers run unprivileged (nobody) when started as root: they read and buffer bodies here.
  await chmod(dir, 0o755);
  await mkdir(path.join(dir, 'share/html/assets'), { recursive: true });
  await writeFile(path.join(dir, 'share/html/index.html'), '<!doctype html><title>揭榜</title>');
  await copyFile('apps/web/src/api/openapi.json', path.join(dir, 'share/openapi.json'));
  const site = (await readFile('deploy/nginx.conf', 'utf8'))
    .replace(/server (demand|search|matching)-service:\d+;/g, `server 127.0.0.1:${closed};`)
    .replaceAll('/usr/share/nginx', path.join(dir, 'share'))
    .replace('listen 80;', `listen 127.0.0.1:${port};`)
    .replaceAll('/var/log/nginx/', `${dir}/`);
  await writeFile(path.join(dir, 'site.conf'), site);
  await writeFile(
    path.join(dir, 'nginx.conf'),
    `pid ${dir}/nginx.pid;\nerror_log ${dir}/error.log;\nevents {}\nhttp {\n  include /etc/nginx/mime.types;\n  client_body_temp_path ${dir}/body;\n  proxy_temp_path ${dir}/proxy;\n  include ${dir}/site.conf;\n}\n`,
  );
  const nginxArgs = ['-p', dir, '-c', path.join(dir, 'nginx.conf')];
  execFileSync(nginx, ['-t', '-q', ...nginxArgs], { stdio: 'inherit' });
  check('nginx -t accepts deploy/nginx.conf', true);
  execFileSync(nginx, nginxArgs);
  started = true;
  const base = `http://127.0.0.1:${port}`;
  const post = (route, bytes) =>
    fetch(`${base}${route}`, {
      method: 'POST',
      headers: { 'content-type': 'application/octet-stream' },
      body: Buffer.alloc(bytes),
    });

  check('/health/live is answered by nginx', (await fetch(`${base}/health/live`)).status === 200);
  await expectProblem(
    'a 3 MiB body to /api/v1/demands gets 413 problem+json',
    await post('/api/v1/demands', 3 << 20),
    413,
    'PAYLOAD_TOO_LARGE',
  );
  // Past nginx's limit check, the import reaches the (down) upstream: 502, not 413.
  await expectProblem(
    'a 10 MiB import passes nginx (then 502: no upstream)',
    await post('/api/v1/demands/import', 10 << 20),
    502,
    'SERVICE_UNAVAILABLE',
  );
  await expectProblem(
    'an import over 11 MiB gets 413',
    await post('/api/v1/demands/import', 12 << 20),
    413,
    'PAYLOAD_TOO_LARGE',
  );
  for (const route of [
    '/api/v1/demands/00000000-0000-4000-8000-000000000001/attachments',
    '/api/v1/bids/00000000-0000-4000-8000-000000000001/attachments',
  ]) {
    await expectProblem(
      `a 20 MiB attachment to ${route} passes nginx`,
      await post(route, 20 << 20),
      502,
      'SERVICE_UNAVAILABLE',
    );
    await expectProblem(
      `an attachment over 21 MiB to ${route} gets 413`,
      await post(route, 22 << 20),
      413,
      'PAYLOAD_TOO_LARGE',
    );
  }
  await expectProblem(
    'a service that is down gives 502 problem+json',
    await fetch(`${base}/api/v1/search?q=x`),
    502,
    'SERVICE_UNAVAILABLE',
  );
  const docs = await fetch(`${base}/api/docs-json`);
  const paths = docs.ok ? Object.keys((await docs.json()).paths) : [];
  check(
    "/api/docs-json is one document with every service's routes",
    ['/api/v1/auth/login', '/api/v1/search/demands', '/api/v1/stats/funnel'].every((p) => paths.includes(p)),
    `status ${docs.status}, ${paths.length} paths`,
  );
  check('a deep link serves the web app', (await fetch(`${base}/hall?industry=x`)).status === 200);
} catch (error) {
  check('nginx runs the configuration', false, error instanceof Error ? error.message : String(error));
} finally {
  if (started) execFileSync(nginx, ['-p', dir, '-c', path.join(dir, 'nginx.conf'), '-s', 'stop']);
  await rm(dir, { recursive: true, force: true });
}
if (failures.length > 0) {
  console.error(`nginx check failed: ${failures.join('; ')}`);
  process.exit(1);
}
