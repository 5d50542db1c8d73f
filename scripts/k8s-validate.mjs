// Renders the Kubernetes manifests with `kubectl kustomize` and checks every object against the
// Kubernetes OpenAPI schemas (kubernetes-models), then the house rules: resources, probes and a
// non-root, read-only container everywhere, an HPA and a PDB for every Deployment, no Secret.
//
//   node scripts/k8s-validate.mjs [kustomization dir …]   default: the base and every overlay
//   node scripts/k8s-validate.mjs --self-test             proves each check fails on a broken copy
import { execFileSync } from 'node:child_process';
import { readdirSync } from 'node:fs';
import path from 'node:path';
import { parseAllDocuments } from 'yaml';

const ROOT = 'deploy/kubernetes';
const TARGETS = [
  path.join(ROOT, 'base'),
  ...readdirSync(path.join(ROOT, 'overlays')).map((name) => path.join(ROOT, 'overlays', name)),
];

function render(dir) {
  const text = execFileSync('kubectl', ['kustomize', dir], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
  return parseAllDocuments(text).map((doc) => {
    if (doc.errors.length > 0) throw new Error(`${dir}: ${doc.errors[0].message}`);
    return doc.toJS();
  });
}

const name = (object) => `${object?.kind ?? '?'}/${object?.metadata?.name ?? '?'}`;

/** The kubernetes-models class for an object's apiVersion and kind, or undefined for an unknown kind. */
async function modelFor({ apiVersion, kind }) {
  if (typeof apiVersion !== 'string' || typeof kind !== 'string' || !/^[A-Z][A-Za-z0-9]*$/.test(kind)) return undefined;
  const [group, version] = apiVersion.includes('/') ? apiVersion.split('/') : [undefined, apiVersion];
  const specifier = group ? `kubernetes-models/${group}/${version}/${kind}` : `kubernetes-models/${version}/${kind}`;
  try {
    const model = (await import(specifier))[kind];
    // Only top-level resources carry apiVersion and kind; nested types (e.g. v1/Container) do not.
    return model?.apiVersion === apiVersion && model.kind === kind ? model : undefined;
  } catch {
    return undefined;
  }
}

async function schemaErrors(objects) {
  const errors = [];
  for (const object of objects) {
    const Model = await modelFor(object ?? {});
    if (!Model) {
      errors.push(`${name(object)}: unknown kind ${object?.apiVersion}/${object?.kind}`);
      continue;
    }
    try {
      new Model(object).validate();
    } catch (error) {
      errors.push(`${name(object)}: ${error.message}`);
    }
  }
  return errors;
}

const matches = (selector, labels) =>
  Object.entries(selector ?? {}).every(([key, value]) => labels?.[key] === value) &&
  Object.keys(selector ?? {}).length > 0;

function containerErrors(owner, podSpec, { needsProbes }) {
  const errors = [];
  const pod = podSpec?.securityContext ?? {};
  for (const container of [...(podSpec?.initContainers ?? []), ...(podSpec?.containers ?? [])]) {
    const where = `${owner} container ${container.name}`;
    for (const kind of ['requests', 'limits'])
      for (const resource of ['cpu', 'memory'])
        if (container.resources?.[kind]?.[resource] === undefined) errors.push(`${where}: no ${resource} ${kind}`);
    const security = container.securityContext ?? {};
    if ((security.runAsNonRoot ?? pod.runAsNonRoot) !== true) errors.push(`${where}: runAsNonRoot is not true`);
    if (security.readOnlyRootFilesystem !== true) errors.push(`${where}: readOnlyRootFilesystem is not true`);
    if (security.allowPrivilegeEscalation !== false) errors.push(`${where}: allowPrivilegeEscalation is not false`);
    if (needsProbes && !(podSpec.initContainers ?? []).includes(container))
      for (const probe of ['startupProbe', 'livenessProbe', 'readinessProbe'])
        if (!container[probe]) errors.push(`${where}: no ${probe}`);
  }
  return errors;
}

/** The house rules the schemas cannot express. */
function houseErrors(objects) {
  const errors = [];
  const ofKind = (kind) => objects.filter((object) => object?.kind === kind);
  const deployments = ofKind('Deployment');
  for (const secret of ofKind('Secret'))
    errors.push(`${name(secret)}: Secrets are created out of band, never rendered from the repository`);
  for (const job of ofKind('Job'))
    errors.push(...containerErrors(name(job), job.spec?.template?.spec, { needsProbes: false }));
  for (const deployment of deployments) {
    const id = deployment.metadata?.name;
    const labels = deployment.spec?.template?.metadata?.labels;
    errors.push(...containerErrors(name(deployment), deployment.spec?.template?.spec, { needsProbes: true }));
    if (!((deployment.spec?.replicas ?? 1) >= 2)) errors.push(`${name(deployment)}: fewer than 2 replicas`);
    const hpa = ofKind('HorizontalPodAutoscaler').find(
      (h) => h.spec?.scaleTargetRef?.kind === 'Deployment' && h.spec.scaleTargetRef.name === id,
    );
    if (!hpa) errors.push(`${name(deployment)}: no HorizontalPodAutoscaler`);
    else if (!(hpa.spec.minReplicas >= 2)) errors.push(`${name(hpa)}: minReplicas below 2`);
    if (!ofKind('PodDisruptionBudget').some((pdb) => matches(pdb.spec?.selector?.matchLabels, labels)))
      errors.push(`${name(deployment)}: no PodDisruptionBudget selects its pods`);
  }
  for (const service of ofKind('Service'))
    if (!deployments.some((d) => matches(service.spec?.selector, d.spec?.template?.metadata?.labels)))
      errors.push(`${name(service)}: its selector matches no Deployment's pods`);
  return errors;
}

const validate = async (objects) => [...(await schemaErrors(objects)), ...houseErrors(objects)];

/** Each mutation breaks one rule on a copy of the base; the validator must report it. */
const BREAKAGES = {
  'schema: image is a number': (objects) => {
    objects.find((o) => o.kind === 'Deployment').spec.template.spec.containers[0].image = 5;
  },
  'schema: HPA without scaleTargetRef': (objects) => {
    delete objects.find((o) => o.kind === 'HorizontalPodAutoscaler').spec.scaleTargetRef;
  },
  'unknown kind': (objects) => {
    objects.push({ apiVersion: 'v1', kind: 'Frobnicator', metadata: { name: 'x' } });
  },
  'no memory limit': (objects) => {
    delete objects.find((o) => o.kind === 'Deployment').spec.template.spec.containers[0].resources.limits.memory;
  },
  'no readiness probe': (objects) => {
    delete objects.find((o) => o.kind === 'Deployment').spec.template.spec.containers[0].readinessProbe;
  },
  'runs as root': (objects) => {
    const spec = objects.find((o) => o.kind === 'Deployment').spec.template.spec;
    spec.securityContext.runAsNonRoot = false;
    delete spec.containers[0].securityContext.runAsNonRoot;
  },
  'no PodDisruptionBudget': (objects) => {
    objects.splice(
      objects.findIndex((o) => o.kind === 'PodDisruptionBudget'),
      1,
    );
  },
  'a Secret rendered': (objects) => {
    objects.push({ apiVersion: 'v1', kind: 'Secret', metadata: { name: 's' }, stringData: { A: 'b' } });
  },
};

async function selfTest() {
  const pristine = render(path.join(ROOT, 'base'));
  const clean = await validate(structuredClone(pristine));
  if (clean.length > 0) throw new Error(`the base itself is invalid:\n  ${clean.join('\n  ')}`);
  let missed = 0;
  for (const [label, breakIt] of Object.entries(BREAKAGES)) {
    const objects = structuredClone(pristine);
    breakIt(objects);
    const errors = await validate(objects);
    if (errors.length === 0) missed += 1;
    console.log(`${errors.length > 0 ? 'caught' : 'MISSED'}  ${label}${errors.length > 0 ? `: ${errors[0]}` : ''}`);
  }
  if (missed > 0) throw new Error(`${missed} broken manifest(s) passed validation`);
}

async function main() {
  const args = process.argv.slice(2);
  if (args[0] === '--self-test') return selfTest();
  let failed = false;
  for (const dir of args.length > 0 ? args : TARGETS) {
    const objects = render(dir);
    const errors = await validate(objects);
    failed ||= errors.length > 0;
    console.log(`${dir}: ${objects.length} objects, ${errors.length === 0 ? 'valid' : `${errors.length} error(s)`}`);
    for (const error of errors) console.log(`  ${error}`);
  }
  if (failed) process.exitCode = 1;
}

main().catch((error) => {
  console.error(error instanceof Error ? error.message : error);
  process.exitCode = 1;
});
