// Proves the Dockerfile builds and its runtime image starts, without a Docker engine.
//
//   node scripts/docker-context-check.mjs [context-dir] [--keep]
//
// Parses the Dockerfile's stages and replays the ones the default (last) target needs in a temp
// folder: each stage is a folder standing for its filesystem root, COPY copies exactly what it
// names from the build context (minus .dockerignore) or from another stage, RUN runs the commands
// this script knows (anything else fails the check rather than being skipped). Stages on other
// base images (the nginx `proxy`) are not run, but their COPY sources must exist. Then it starts
// the runtime stage's CMD as SERVICE=demand-service (as an unprivileged user when run as root, like
// `USER node`) against external PostgreSQL/Meilisearch, asserts /health/ready and the HEALTHCHECK,
// runs the ops CLI (`migrate`) with production dependencies only, and deletes the temp folder.
// PostgreSQL/Meilisearch: DATABASE_URL + MEILI_URL + MEILI_MASTER_KEY when set, else embedded ones
// started from the build stage's own output. Not emulated: the base image itself (this machine's
// Node runs the code), file ownership, EXPOSE.
import { execFileSync, spawn } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { chmod, cp, mkdir, mkdtemp, rm, stat } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { freePort } from './free-port.mjs';

const args = process.argv.slice(2);
const keep = args.includes('--keep');
const context = path.resolve(args.find((a) => !a.startsWith('--')) ?? '.');
const SMOKE_SERVICE = 'demand-service';
const started = Date.now();
const log = (message) =>
  console.log(`[docker-context-check +${((Date.now() - started) / 1000).toFixed(0)}s] ${message}`);

// --- Dockerfile --------------------------------------------------------------------------------

function parseDockerfile(text) {
  const lines = text.split('\n').filter((line) => !/^\s*#/.test(line));
  const instructions = [];
  let current = '';
  for (const line of lines) {
    if (line.trimEnd().endsWith('\\')) current += `${line.trimEnd().slice(0, -1)} `;
    else if ((current + line).trim()) {
      instructions.push((current + line).trim());
      current = '';
    }
  }
  const stages = [];
  for (const instruction of instructions) {
    const [, keyword, rest] = /^(\S+)\s*(.*)$/s.exec(instruction);
    const op = keyword.toUpperCase();
    if (op === 'FROM') {
      const [, image, name] = /^(\S+)(?:\s+AS\s+(\S+))?$/i.exec(rest);
      stages.push({ name: name ?? String(stages.length), image, steps: [] });
    } else if (stages.length > 0) stages.at(-1).steps.push({ op, rest });
  }
  return stages;
}

// --- .dockerignore (Go filepath.Match against context-relative paths, `**` any depth, `!` re-includes)

function dockerignore(dir) {
  const file = path.join(dir, '.dockerignore');
  const rules = existsSync(file)
    ? readFileSync(file, 'utf8')
        .split('\n')
        .map((line) => line.trim())
        .filter((line) => line && !line.startsWith('#'))
        .map((line) => {
          const negate = line.startsWith('!');
          const pattern = path.posix.normalize((negate ? line.slice(1) : line).replace(/^\/+/, ''));
          const source = pattern
            .split('/')
            .map((part) =>
              part === '**'
                ? '.*'
                : part
                    .replace(/[.+^${}()|[\]\\]/g, '\\$&')
                    .replace(/\*/g, '[^/]*')
                    .replace(/\?/g, '[^/]'),
            )
            .join('/');
          return { negate, regex: new RegExp(`^${source}$`) };
        })
    : [];
  // A path is excluded when it or one of its parents matches the last applicable rule.
  return (relative) => {
    const parts = relative.split('/');
    let excluded = false;
    for (let i = 1; i <= parts.length; i += 1) {
      const prefix = parts.slice(0, i).join('/');
      for (const rule of rules) if (rule.regex.test(prefix)) excluded = !rule.negate;
    }
    return excluded;
  };
}

// --- stages --------------------------------------------------------------------------------------

const substitute = (text, vars) => text.replace(/\$\{(\w+)\}|\$(\w+)/g, (_, a, b) => vars[a ?? b] ?? '');

/** `KEY=value KEY2="v 2"` pairs of ENV/ARG. */
function assignments(rest, vars) {
  const pairs = {};
  for (const match of rest.matchAll(/(\w+)(?:=("(?:[^"\\]|\\.)*"|\S*))?/g)) {
    const raw = match[2] ?? '';
    pairs[match[1]] = substitute(raw.startsWith('"') ? JSON.parse(raw) : raw, vars);
  }
  return pairs;
}

function splitCopy(rest) {
  const words = rest.split(/\s+/);
  const flags = Object.fromEntries(
    words.filter((w) => w.startsWith('--')).map((w) => w.slice(2).split('=', 2).concat(['']).slice(0, 2)),
  );
  const paths = words.filter((w) => !w.startsWith('--'));
  if (paths.some((p) => /[*?[]/.test(p))) throw new Error(`COPY with a wildcard is not supported here: COPY ${rest}`);
  return { flags, sources: paths.slice(0, -1), dest: paths.at(-1) };
}

async function copyFromContext(source, target, ignored) {
  const normalized = path.posix.normalize(source).replace(/\/$/, '');
  const relative = normalized === '.' ? '' : normalized;
  const from = path.join(context, relative);
  if (relative.startsWith('..')) throw new Error(`COPY source outside the context: ${source}`);
  if (ignored(relative) || !existsSync(from)) throw new Error(`COPY ${source}: not in the build context`);
  await cp(from, target, {
    recursive: true,
    filter: (file) => !ignored(path.relative(context, file).split(path.sep).join('/')),
  });
}

/** Docker's COPY: a directory's contents into dest, a file into dest (or dest/ when dest ends with /). */
async function runCopy(stage, step, ignored, built) {
  const { flags, sources, dest } = splitCopy(step.rest);
  const destination = path.join(stage.root, path.posix.isAbsolute(dest) ? dest : path.posix.join(stage.workdir, dest));
  for (const source of sources) {
    const intoDir = dest.endsWith('/') || sources.length > 1;
    if (flags.from) {
      const from = built.get(flags.from);
      if (!from) throw new Error(`COPY --from=${flags.from}: no such stage`);
      const origin = path.join(
        from.root,
        path.posix.isAbsolute(source) ? source : path.posix.join(from.workdir, source),
      );
      if (!existsSync(origin)) throw new Error(`COPY --from=${flags.from} ${source}: missing in that stage`);
      const isDir = (await stat(origin)).isDirectory();
      const target = isDir || !intoDir ? destination : path.join(destination, path.basename(source));
      await mkdir(path.dirname(target), { recursive: true });
      // cp(1): fs.cp takes several times longer on a node_modules folder.
      execFileSync('cp', ['-a', '-T', origin, target]);
    } else {
      const isDir = (await stat(path.join(context, source)).catch(() => null))?.isDirectory() ?? false;
      await copyFromContext(
        source,
        isDir || !intoDir ? destination : path.join(destination, path.basename(source)),
        ignored,
      );
    }
  }
}

/** The RUN commands this check can reproduce; `npm cache clean` is skipped (it would empty the local cache). */
function runShell(stage, command) {
  const cwd = path.join(stage.root, stage.workdir);
  for (const part of command.split('&&').map((p) => p.trim())) {
    const words = part.split(/\s+/);
    if (/^npm install -g npm@\S+$/.test(part)) {
      const wanted = words[3].slice(4);
      const local = execFileSync('npm', ['--version'], { encoding: 'utf8' }).trim();
      if (local !== wanted) throw new Error(`the image uses npm ${wanted}; this machine has npm ${local}`);
      log(`${stage.name}: npm ${wanted} (the machine's own)`);
    } else if (part === 'npm cache clean --force') {
      log(`${stage.name}: skipped "${part}"`);
    } else if (words[0] === 'npm' && (words[1] === 'ci' || words[1] === 'run')) {
      // --prefer-offline: the local npm cache makes two installs take about two minutes, not five.
      const extra = words[1] === 'ci' ? ['--prefer-offline', '--no-audit', '--no-fund'] : [];
      log(`${stage.name}: RUN ${part}`);
      execFileSync('npm', [...words.slice(1), ...extra], {
        cwd,
        stdio: 'inherit',
        env: { PATH: process.env.PATH, HOME: process.env.HOME, ...stage.env },
      });
    } else throw new Error(`RUN "${part}" is not something this check knows how to reproduce; teach it`);
  }
}

async function buildStages(stages, workspace) {
  const ignored = dockerignore(context);
  const byName = new Map(stages.map((s) => [s.name, s]));
  // Only what the default (last) target needs, plus other images' stages to check their COPY sources.
  const needed = new Set();
  const need = (stage) => {
    if (needed.has(stage.name)) return;
    if (byName.has(stage.image)) need(byName.get(stage.image));
    for (const step of stage.steps) {
      const from = step.op === 'COPY' && splitCopy(step.rest).flags.from;
      if (from) need(byName.get(from));
    }
    needed.add(stage.name);
  };
  need(stages.at(-1));
  for (const stage of stages) if (!byName.has(stage.image) && !stage.image.startsWith('node:')) need(stage);

  const built = new Map();
  for (const stage of stages.filter((s) => needed.has(s.name))) {
    const parent = built.get(stage.image);
    const state = {
      name: stage.name,
      root: path.join(workspace, stage.name),
      workdir: parent?.workdir ?? '/',
      env: { ...(parent?.env ?? {}) },
      cmd: parent?.cmd,
      healthcheck: parent?.healthcheck,
    };
    const foreign = !parent && !stage.image.startsWith('node:');
    await mkdir(state.root, { recursive: true });
    if (parent) await cp(parent.root, state.root, { recursive: true });
    for (const step of stage.steps) {
      if (step.op === 'WORKDIR') state.workdir = path.posix.resolve(state.workdir, step.rest);
      else if (step.op === 'ENV' || step.op === 'ARG') Object.assign(state.env, assignments(step.rest, state.env));
      else if (step.op === 'COPY') await runCopy(state, step, ignored, built);
      else if (step.op === 'RUN') {
        if (foreign) throw new Error(`${stage.name}: RUN on ${stage.image} cannot be reproduced here`);
        runShell(state, step.rest);
      } else if (step.op === 'CMD') state.cmd = JSON.parse(step.rest);
      // Shell form (`HEALTHCHECK --interval=… CMD node -e "…"`), which Docker runs with sh -c.
      else if (step.op === 'HEALTHCHECK') state.healthcheck = step.rest.replace(/^.*?\bCMD\s+/s, '');
    }
    await mkdir(path.join(state.root, state.workdir), { recursive: true });
    log(`stage ${stage.name} (${stage.image}) done${foreign ? ': COPY sources checked, nothing run' : ''}`);
    built.set(stage.name, state);
  }
  return built;
}

// --- smoke start ---------------------------------------------------------------------------------

async function externalServers(buildStage, workspace) {
  if (process.env.DATABASE_URL && process.env.MEILI_URL && process.env.MEILI_MASTER_KEY) {
    log('using DATABASE_URL and MEILI_URL from the environment');
    return {
      databaseUrl: process.env.DATABASE_URL,
      meiliUrl: process.env.MEILI_URL,
      meiliKey: process.env.MEILI_MASTER_KEY,
      stop: async () => undefined,
    };
  }
  // The build stage has every dependency (the servers' binaries too) and the compiled runtime code.
  const app = path.join(buildStage.root, buildStage.workdir);
  const load = createRequire(path.join(app, 'package.json'));
  const { startEmbeddedPostgres } = load('./dist/libs/platform/src/runtime/embedded-postgres.js');
  const { startEmbeddedMeili } = load('./dist/libs/platform/src/runtime/embedded-meilisearch.js');
  const servers = path.join(workspace, 'servers');
  const meiliKey = 'docker-context-check-master-key';
  const [pg, meili] = await Promise.allSettled([
    (async () =>
      startEmbeddedPostgres({
        dataDir: path.join(servers, 'postgres'),
        port: await freePort(),
        database: 'jiebang',
        ephemeral: true,
      }))(),
    (async () =>
      startEmbeddedMeili({ dataDir: path.join(servers, 'meili'), port: await freePort(), masterKey: meiliKey }))(),
  ]);
  const stop = () => Promise.allSettled([pg.value?.stop(), meili.value?.stop()]);
  if (pg.status === 'rejected' || meili.status === 'rejected') {
    await stop();
    throw pg.reason ?? meili.reason;
  }
  log('embedded PostgreSQL and Meilisearch started');
  return { databaseUrl: pg.value.url, meiliUrl: meili.value.url, meiliKey, stop };
}

/** Runs a command in the runtime folder as `USER node` would: unprivileged when we are root. */
function runInImage(runtime, argv, env) {
  const asRoot = process.getuid?.() === 0;
  const child = spawn(argv[0], argv.slice(1), {
    cwd: path.join(runtime.root, runtime.workdir),
    env: { PATH: process.env.PATH, ...runtime.env, ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
    ...(asRoot ? { uid: 65534, gid: 65534 } : {}),
  });
  let output = '';
  child.stdout.on('data', (chunk) => (output += chunk));
  child.stderr.on('data', (chunk) => (output += chunk));
  const exited = new Promise((resolve) => child.once('exit', (code) => resolve(code)));
  return { child, exited, output: () => output };
}

async function waitReady(url, process, timeoutMs) {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (process.child.exitCode !== null)
      throw new Error(`the service exited (${process.child.exitCode}):\n${process.output()}`);
    const status = await fetch(url, { signal: AbortSignal.timeout(2000) }).then(
      (r) => r.status,
      () => 0,
    );
    if (status === 200) return;
    await new Promise((resolve) => setTimeout(resolve, 500));
  }
  throw new Error(`${url} not ready within ${timeoutMs / 1000} s:\n${process.output()}`);
}

async function smoke(runtime, build, workspace) {
  const servers = await externalServers(build, workspace);
  try {
    const port = await freePort();
    const env = {
      SERVICE: SMOKE_SERVICE,
      PORT: String(port),
      DATABASE_URL: servers.databaseUrl,
      MEILI_URL: servers.meiliUrl,
      MEILI_MASTER_KEY: servers.meiliKey,
      JWT_SECRET: 'docker-context-check-jwt-secret-0123456789',
      LOG_FORMAT: 'json',
    };
    const migrate = runInImage(runtime, ['node', 'dist/apps/marketplace/src/cli.js', 'migrate'], env);
    if ((await migrate.exited) !== 0) throw new Error(`cli.js migrate failed:\n${migrate.output()}`);
    log('ops CLI: node dist/apps/marketplace/src/cli.js migrate succeeded with production dependencies');
    const service = runInImage(runtime, runtime.cmd, env);
    try {
      await waitReady(`http://127.0.0.1:${port}/health/ready`, service, 60_000);
      log(`CMD ${JSON.stringify(runtime.cmd)} with SERVICE=${SMOKE_SERVICE}: /health/ready answered 200`);
      if (runtime.healthcheck) {
        const check = runInImage(runtime, ['sh', '-c', runtime.healthcheck], env);
        if ((await check.exited) !== 0) throw new Error(`HEALTHCHECK failed:\n${check.output()}`);
        log('HEALTHCHECK passed');
      }
    } finally {
      if (service.child.exitCode === null) service.child.kill('SIGTERM');
    }
    const code = await service.exited;
    if (code !== 0) throw new Error(`the service stopped with ${code} on SIGTERM:\n${service.output()}`);
  } finally {
    await servers.stop();
  }
}

// --- main ----------------------------------------------------------------------------------------

const workspace = await mkdtemp(path.join(tmpdir(), 'jiebang-docker-context-'));
// An unprivileged smoke user must be able to enter it (mkdtemp makes it 0700).
await chmod(workspace, 0o755);
try {
  const stages = parseDockerfile(readFileSync(path.join(context, 'Dockerfile'), 'utf8'));
  const built = await buildStages(stages, workspace);
  const build = built.get('build');
  if (!build) throw new Error('the Dockerfile has no `build` stage to take the embedded servers from');
  await smoke(built.get(stages.at(-1).name), build, workspace);
  log('OK: the image builds from exactly what its COPY lines name, and starts');
} catch (error) {
  console.error(`[docker-context-check] FAILED: ${error instanceof Error ? error.message : error}`);
  process.exitCode = 1;
} finally {
  if (keep) log(`kept ${workspace}`);
  else await rm(workspace, { recursive: true, force: true });
}
