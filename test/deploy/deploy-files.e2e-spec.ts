import { existsSync, readFileSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { parse, parseAllDocuments } from 'yaml';
import { loadConfig } from '../../src/config/app-config';
import { TenantRegistry } from '../../src/tenancy/tenant-registry.service';

/*
 * The deployment files read as the tools would: docker-compose.yml (every file it mounts or builds from is in
 * the repository, the gateway's environment passes the config schema, its tenants file loads) and the
 * Kubernetes base in deploy/kubernetes (rendered the way kustomize does for the fields it uses, each object
 * validated against the Kubernetes API schemas of the kubernetes-models package, and the wiring checked:
 * probes, shutdown timing, selectors, references). Docker and a cluster may not exist where CI runs.
 */

const ROOT = resolve(__dirname, '../..');
type Obj = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any -- YAML documents

const read = (p: string): string => readFileSync(join(ROOT, p), 'utf8');

describe('docker-compose.yml', () => {
  const compose = parse(read('docker-compose.yml')) as { services: Record<string, Obj> };

  it('mounts and builds only from paths that exist in the repository', () => {
    const missing: string[] = [];
    for (const [name, svc] of Object.entries(compose.services)) {
      for (const v of (svc.volumes ?? []) as string[]) {
        const source = v.split(':')[0]!;
        if (source.startsWith('.') && !existsSync(join(ROOT, source))) missing.push(`${name}: ${source}`);
      }
      const ctx = typeof svc.build === 'string' ? svc.build : svc.build?.context;
      if (ctx && !existsSync(join(ROOT, ctx, 'Dockerfile'))) missing.push(`${name}: build ${ctx}`);
    }
    expect(missing).toEqual([]);
  });

  it('runs two gateway replicas behind a load balancer that proxies to them, with Redis and the simulator', () => {
    const { gateway, lb, redis, simulator } = compose.services;
    expect(gateway?.deploy?.replicas).toBe(2);
    expect(redis).toBeDefined();
    expect(simulator).toBeDefined();
    const lbConf = (lb!.volumes as string[]).find((v) => v.includes('/etc/nginx/'))!.split(':')[0]!;
    expect(read(lbConf)).toMatch(/server gateway:4000/);
    expect(lb!.ports).toEqual(['4000:4000']);
  });

  it('gives the gateway an environment the config schema accepts, and a tenants file that loads with it', async () => {
    const env = compose.services.gateway!.environment as Record<string, string>;
    const config = loadConfig(env);
    expect(config.NODE_ENV).toBe('production');
    expect(config.REDIS_URL).toBe('redis://redis:6379');
    // The container path /config/... maps to the mounted directory in the repository.
    const mount = (compose.services.gateway!.volumes as string[]).find((v) => v.split(':')[1] === '/config')!;
    const hostFile = join(ROOT, mount.split(':')[0]!, config.TENANTS_FILE!.replace(/^\/config\//, ''));
    expect(statSync(hostFile).isFile()).toBe(true);
    const registry = await TenantRegistry.fromFile(hostFile, env);
    expect(registry.current().tenants.size).toBeGreaterThan(0);
  });
});

/** kustomize build, for the fields this base uses (anything else fails the test, so it cannot drift). */
function renderKustomization(dir: string): Obj[] {
  const k = parse(read(join(dir, 'kustomization.yaml'))) as Obj;
  const known = [
    'apiVersion',
    'kind',
    'labels',
    'resources',
    'configMapGenerator',
    'generatorOptions',
    'images',
  ];
  expect(Object.keys(k).filter((key) => !known.includes(key))).toEqual([]);
  expect(k.generatorOptions).toEqual({ disableNameSuffixHash: true });
  const objects: Obj[] = (k.resources as string[]).flatMap((f) =>
    parseAllDocuments(read(join(dir, f))).map((d) => d.toJSON() as Obj),
  );
  for (const g of (k.configMapGenerator ?? []) as Obj[])
    objects.push({
      apiVersion: 'v1',
      kind: 'ConfigMap',
      metadata: { name: g.name },
      data: Object.fromEntries((g.files as string[]).map((f) => [f, read(join(dir, f))])),
    });
  const labels = Object.assign({}, ...((k.labels ?? []) as Obj[]).map((l) => l.pairs as Obj)) as Obj;
  for (const o of objects) o.metadata.labels = { ...o.metadata.labels, ...labels };
  for (const img of (k.images ?? []) as Obj[])
    for (const o of objects)
      for (const c of (o.spec?.template?.spec?.containers ?? []) as Obj[])
        if (c.image === img.name) c.image = `${img.newName ?? img.name}:${img.newTag}`;
  return objects;
}

function validateK8s(o: Obj): void {
  const [group, version] = String(o.apiVersion).includes('/')
    ? String(o.apiVersion).split('/')
    : ['', o.apiVersion];
  const modulePath = ['kubernetes-models', ...(group ? [group] : []), version, o.kind].join('/');
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const Model = (require(modulePath) as Record<string, new (x: Obj) => { validate(): void }>)[
    o.kind as string
  ]!;
  new Model(o).validate();
}

describe('deploy/kubernetes (kustomize base)', () => {
  const objects = renderKustomization('deploy/kubernetes');
  const byKind = (kind: string): Obj => {
    const found = objects.filter((o) => o.kind === kind);
    expect(found).toHaveLength(1);
    return found[0]!;
  };
  const deployment = byKind('Deployment');
  const pod = deployment.spec.template.spec as Obj;
  const container = pod.containers[0] as Obj;

  it('validates every object against the Kubernetes API schema', () => {
    expect(objects.map((o) => o.kind).sort()).toEqual([
      'ConfigMap',
      'Deployment',
      'HorizontalPodAutoscaler',
      'PodDisruptionBudget',
      'Service',
    ]);
    for (const o of objects) expect(() => validateK8s(o)).not.toThrow();
    // The schema accepts unknown fields; the ones the wiring relies on are spelled out here.
    expect(Object.keys(container).sort()).toEqual(
      [
        'env',
        'image',
        'imagePullPolicy',
        'lifecycle',
        'livenessProbe',
        'name',
        'ports',
        'readinessProbe',
        'resources',
        'securityContext',
        'startupProbe',
        'volumeMounts',
      ].sort(),
    );
  });

  it('probes readiness and liveness on the health endpoints, on the container port', () => {
    expect(container.readinessProbe.httpGet).toEqual({ path: '/health/ready', port: 'http' });
    expect(container.livenessProbe.httpGet).toEqual({ path: '/health/live', port: 'http' });
    expect(container.ports).toEqual([{ name: 'http', containerPort: 4000 }]);
  });

  it('gives a stopping pod longer than the preStop delay plus SHUTDOWN_GRACE_MS', () => {
    const env = Object.fromEntries(
      (container.env as Obj[]).filter((e) => 'value' in e).map((e) => [e.name, e.value]),
    );
    const graceMs = loadConfig({ ...env, REDIS_URL: 'redis://redis:6379' }).SHUTDOWN_GRACE_MS;
    const preStop = container.lifecycle.preStop.exec.command as string[];
    expect(preStop[0]).toBe('sleep');
    const preStopMs = Number(preStop[1]) * 1000;
    expect(preStopMs).toBeGreaterThan(0);
    expect(pod.terminationGracePeriodSeconds * 1000).toBeGreaterThan(preStopMs + graceMs);
  });

  it('selects its pods from the Service, the PDB and the HPA; rolls without losing capacity', () => {
    const labels = deployment.spec.template.metadata.labels as Obj;
    const matches = (sel: Obj) => Object.entries(sel).every(([k, v]) => labels[k] === v);
    expect(matches(deployment.spec.selector.matchLabels)).toBe(true);
    expect(matches(byKind('Service').spec.selector)).toBe(true);
    expect(byKind('Service').spec.ports[0].targetPort).toBe('http');
    expect(matches(byKind('PodDisruptionBudget').spec.selector.matchLabels)).toBe(true);
    expect(byKind('PodDisruptionBudget').spec.minAvailable).toBeLessThan(
      byKind('HorizontalPodAutoscaler').spec.minReplicas,
    );
    expect(byKind('HorizontalPodAutoscaler').spec.scaleTargetRef).toEqual({
      apiVersion: 'apps/v1',
      kind: 'Deployment',
      name: deployment.metadata.name,
    });
    expect(deployment.spec.strategy.rollingUpdate.maxUnavailable).toBe(0);
  });

  it('mounts the tenants ConfigMap as a whole directory (hot reload) and takes secrets only by reference', async () => {
    const configMap = byKind('ConfigMap');
    const volume = (pod.volumes as Obj[]).find((v) => v.configMap?.name === configMap.metadata.name)!;
    const mount = (container.volumeMounts as Obj[]).find((m) => m.name === volume.name)!;
    expect(mount.subPath).toBeUndefined(); // kubelet never updates a subPath mount
    const env = container.env as Obj[];
    const tenantsFile = env.find((e) => e.name === 'TENANTS_FILE')!.value as string;
    expect(tenantsFile.startsWith(`${mount.mountPath}/`)).toBe(true);
    const key = tenantsFile.slice(mount.mountPath.length + 1);
    expect(Object.keys(configMap.data)).toContain(key);

    // No secret value in the manifests: REDIS_URL and Barrack keys come from a Secret.
    for (const name of ['REDIS_URL', 'BARRACK_KEY_ACME'])
      expect(env.find((e) => e.name === name)!.valueFrom.secretKeyRef.name).toBe('barrack-gateway');
    expect(objects.some((o) => o.kind === 'Secret')).toBe(false);

    // The tenants file in the ConfigMap loads with the environment the pod has (secret values stand in).
    const podEnv = Object.fromEntries(env.map((e) => [e.name, 'value' in e ? e.value : `secret-${e.name}`]));
    const config = loadConfig({ ...podEnv, REDIS_URL: 'redis-cluster://redis-0:6379,redis-1:6379' });
    expect(config.NODE_ENV).toBe('production');
    const registry = await TenantRegistry.fromFile(join(ROOT, 'deploy/kubernetes', key), podEnv);
    expect(registry.current().tenants.size).toBeGreaterThan(0);
  });
});
