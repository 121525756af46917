import { execFile, execFileSync, spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import {
  cpSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  renameSync,
  rmSync,
  symlinkSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { promisify } from 'node:util';
import { SignJWT } from 'jose';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { untilListening } from './untilListening.js';
import { readApplicationsConfig } from '../applications/applicationsConfig.js';
import {
  applicationsDatabaseUnavailable,
  createApplicationsTestDatabase,
} from '../applications/testing/applicationsTestDatabase.js';
import { ConfigurationError, type Setting } from '../core/config/index.js';
import { repositoryRoot } from '../core/repositoryRoot.js';
import { DEFAULT_AUDIENCE, DEV_ISSUER, DEV_ISSUER_KEY_NAME, readPrivateKey } from '../core/index.js';
import { readGatewayConfig } from '../gateway/gatewayConfig.js';
import { readLegacyMockConfig } from '../legacy-mocks/legacyMockConfig.js';
import {
  DEPARTMENT_NAMES,
  departmentSettings,
  LEGACY_DEPARTMENT_NAMES,
  type Department,
  type LegacyDepartment,
} from '../registry/departments.js';
import {
  imagePieces,
  PIECE_NODE_FLAGS,
  pieceOf,
  readSecretFiles,
  runningPieceArgs,
  type ImagePiece,
} from '../scripts/imageEntrypoint.js';
import { readSubgraphConfig } from '../subgraphs/kit/subgraphConfig.js';
import { watchPolicy } from '../policy/index.js';
import { readWorkbenchConfig } from '../workbench/workbenchConfig.js';
import {
  baseObjects,
  composeFile,
  composeSchemaProblems,
  interpolate,
  kubectlMissing,
  OVERLAYS,
  renderOverlay,
  schemaProblems,
  unknownFields,
  type ComposeFile,
  type ComposeService,
  type KubernetesObject,
} from './deploymentFiles.js';

/**
 * The deployment files (Dockerfile, compose.yaml, deploy/kubernetes/) against the code they run:
 * every manifest valid for Kubernetes and every overlay rendered; compose.yaml valid for Compose;
 * every variable they set one the piece's settings schema knows, and together with the secret
 * files enough for a piece to start in production; every port, URL and probe one the pieces
 * serve (registry/departments.ts); the image's entry point started from a build, as the image
 * runs it (docs/operations.md).
 */
const run = promisify(execFile);
const root = repositoryRoot();
const kubectl = kubectlMissing();
if (kubectl) console.warn(`test/deployment.test.ts: the overlays are not rendered: ${kubectl}`);

/** Values the operator gives compose.yaml (`${NAME:?…}`). */
const OPERATOR_GIVES = {
  AUTH_ISSUER: 'https://login.city.example/',
  AUTH_JWKS_URL: 'https://login.city.example/.well-known/jwks.json',
  CERTIFICATE_VERIFY_URL: 'https://graph.city.example/certificates/verify',
};

/** What a secret file named after a variable holds, for the pieces' settings readers. */
const SECRET_FILE_VALUES: Record<string, string> = {
  AUDIT_DATABASE_URL: 'postgres://city_graph_writer:s3cret@postgres.city.example:5432/city_graph',
  TAX_LEGACY_API_KEY: 'k-3f9a',
  SOCIAL_LEGACY_PASSWORD: 'p-7c1e',
  AUDIT_CHECKPOINT_EXPORT_URL: 'https://checkpoints.city.example/city-graph',
  APPLICATIONS_DATABASE_URL: 'postgres://city_graph_applications:s3cret@postgres.city.example:5432/applications',
};

/** The variables the portal reads (portal/*.ts has no settings schema of its own yet). */
function portalVariables(): Set<string> {
  const folder = join(root, 'portal');
  const names = new Set<string>();
  for (const file of readdirSync(folder).filter((name) => name.endsWith('.ts') && !name.endsWith('.test.ts')))
    for (const match of readFileSync(join(folder, file), 'utf8').matchAll(/\benv\.([A-Z][A-Z0-9_]*)/g))
      names.add(match[1]!);
  return names;
}

function knownVariables(piece: ImagePiece): Set<string> {
  return piece.settings ? new Set(piece.settings.map((setting) => setting.name)) : portalVariables();
}

/** Starts the piece's settings reader on the environment: the problems it would print, none when it starts. */
function startProblems(piece: ImagePiece, env: Record<string, string>): string[] {
  const [kind, department] = piece.name.split(' ') as [string, string | undefined];
  try {
    if (kind === 'gateway') readGatewayConfig(env);
    else if (kind === 'subgraph') readSubgraphConfig(department as Department, env);
    else if (kind === 'stand-in') readLegacyMockConfig(department as LegacyDepartment, env);
    else if (kind === 'workbench') readWorkbenchConfig(env);
    else if (kind === 'applications') readApplicationsConfig(env);
    return [];
  } catch (error) {
    if (error instanceof ConfigurationError) return [...error.problems];
    throw error;
  }
}

/** Values no production file may hold: every setting's development value, the development issuer. */
function developmentValues(): Set<string> {
  const values = new Set<string>([DEV_ISSUER]);
  for (const piece of imagePieces())
    for (const setting of piece.settings ?? ([] as Setting[]))
      if (setting.developmentValue) values.add(setting.developmentValue);
  return values;
}

/** The keys of each Secret the operator makes, from the `kubectl create secret` commands of docs/operations.md and docs/production.md. */
function documentedSecrets(): Map<string, string[] | 'a folder'> {
  const text = ['docs/operations.md', 'docs/production.md']
    .map((file) => readFileSync(join(root, file), 'utf8'))
    .join('\n')
    .replace(/\\\n\s*/g, ' ');
  const secrets = new Map<string, string[] | 'a folder'>();
  for (const match of text.matchAll(/create secret generic (\S+)((?:\s+--from-file=\S+)+)/g)) {
    const sources = [...match[2]!.matchAll(/--from-file=(\S+)/g)].map((source) => source[1]!);
    secrets.set(
      match[1]!.replace(/\$department$/, '<department>'),
      sources.some((source) => source.endsWith('/'))
        ? 'a folder'
        : sources.map((source) => (source.includes('=') ? source.split('=')[0]! : basename(source))),
    );
  }
  return secrets;
}

// ——— Kubernetes ———

interface Workload {
  overlay: string;
  object: KubernetesObject;
  pod: PodSpec;
  container: Container;
  piece: ImagePiece;
}
interface Container {
  name: string;
  image: string;
  args: string[];
  ports: Array<{ name: string; containerPort: number }>;
  env?: Array<{
    name: string;
    value?: string;
    valueFrom?: Record<string, { name?: string; key?: string; fieldPath?: string }>;
  }>;
  livenessProbe?: { httpGet?: { path: string; port: string } };
  readinessProbe?: { httpGet?: { path: string; port: string } };
  startupProbe?: { httpGet?: { path: string; port: string } };
  lifecycle?: { preStop?: { exec?: { command: string[] } } };
  resources?: { requests?: Record<string, string>; limits?: Record<string, string> };
  volumeMounts?: Array<{ name: string; mountPath: string }>;
  securityContext?: { readOnlyRootFilesystem?: boolean; allowPrivilegeEscalation?: boolean };
}
interface PodSpec {
  containers: Container[];
  volumes?: Array<{
    name: string;
    configMap?: { name: string };
    secret?: { secretName: string; items?: Array<{ key: string; path: string }> };
    projected?: { sources: Array<{ secret?: { name: string; items?: Array<{ key: string; path: string }> } }> };
  }>;
  terminationGracePeriodSeconds?: number;
  enableServiceLinks?: boolean;
  automountServiceAccountToken?: boolean;
  securityContext?: { runAsNonRoot?: boolean; runAsUser?: number };
}

const WORKLOAD_KINDS = new Set(['Deployment', 'StatefulSet']);

function workloads(overlay: string, objects: readonly KubernetesObject[]): Workload[] {
  return objects
    .filter((object) => WORKLOAD_KINDS.has(object.kind))
    .map((object) => {
      const pod = (object.spec as { template: { spec: PodSpec } }).template.spec;
      const container = pod.containers[0]!;
      return { overlay, object, pod, container, piece: pieceOf(container.args).piece };
    });
}

/** The files each container finds under a mount, by path: a Secret's documented keys, a projection's items. */
function mountedFiles(workload: Workload): Map<string, string> {
  const secrets = documentedSecrets();
  const files = new Map<string, string>();
  const keysOf = (name: string) => {
    const keys = secrets.get(name) ?? secrets.get(name.replace(/-(market|tax|social|platform)$/, '-<department>'));
    return Array.isArray(keys) ? keys : [];
  };
  for (const mount of workload.container.volumeMounts ?? []) {
    const volume = workload.pod.volumes?.find((candidate) => candidate.name === mount.name);
    const sources = volume?.projected
      ? volume.projected.sources.flatMap((source) => (source.secret ? [source.secret] : []))
      : volume?.secret
        ? [{ name: volume.secret.secretName, items: volume.secret.items }]
        : [];
    for (const source of sources)
      for (const item of source.items ?? keysOf(source.name).map((key) => ({ key, path: key })))
        files.set(`${mount.mountPath}/${item.path}`, source.name);
  }
  return files;
}

/** The environment a container starts with: the image's, its own (ConfigMaps and the downward API resolved), its secret files. */
function containerEnvironment(workload: Workload, objects: readonly KubernetesObject[]): Record<string, string> {
  const env: Record<string, string> = { NODE_ENV: 'production' };
  for (const entry of workload.container.env ?? []) {
    const from = entry.valueFrom;
    if (entry.value !== undefined) env[entry.name] = entry.value;
    else if (from?.configMapKeyRef) {
      const map = objects.find(
        (object) => object.kind === 'ConfigMap' && object.metadata.name === from.configMapKeyRef!.name,
      );
      const value = (map?.data as Record<string, string> | undefined)?.[from.configMapKeyRef.key!];
      if (value === undefined)
        throw new Error(`${entry.name}: no ${from.configMapKeyRef.key} in ${from.configMapKeyRef.name}`);
      env[entry.name] = value;
    } else if (from?.fieldRef?.fieldPath === 'metadata.name') env[entry.name] = `${workload.object.metadata.name}-0`;
    else throw new Error(`${entry.name}: a value from ${JSON.stringify(from)} that this test cannot resolve`);
  }
  const settings = knownVariables(workload.piece);
  for (const path of mountedFiles(workload).keys()) {
    const name = path.startsWith('/run/secrets/') ? path.slice('/run/secrets/'.length) : null;
    if (name && settings.has(name) && env[name] === undefined) env[name] = SECRET_FILE_VALUES[name] ?? 'from-a-file';
  }
  return env;
}

/** The piece, port and path a URL reaches inside the cluster: through a Service to the pods it selects. */
function pieceBehindUrl(url: string, objects: readonly KubernetesObject[]): { piece: string; path: string } | null {
  const { hostname, port, pathname } = new URL(url);
  const service = objects.find((object) => object.kind === 'Service' && object.metadata.name === hostname);
  if (!service) return null;
  const spec = service.spec as { selector: Record<string, string>; ports: Array<{ port: number; targetPort: string }> };
  const servicePort = spec.ports.find((candidate) => String(candidate.port) === (port || '80'));
  if (!servicePort) return null;
  for (const object of objects.filter((candidate) => WORKLOAD_KINDS.has(candidate.kind))) {
    const template = (object.spec as { template: { metadata: { labels: Record<string, string> }; spec: PodSpec } })
      .template;
    if (!Object.entries(spec.selector).every(([key, value]) => template.metadata.labels[key] === value)) continue;
    const container = template.spec.containers[0]!;
    const target = container.ports.find((candidate) => candidate.name === servicePort.targetPort);
    const piece = pieceOf(container.args).piece;
    if (target && target.containerPort === piece.port?.defaultPort) return { piece: piece.name, path: pathname };
  }
  return null;
}

/** What a URL variable must reach: its department's subgraph or stand-in, or the gateway. */
function expectedBehind(variable: string): { piece: string; path: string } | null {
  const department = DEPARTMENT_NAMES.find((name) => variable.startsWith(`${name.toUpperCase()}_`));
  if (department && variable === departmentSettings(department).subgraphUrlVariable)
    return { piece: `subgraph ${department}`, path: '/graphql' };
  if (department && variable === departmentSettings(department).legacy?.urlVariable)
    return { piece: `stand-in ${department}`, path: '/' };
  if (variable === 'GATEWAY_JWKS_URL') return { piece: 'gateway', path: '/internal/jwks.json' };
  if (variable === 'PORTAL_GATEWAY_URL' || variable === 'WORKBENCH_GATEWAY_URL') return { piece: 'gateway', path: '/' };
  // The applications service (the engine, and the platform's pre-fill) acts through the gateway's /graphql.
  if (variable === 'APPLICATIONS_GATEWAY_URL') return { piece: 'gateway', path: '/graphql' };
  return null;
}

const rendered = new Map<string, KubernetesObject[]>();
beforeAll(() => {
  if (kubectl) return;
  for (const overlay of OVERLAYS) rendered.set(overlay, renderOverlay(overlay));
}, 60_000);

describe('the Kubernetes manifests', () => {
  it('are valid Kubernetes objects, with no field the API does not know', () => {
    const objects = [...baseObjects(), ...[...rendered.values()].flat()];
    const problems = objects.map((object) => schemaProblems(object));
    expect(problems.flat()).toEqual([]);
    expect(unknownFields(objects)).toEqual([]);
  }, 60_000);

  it.skipIf(kubectl !== null)('render each overlay with kubectl kustomize, into its own namespace', () => {
    for (const overlay of OVERLAYS) {
      const objects = rendered.get(overlay)!;
      expect(objects.length).toBeGreaterThan(20);
      const namespaces = new Set(objects.map((object) => object.metadata.namespace));
      expect([...namespaces]).toEqual([overlay === 'production' ? 'city-graph' : 'city-graph-development']);
    }
  });

  it.skipIf(kubectl !== null)(
    'run the gateway, every department, the portal, the workbench and the applications engine, with probes, ports and URLs the pieces serve',
    () => {
      for (const [overlay, objects] of rendered) {
        const all = workloads(overlay, objects);
        const names = all.map((workload) => workload.piece.name).sort();
        const expected = [
          'gateway',
          'portal',
          'workbench',
          'applications',
          ...DEPARTMENT_NAMES.map((name) => `subgraph ${name}`),
          ...(overlay === 'development' ? LEGACY_DEPARTMENT_NAMES.map((name) => `stand-in ${name}`) : []),
        ].sort();
        expect({ overlay, names }).toEqual({ overlay, names: expected });
        for (const workload of all) {
          const { container, piece } = workload;
          const where = `${overlay} ${workload.object.metadata.name}`;
          expect({ where, ports: container.ports }).toEqual({
            where,
            ports: [{ name: 'http', containerPort: piece.port!.defaultPort }],
          });
          const env = containerEnvironment(workload, objects);
          expect({ where, port: env[piece.port!.variable] }).toEqual({ where, port: String(piece.port!.defaultPort) });
          expect({
            where,
            liveness: container.livenessProbe?.httpGet,
            readiness: container.readinessProbe?.httpGet,
          }).toEqual({
            where,
            liveness: { path: piece.probes!.health, port: 'http' },
            readiness: { path: piece.probes!.ready, port: 'http' },
          });
          for (const [variable, value] of Object.entries(env)) {
            const wanted = expectedBehind(variable);
            if (wanted && !(overlay === 'production' && variable.endsWith('_LEGACY_URL')))
              expect({ where, variable, behind: pieceBehindUrl(value, objects) }).toEqual({
                where,
                variable,
                behind: wanted,
              });
          }
        }
      }
    },
  );

  it.skipIf(kubectl !== null)(
    "set only variables each piece's settings know, and start every piece in production with its Secrets",
    () => {
      const refused = developmentValues();
      for (const [overlay, objects] of rendered) {
        for (const workload of workloads(overlay, objects)) {
          const where = `${overlay} ${workload.object.metadata.name}`;
          const known = knownVariables(workload.piece);
          const set = (workload.container.env ?? []).map((entry) => entry.name);
          expect({ where, unknown: set.filter((name) => !known.has(name)) }).toEqual({ where, unknown: [] });
          const env = containerEnvironment(workload, objects);
          expect({ where, problems: startProblems(workload.piece, env) }).toEqual({ where, problems: [] });
          expect({ where, development: Object.values(env).filter((value) => refused.has(value)) }).toEqual({
            where,
            development: [],
          });
          // Every file a variable names is in a mounted Secret.
          const files = mountedFiles(workload);
          for (const [name, value] of Object.entries(env))
            if (value.startsWith('/run/secrets/'))
              expect({ where, name, secret: files.has(value) }).toEqual({ where, name, secret: true });
        }
      }
    },
  );

  it.skipIf(kubectl !== null)(
    'give each subgraph pod a chain and each engine pod an executor id named after it, and stop every piece after its last write',
    () => {
      for (const [overlay, objects] of rendered) {
        for (const workload of workloads(overlay, objects)) {
          const { pod, container, piece } = workload;
          const where = `${overlay} ${workload.object.metadata.name}`;
          if (piece.name.startsWith('subgraph ')) {
            // A StatefulSet's pod names are stable (subgraph-tax-0): a restarted pod continues its chain.
            expect({ where, kind: workload.object.kind }).toEqual({ where, kind: 'StatefulSet' });
            const chain = container.env?.find((entry) => entry.name === 'AUDIT_CHAIN');
            expect({ where, chain: chain?.valueFrom?.fieldRef?.fieldPath }).toEqual({ where, chain: 'metadata.name' });
          }
          if (piece.name === 'applications') {
            // The same way, a restarted engine pod (applications-0) keeps its executor id, and DBOS
            // recovers that executor's pending workflows at launch.
            expect({ where, kind: workload.object.kind }).toEqual({ where, kind: 'StatefulSet' });
            const executor = container.env?.find((entry) => entry.name === 'APPLICATIONS_EXECUTOR_ID');
            expect({ where, executor: executor?.valueFrom?.fieldRef?.fieldPath }).toEqual({
              where,
              executor: 'metadata.name',
            });
          }
          // A Service named gateway would set GATEWAY_PORT=tcp://…: no service links.
          expect({ where, links: pod.enableServiceLinks }).toEqual({ where, links: false });
          expect({ where, root: pod.securityContext?.runAsNonRoot }).toEqual({ where, root: true });
          expect({ where, readOnly: container.securityContext?.readOnlyRootFilesystem }).toEqual({
            where,
            readOnly: true,
          });
          expect({ where, requests: Object.keys(container.resources?.requests ?? {}).sort() }).toEqual({
            where,
            requests: ['cpu', 'memory'],
          });
          expect({ where, limits: Object.keys(container.resources?.limits ?? {}).sort() }).toEqual({
            where,
            limits: ['cpu', 'memory'],
          });
          if (piece.name.startsWith('stand-in ')) continue;
          if (piece.name === 'applications') {
            // No Service routes to the engine, so no pause before SIGTERM; the grace period covers
            // its own 15 s stop limit (applications/main.ts) with room to spare.
            expect({ where, preStop: container.lifecycle?.preStop }).toEqual({ where, preStop: undefined });
            expect(pod.terminationGracePeriodSeconds).toBeGreaterThanOrEqual(20);
            continue;
          }
          // The grace period covers the pause before SIGTERM, the 2 s cut-off for requests in
          // flight, the access log's last group (250 ms) and a last checkpoint.
          const pause = Number(container.lifecycle?.preStop?.exec?.command.at(-1));
          expect({ where, pause }).toEqual({ where, pause: expect.any(Number) });
          expect(pod.terminationGracePeriodSeconds! - pause).toBeGreaterThanOrEqual(15);
        }
      }
    },
  );

  it.skipIf(kubectl !== null)(
    'scale the gateway and every subgraph, and keep one pod of each piece through a drain',
    () => {
      for (const [overlay, objects] of rendered) {
        const targets = objects
          .filter((object) => object.kind === 'HorizontalPodAutoscaler')
          .map((object) => (object.spec as { scaleTargetRef: { kind: string; name: string } }).scaleTargetRef);
        const scaled = workloads(overlay, objects).filter((workload) =>
          /^(gateway|subgraph )/.test(workload.piece.name),
        );
        expect(targets.map((target) => `${target.kind}/${target.name}`).sort()).toEqual(
          scaled.map((workload) => `${workload.object.kind}/${workload.object.metadata.name}`).sort(),
        );
        const budgets = objects
          .filter((object) => object.kind === 'PodDisruptionBudget')
          .map((object) => object.metadata.name);
        expect(budgets.sort()).toEqual(
          workloads(overlay, objects)
            .filter((workload) => !workload.piece.name.startsWith('stand-in '))
            .map((workload) => workload.object.metadata.name)
            .sort(),
        );
      }
    },
  );

  it.skipIf(kubectl !== null)(
    'let only the gateway reach the subgraphs, and each subgraph only its legacy system',
    () => {
      for (const [overlay, objects] of rendered) {
        const policies = objects.filter((object) => object.kind === 'NetworkPolicy');
        const spec = (policy: KubernetesObject) =>
          policy.spec as {
            podSelector: { matchLabels?: Record<string, string> };
            ingress?: Array<{ from?: Array<{ podSelector?: { matchLabels?: Record<string, string> } }> }>;
            egress?: Array<{
              to?: Array<{ podSelector?: { matchLabels?: Record<string, string> }; ipBlock?: { cidr: string } }>;
            }>;
          };
        const selecting = (name: string) =>
          policies.filter((policy) => {
            const labels = spec(policy).podSelector.matchLabels;
            return (
              !labels ||
              labels['app.kubernetes.io/name'] === name ||
              labels['app.kubernetes.io/component'] === 'subgraph'
            );
          });
        // Everything else is refused.
        expect(
          policies.some((policy) => Object.keys(spec(policy).podSelector).length === 0 && !spec(policy).ingress),
        ).toBe(true);
        for (const department of DEPARTMENT_NAMES) {
          const peers = selecting(`subgraph-${department}`).flatMap((policy) =>
            (spec(policy).ingress ?? []).map(
              (rule) => rule.from?.map((peer) => peer.podSelector?.matchLabels) ?? ['anyone'],
            ),
          );
          expect({ overlay, department, peers }).toEqual({
            overlay,
            department,
            peers: [[{ 'app.kubernetes.io/name': 'gateway' }]],
          });
        }
        // A subgraph's way to a legacy system (a stand-in's pods, or the system's addresses) is its own department's only.
        const legacyWays = new Map<string, string>();
        for (const department of LEGACY_DEPARTMENT_NAMES)
          for (const rule of spec(
            policies.find((policy) => policy.metadata.name === `subgraph-${department}-to-legacy`)!,
          ).egress ?? [])
            for (const peer of rule.to ?? [])
              legacyWays.set(peer.ipBlock?.cidr ?? JSON.stringify(peer.podSelector), department);
        expect(legacyWays.size).toBe(LEGACY_DEPARTMENT_NAMES.length);
        for (const policy of policies)
          for (const rule of spec(policy).egress ?? [])
            for (const peer of rule.to ?? []) {
              const owner = legacyWays.get(peer.ipBlock?.cidr ?? JSON.stringify(peer.podSelector));
              if (owner)
                expect({ overlay, policy: policy.metadata.name }).toEqual({
                  overlay,
                  policy: `subgraph-${owner}-to-legacy`,
                });
            }
        if (overlay === 'development')
          for (const department of LEGACY_DEPARTMENT_NAMES) {
            const peers = selecting(`legacy-${department}`)
              .filter((policy) => policy.metadata.name === `legacy-${department}`)
              .flatMap((policy) => (spec(policy).ingress ?? []).flatMap((rule) => rule.from ?? []));
            expect(peers).toEqual([
              { podSelector: { matchLabels: { 'app.kubernetes.io/name': `subgraph-${department}` } } },
            ]);
          }
        // A peer outside city-graph (the cluster's DNS) is selected by its own labels only.
        const dns = spec(policies.find((policy) => policy.metadata.name === 'dns')!);
        expect(dns.egress?.[0]?.to?.[0]?.podSelector).toEqual({ matchLabels: { 'k8s-app': 'kube-dns' } });
      }
    },
  );

  it.skipIf(kubectl !== null)(
    "let only the officers' ingress reach the workbench, and the workbench only the gateway and the identity provider",
    () => {
      type Peer = Record<string, unknown>;
      type Rule = { from?: Peer[]; to?: Peer[]; ports?: Array<{ port: number }> };
      type Spec = { podSelector: { matchLabels?: Record<string, string> }; ingress?: Rule[]; egress?: Rule[] };
      for (const [overlay, objects] of rendered) {
        const workbench = workloads(overlay, objects).find((workload) => workload.piece.name === 'workbench')!;
        const labels = (workbench.object.spec as { template: { metadata: { labels: Record<string, string> } } })
          .template.metadata.labels;
        // Every policy whose selector takes the workbench's pod, whatever its name.
        const applying = objects
          .filter((object) => object.kind === 'NetworkPolicy')
          .map((object) => object.spec as Spec)
          .filter((spec) =>
            Object.entries(spec.podSelector.matchLabels ?? {}).every(([key, value]) => labels[key] === value),
          );
        const rules = (kind: 'ingress' | 'egress') =>
          applying.flatMap((spec) =>
            (spec[kind] ?? []).map((rule) => ({
              peers: (kind === 'ingress' ? rule.from : rule.to) ?? 'any',
              ports: rule.ports?.map((port) => port.port) ?? null,
            })),
          );
        expect({ overlay, ingress: rules('ingress') }).toEqual({
          overlay,
          ingress: [
            {
              peers: [{ namespaceSelector: { matchLabels: { 'city-graph/officers-ingress': 'true' } } }],
              ports: [4090],
            },
          ],
        });
        // Every pod's way to the cluster's DNS (port 53) aside.
        const egress = rules('egress').filter((rule) => !rule.ports?.includes(53));
        expect({ overlay, egress }).toEqual({
          overlay,
          egress: [
            { peers: [{ podSelector: { matchLabels: { 'app.kubernetes.io/name': 'gateway' } } }], ports: [4000] },
            // The identity provider's published keys: its addresses in production.
            { peers: overlay === 'production' ? [{ ipBlock: { cidr: expect.any(String) } }] : 'any', ports: [443] },
          ],
        });
        // The gateway lets it in.
        const gateway = objects.find((object) => object.kind === 'NetworkPolicy' && object.metadata.name === 'gateway')!
          .spec as Spec;
        expect(gateway.ingress?.some((rule) => !rule.from && rule.ports?.some((port) => port.port === 4000))).toBe(
          true,
        );
      }
    },
  );

  it.skipIf(kubectl !== null)(
    'let nothing reach the applications engine, and the engine only PostgreSQL and the gateway',
    () => {
      type Peer = Record<string, unknown>;
      type Rule = { from?: Peer[]; to?: Peer[]; ports?: Array<{ port: number }> };
      type Spec = {
        podSelector: { matchLabels?: Record<string, string> };
        policyTypes?: string[];
        ingress?: Rule[];
        egress?: Rule[];
      };
      for (const [overlay, objects] of rendered) {
        const engine = workloads(overlay, objects).find((workload) => workload.piece.name === 'applications')!;
        const labels = (engine.object.spec as { template: { metadata: { labels: Record<string, string> } } }).template
          .metadata.labels;
        const applying = objects
          .filter((object) => object.kind === 'NetworkPolicy')
          .map((object) => object.spec as Spec)
          .filter((spec) =>
            Object.entries(spec.podSelector.matchLabels ?? {}).every(([key, value]) => labels[key] === value),
          );
        // Ingress is refused and no policy lets anyone in (the kubelet's probes are not filtered).
        expect(applying.some((spec) => spec.policyTypes?.includes('Ingress'))).toBe(true);
        expect({ overlay, ingress: applying.flatMap((spec) => spec.ingress ?? []) }).toEqual({ overlay, ingress: [] });
        const egress = applying
          .flatMap((spec) => spec.egress ?? [])
          .map((rule) => ({ peers: rule.to ?? 'any', ports: rule.ports?.map((port) => port.port) ?? null }))
          .filter((rule) => !rule.ports?.includes(53));
        expect({ overlay, egress }).toEqual({
          overlay,
          egress: [
            { peers: [{ podSelector: { matchLabels: { 'app.kubernetes.io/name': 'gateway' } } }], ports: [4000] },
            // PostgreSQL: its addresses in production.
            { peers: overlay === 'production' ? [{ ipBlock: { cidr: expect.any(String) } }] : 'any', ports: [5432] },
          ],
        });
        // Only its probes' port is open in the container, and no Service balances requests to it.
        const service = objects.find(
          (object) => object.kind === 'Service' && object.metadata.name === engine.object.metadata.name,
        );
        expect((service?.spec as { clusterIP?: string } | undefined)?.clusterIP).toBe('None');
      }
    },
  );

  it.skipIf(kubectl !== null)(
    "give the applications service's private key to the engine and the platform alone, its public set to the gateway",
    () => {
      for (const [overlay, objects] of rendered) {
        const holders = (file: string) =>
          workloads(overlay, objects)
            .filter((workload) => mountedFiles(workload).has(`/run/secrets/${file}`))
            .map((workload) => workload.piece.name)
            .sort();
        expect({ overlay, private: holders('applications.private.jwk.json') }).toEqual({
          overlay,
          private: ['applications', 'subgraph platform'],
        });
        expect({ overlay, database: holders('APPLICATIONS_DATABASE_URL') }).toEqual({
          overlay,
          database: ['applications', 'subgraph platform'],
        });
        expect({ overlay, public: holders('applications.jwks.json') }).toEqual({ overlay, public: ['gateway'] });
        // Every key mounted from the Secret is one docs/production.md's command puts in it.
        const documented = documentedSecrets().get('city-graph-applications');
        const mounted = workloads(overlay, objects)
          .flatMap((workload) => workload.pod.volumes ?? [])
          .flatMap((volume) => volume.projected?.sources ?? [])
          .flatMap((source) => (source.secret?.name === 'city-graph-applications' ? (source.secret.items ?? []) : []))
          .map((item) => item.key);
        expect(mounted.length).toBeGreaterThan(0);
        expect({
          overlay,
          undocumented: mounted.filter((key) => !(Array.isArray(documented) && documented.includes(key))),
        }).toEqual({
          overlay,
          undocumented: [],
        });
      }
    },
  );

  it("mount the privacy ConfigMap that docs/operations.md's command makes, holding every policy the pieces read", () => {
    const docs = readFileSync(join(root, 'docs/operations.md'), 'utf8');
    const command = /kubectl -n \S+ create configmap (\S+) --from-file=(\S+)/.exec(docs);
    expect(command?.slice(1)).toEqual(['city-graph-privacy', 'privacy/']);
    const files = readdirSync(join(root, command![2]!));
    for (const department of DEPARTMENT_NAMES)
      expect(files).toContain(basename(departmentSettings(department).files.policy));
    expect(files).toContain('roles.yaml');
    const mounted = baseObjects()
      .filter((object) => WORKLOAD_KINDS.has(object.kind))
      .flatMap((object) => (object.spec as { template: { spec: PodSpec } }).template.spec.volumes ?? [])
      .flatMap((volume) => (volume.configMap ? [volume.configMap.name] : []));
    expect(new Set(mounted)).toEqual(new Set(['city-graph-privacy']));
  });
});

// ——— compose.yaml ———

/** The piece a service of compose.yaml runs: those on the city graph's image; null for PostgreSQL, Redis, HAProxy. */
function composePiece(service: ComposeService): ImagePiece | null {
  return service.image?.includes('city-graph') && service.command ? pieceOf(service.command).piece : null;
}

function composeEnvironment(compose: ComposeFile, service: ComposeService, piece: ImagePiece): Record<string, string> {
  const env: Record<string, string> = { NODE_ENV: 'production' };
  for (const [name, value] of Object.entries(service.environment ?? {}))
    env[name] = interpolate(String(value), OPERATOR_GIVES);
  const known = knownVariables(piece);
  for (const secret of service.secrets ?? []) {
    const name = typeof secret === 'string' ? secret : (secret.target ?? secret.source);
    expect(compose.secrets[typeof secret === 'string' ? secret : secret.source]).toBeDefined();
    if (known.has(name) && env[name] === undefined) env[name] = SECRET_FILE_VALUES[name] ?? 'from-a-file';
  }
  return env;
}

/** HAProxy's frontends (port → backend) and backends (name → server addresses) in deploy/compose/haproxy.cfg. */
function haproxyRoutes(): { frontends: Map<number, string>; backends: Map<string, string[]> } {
  const text = readFileSync(join(root, 'deploy/compose/haproxy.cfg'), 'utf8');
  const frontends = new Map<number, string>();
  const backends = new Map<string, string[]>();
  for (const section of text.split(/\n(?=\S)/)) {
    const [head = '', ...lines] = section.split('\n');
    const [kind, name] = head.trim().split(/\s+/);
    const backend = /default_backend (\S+)/.exec(section)?.[1];
    if (kind === 'frontend' && backend) frontends.set(Number(/bind :(\d+)/.exec(section)?.[1]), backend);
    if (kind === 'backend' || (kind === 'frontend' && /\n\s*server /.test(section)))
      backends.set(
        name!,
        lines.flatMap((line) => (/^\s*server \S+ (\S+)/.exec(line) ? [/^\s*server \S+ (\S+)/.exec(line)![1]!] : [])),
      );
  }
  return { frontends, backends };
}

describe('compose.yaml', () => {
  const compose = composeFile();

  it("is valid for the Compose Specification's schema", () => {
    expect(composeSchemaProblems(compose)).toEqual([]);
    // The schema refuses what Compose would: a misspelt key, a wrong type.
    const misspelt = { ...compose, services: { ...compose.services, portal: { image: 'x', enviroment: {} } } };
    expect(composeSchemaProblems(misspelt)).toContain('/services/portal must NOT have additional properties');
  });

  it("runs test/replicas.test.ts's topology: two gateways, two of each subgraph, the stand-ins, the portal, one workbench, two engines", () => {
    const pieces = Object.values(compose.services).map((service) => composePiece(service)?.name ?? null);
    const count = (name: string) => pieces.filter((piece) => piece === name).length;
    expect(count('gateway')).toBe(2);
    for (const department of DEPARTMENT_NAMES) expect(count(`subgraph ${department}`)).toBe(2);
    for (const department of LEGACY_DEPARTMENT_NAMES) expect(count(`stand-in ${department}`)).toBe(1);
    expect(count('portal')).toBe(1);
    expect(count('workbench')).toBe(1);
    expect(count('applications')).toBe(2);
    expect(Object.keys(compose.services)).toEqual(expect.arrayContaining(['postgres', 'redis', 'haproxy']));
    for (const [name, service] of Object.entries(compose.services))
      expect({ name, healthcheck: service.healthcheck?.test.length ?? 0 }).not.toEqual({ name, healthcheck: 0 });
  });

  it("sets only variables each piece's settings know, enough to start in production, each subgraph its own chain", () => {
    const refused = developmentValues();
    const chains = new Set<string>();
    for (const [name, service] of Object.entries(compose.services)) {
      const piece = composePiece(service);
      if (!piece) continue;
      const known = knownVariables(piece);
      const unknown = Object.keys(service.environment ?? {}).filter((variable) => !known.has(variable));
      expect({ name, unknown }).toEqual({ name, unknown: [] });
      const env = composeEnvironment(compose, service, piece);
      expect({ name, problems: startProblems(piece, env) }).toEqual({ name, problems: [] });
      expect({ name, development: Object.values(env).filter((value) => refused.has(value)) }).toEqual({
        name,
        development: [],
      });
      if (piece.name.startsWith('subgraph ')) chains.add(env.AUDIT_CHAIN!);
      expect({ name, port: env[piece.port!.variable] }).toEqual({ name, port: String(piece.port!.defaultPort) });
    }
    expect(chains.size).toBe(DEPARTMENT_NAMES.length * 2);
  });

  it('runs each applications engine with an executor id of its own, on its database, reached by nothing', () => {
    const engines = Object.entries(compose.services).filter(
      ([, service]) => composePiece(service)?.name === 'applications',
    );
    const executors = engines.map(([, service]) => service.environment?.APPLICATIONS_EXECUTOR_ID);
    expect(new Set(executors).size).toBe(engines.length);
    for (const [name, service] of engines) {
      expect({ name, executor: service.environment?.APPLICATIONS_EXECUTOR_ID }).toEqual({ name, executor: name });
      // Nothing published; the way to PostgreSQL, and to the gateways through HAProxy, and none out of the host.
      expect({ name, ports: service.ports }).toEqual({ name, ports: undefined });
      expect({ name, networks: [...(service.networks ?? [])].sort() }).toEqual({
        name,
        networks: ['applications', 'pieces'],
      });
      expect(compose.networks.applications?.internal).toBe(true);
      expect(compose.services.postgres?.networks).toContain('applications');
      expect({ name, secrets: service.secrets }).toEqual({
        name,
        secrets: ['APPLICATIONS_DATABASE_URL', 'applications.private.jwk.json'],
      });
    }
    // The applications' role and database are made on PostgreSQL's first start, with their own password.
    const roles = readFileSync(join(root, 'deploy/compose/postgres-roles.sh'), 'utf8');
    expect(roles).toMatch(/CREATE DATABASE applications OWNER city_graph_applications;/);
    expect(compose.services.postgres?.secrets).toContain('postgres-applications-password');
    // The gateways hold only the public set.
    for (const [name, service] of Object.entries(compose.services))
      if (composePiece(service)?.name === 'gateway')
        expect({ name, secrets: service.secrets }).toEqual({
          name,
          secrets: expect.not.arrayContaining(['applications.private.jwk.json']),
        });
  });

  it("sends each URL variable, through HAProxy or straight, to the piece it names on the piece's own port", () => {
    const { frontends, backends } = haproxyRoutes();
    const pieceAt = (address: string): string | null => {
      const [host, port] = address.split(':');
      const service = compose.services[host!];
      const piece = service && composePiece(service);
      if (!piece) return null;
      const env = composeEnvironment(compose, service, piece);
      return env[piece.port!.variable] === port ? piece.name : null;
    };
    for (const [name, service] of Object.entries(compose.services)) {
      const piece = composePiece(service);
      if (!piece) continue;
      for (const [variable, value] of Object.entries(composeEnvironment(compose, service, piece))) {
        const wanted = expectedBehind(variable);
        if (!wanted) continue;
        const url = new URL(value);
        const reached =
          url.hostname === 'haproxy'
            ? [...new Set(backends.get(frontends.get(Number(url.port))!)!.map(pieceAt))]
            : [pieceAt(`${url.hostname}:${url.port}`)];
        expect({ name, variable, reached, path: url.pathname }).toEqual({
          name,
          variable,
          reached: [wanted.piece],
          path: wanted.path,
        });
      }
    }
    // Callers' and the portal's frontends reach the gateways and the portal.
    expect(backends.get(frontends.get(8443)!)!.map(pieceAt)).toEqual(['gateway', 'gateway']);
    expect(backends.get(frontends.get(9443)!)!.map(pieceAt)).toEqual(['portal']);
    expect(backends.get(frontends.get(7443)!)!.map(pieceAt)).toEqual(['workbench']);
  });

  it("publishes the workbench through HAProxy on the officers' address alone, with privacy/ read-only", () => {
    const [name, workbench] = Object.entries(compose.services).find(
      ([, service]) => composePiece(service)?.name === 'workbench',
    )!;
    // Nothing of its own is published: officers reach it through HAProxy's workbench frontend only.
    expect({ name, ports: workbench.ports ?? [] }).toEqual({ name, ports: [] });
    const { frontends } = haproxyRoutes();
    const workbenchPort = [...frontends].find(([, backend]) => backend === 'workbenches')![0];
    const published = (compose.services.haproxy!.ports ?? []).map((port) => interpolate(port, {}).split(':'));
    // Host address, host port, HAProxy's port: on the loopback unless OFFICERS_ADDRESS names the officers' network.
    expect(published.filter((parts) => parts.at(-1) === String(workbenchPort))).toEqual([
      ['127.0.0.1', String(workbenchPort), String(workbenchPort)],
    ]);
    expect(compose.services.haproxy!.ports).toContain(
      `\${OFFICERS_ADDRESS:-127.0.0.1}:${workbenchPort}:${workbenchPort}`,
    );
    const mount = (workbench.volumes ?? []).find((volume) => volume.startsWith('./privacy:'));
    expect(mount).toBe(`./privacy:${workbench.environment?.PRIVACY_DIR}:ro`);
  });

  it.skipIf(spawnSync('haproxy', ['-v']).status !== 0 || spawnSync('openssl', ['version']).status !== 0)(
    'has an HAProxy configuration HAProxy accepts',
    () => {
      const folder = mkdtempSync(join(tmpdir(), 'compose-haproxy-'));
      try {
        execFileSync(
          'openssl',
          [
            'req',
            '-x509',
            '-newkey',
            'ec',
            '-pkeyopt',
            'ec_paramgen_curve:P-256',
            '-nodes',
            '-subj',
            '/CN=test',
            '-days',
            '1',
            '-keyout',
            join(folder, 'key.pem'),
            '-out',
            join(folder, 'cert.pem'),
          ],
          { stdio: 'ignore' },
        );
        writeFileSync(
          join(folder, 'tls.pem'),
          readFileSync(join(folder, 'cert.pem'), 'utf8') + readFileSync(join(folder, 'key.pem'), 'utf8'),
        );
        const config = readFileSync(join(root, 'deploy/compose/haproxy.cfg'), 'utf8').replaceAll(
          '/run/secrets/tls.pem',
          join(folder, 'tls.pem'),
        );
        writeFileSync(join(folder, 'haproxy.cfg'), config);
        const check = spawnSync('haproxy', ['-c', '-f', join(folder, 'haproxy.cfg')], { encoding: 'utf8' });
        expect({ status: check.status, output: check.status === 0 ? '' : check.stderr + check.stdout }).toEqual({
          status: 0,
          output: '',
        });
      } finally {
        rmSync(folder, { recursive: true, force: true });
      }
    },
  );
});

// ——— the image ———

describe('the image', () => {
  const dockerfile = readFileSync(join(root, 'Dockerfile'), 'utf8');
  const stages = dockerfile.split(/^(?=FROM )/m).slice(1);
  const instruction = (stage: string, name: string) =>
    [...stage.replace(/\\\n\s*/g, ' ').matchAll(new RegExp(`^${name} (.+)$`, 'gm'))].map((match) => match[1]!);

  it('builds with npm ci and npm run build, and keeps only dist/ and production dependencies', () => {
    const [build, dependencies, runtime] = stages;
    expect(stages.map((stage) => /^FROM \S+ AS (\S+)/.exec(stage)?.[1])).toEqual(['build', 'dependencies', 'runtime']);
    expect(instruction(build!, 'RUN').join('\n')).toMatch(/npm ci[^\n]*\n[\s\S]*npm run build/);
    expect(instruction(dependencies!, 'RUN').join('\n')).toContain('npm ci --omit=dev');
    // npm run build is test/build.test.ts's build: tsc -p tsconfig.build.json, then the assets.
    const manifest = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as {
      scripts: Record<string, string>;
      dependencies: Record<string, string>;
    };
    const scripts = manifest.scripts;
    expect(scripts.build).toContain('tsc -p tsconfig.build.json');
    expect(scripts.build).toContain('scripts/copyBuildAssets.ts');
    // esbuild (the portal and the workbench bundle their scripts at start) is a production dependency.
    expect(instruction(runtime!, 'COPY').map((copy) => copy.split(' ').at(-1))).toEqual([
      './node_modules',
      './package.json',
      './dist',
    ]);
    expect(Object.keys(manifest.dependencies)).toContain('esbuild');
    expect(dockerfile).toMatch(/^ARG NODE_IMAGE=node:20-[a-z]+-slim$/m);
  });

  it('runs as a user other than root, with a health check, a stop signal and no secret', () => {
    const runtime = stages.at(-1)!;
    expect(instruction(runtime, 'USER')).toEqual(['1000:1000']);
    expect(instruction(runtime, 'STOPSIGNAL')).toEqual(['SIGTERM']);
    expect(instruction(runtime, 'HEALTHCHECK')[0]).toMatch(
      /CMD \["node", "dist\/scripts\/imageEntrypoint\.js", "health"\]$/,
    );
    // Node's flags for every piece are scripts/imageEntrypoint.ts's, which the benchmark starts its pieces with too.
    const entrypoint = ['node', ...PIECE_NODE_FLAGS, 'dist/scripts/imageEntrypoint.js'];
    expect(instruction(runtime, 'ENTRYPOINT')).toEqual([`[${entrypoint.map((arg) => `"${arg}"`).join(', ')}]`]);
    expect(instruction(runtime, 'CMD')).toEqual(['["gateway"]']);
    const variables = instruction(runtime, 'ENV').join(' ');
    expect(variables).not.toMatch(/KEY|SECRET|PASSWORD|TOKEN|ISSUER|JWKS|DATABASE_URL/);
    const ignored = readFileSync(join(root, '.dockerignore'), 'utf8').split('\n');
    for (const path of ['data', 'node_modules', 'dist', '.git', '.env', 'secrets']) expect(ignored).toContain(path);
  });

  it('starts from dist/ the mains test/build.test.ts starts, one piece per command', () => {
    const started = [...readFileSync(join(root, 'test/build.test.ts'), 'utf8').matchAll(/startBuilt\('([^']+)'/g)].map(
      (match) => match[1]!,
    );
    expect(started.length).toBeGreaterThan(2);
    const mains = imagePieces().map((piece) => piece.main);
    for (const main of started) expect(mains).toContain(main);
    expect(pieceOf(['subgraph', 'tax', '--x']).rest).toEqual(['--x']);
    // One entry per kind of piece: the department is its first argument, before the operator's own.
    expect(pieceOf(['subgraph', 'tax']).piece).toMatchObject({ main: 'subgraphs/main.js', args: ['tax'] });
    expect(pieceOf(['stand-in', 'social']).piece).toMatchObject({ main: 'legacy-mocks/main.js', args: ['social'] });
    expect(pieceOf(['audit:verify', '--checkpoints', 'x']).piece.main).toBe('scripts/auditVerify.js');
    expect(() => pieceOf(['stand-in', 'platform'])).toThrow(
      /no stand-in "platform": the departments are market, tax, social/,
    );
    expect(() => pieceOf(['gateways'])).toThrow(/no piece "gateways"/);
  });

  it('holds no key, secret or development issuer in any deployment file', () => {
    const files = [
      'Dockerfile',
      'compose.yaml',
      ...['deploy/compose', 'deploy/kubernetes', 'deploy/image'].flatMap((folder) => listFiles(folder)),
    ].filter((file) => !file.endsWith('.schema.json') && !/LICENSE|NOTICE/.test(file));
    const refused = [...developmentValues()];
    for (const file of files) {
      const text = readFileSync(join(root, file), 'utf8');
      expect({ file, development: refused.filter((value) => text.includes(value)) }).toEqual({ file, development: [] });
      expect({ file, privateKey: /"d"\s*:|PRIVATE KEY-----|data\/keys/.test(text) }).toEqual({
        file,
        privateKey: false,
      });
    }
  });
});

function listFiles(folder: string): string[] {
  return readdirSync(join(root, folder), { withFileTypes: true }).flatMap((entry) =>
    entry.isDirectory() ? listFiles(join(folder, entry.name)) : [join(folder, entry.name)],
  );
}

describe("the image's entry point", () => {
  it('sets each unset setting from the file of its name, leaving a set one and other files alone', () => {
    const folder = mkdtempSync(join(tmpdir(), 'secrets-'));
    try {
      writeFileSync(join(folder, 'TAX_LEGACY_API_KEY'), 'k-3f9a\n');
      writeFileSync(join(folder, 'AUDIT_DATABASE_URL'), 'postgres://w:p@db/city_graph');
      writeFileSync(join(folder, 'gateway.private.jwk.json'), '{}');
      const piece = pieceOf(['subgraph', 'tax']).piece;
      const env: Record<string, string | undefined> = { AUDIT_DATABASE_URL: 'postgres://operator@db/other' };
      expect(readSecretFiles(piece.settings!, env, folder)).toEqual(['TAX_LEGACY_API_KEY']);
      expect(env).toEqual({ AUDIT_DATABASE_URL: 'postgres://operator@db/other', TAX_LEGACY_API_KEY: 'k-3f9a' });
      expect(readSecretFiles(piece.settings!, {}, join(folder, 'none'))).toEqual([]);
    } finally {
      rmSync(folder, { recursive: true, force: true });
    }
  });

  it("finds the piece running in the container from the processes' command lines", () => {
    const proc = mkdtempSync(join(tmpdir(), 'proc-'));
    try {
      const processOf = (pid: number, argv: string[]) => {
        mkdirSync(join(proc, String(pid)));
        writeFileSync(join(proc, String(pid), 'cmdline'), argv.join('\0') + '\0');
      };
      processOf(1, ['node', '--enable-source-maps', 'dist/scripts/imageEntrypoint.js', 'subgraph', 'tax']);
      processOf(40, ['node', 'dist/scripts/imageEntrypoint.js', 'health']);
      mkdirSync(join(proc, 'self'));
      expect(runningPieceArgs(proc, 40)).toEqual(['subgraph', 'tax']);
      expect(runningPieceArgs(proc, 1)).toBeNull();
    } finally {
      rmSync(proc, { recursive: true, force: true });
    }
  });

  it("brings a ConfigMap's updates, made by swapping its ..data link, to a running policy watcher", async () => {
    const folder = mkdtempSync(join(tmpdir(), 'configmap-'));
    const mount = join(folder, 'mount');
    mkdirSync(mount);
    let generation = 0;
    // What the kubelet does: a new folder, a new ..data link renamed over the old, the old folder removed.
    const publish = (text: string) => {
      const previous = existsSync(join(mount, '..data'))
        ? readFileSync(join(mount, '..data', 'tax.yaml'), 'utf8')
        : null;
      const stamp = `..2026_12_07_00_00_0${generation++}`;
      mkdirSync(join(mount, stamp));
      writeFileSync(join(mount, stamp, 'tax.yaml'), text);
      writeFileSync(join(mount, stamp, 'roles.yaml'), 'roles: {}\n');
      symlinkSync(stamp, join(mount, '..data_tmp'));
      renameSync(join(mount, '..data_tmp'), join(mount, '..data'));
      for (const entry of readdirSync(mount))
        if (entry.startsWith('..2') && entry !== stamp) rmSync(join(mount, entry), { recursive: true });
      if (previous === null)
        for (const file of ['tax.yaml', 'roles.yaml']) symlinkSync(`..data/${file}`, join(mount, file));
    };
    publish('version: 1\n');
    const seen: string[] = [];
    const watcher = watchPolicy({
      file: join(mount, 'tax.yaml'),
      alsoWatch: [join(mount, 'roles.yaml')],
      load: () => ({ ok: true, policy: readFileSync(join(mount, 'tax.yaml'), 'utf8') as never }),
      onChange: (policy) => seen.push(String(policy)),
      onRefused: () => seen.push('refused'),
      debounceMs: 20,
    });
    try {
      for (const version of [2, 3]) {
        publish(`version: ${version}\n`);
        await eventually(() => seen.at(-1) === `version: ${version}\n`);
      }
      expect(seen.filter((text) => text !== 'version: 2\n' && text !== 'version: 3\n')).toEqual([]);
    } finally {
      watcher.close();
      rmSync(folder, { recursive: true, force: true });
    }
  });
});

async function eventually(condition: () => boolean, attempts = 200): Promise<void> {
  for (let attempt = 0; attempt < attempts; attempt++) {
    if (condition()) return;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  throw new Error('never happened');
}

// ——— the image's build, run without a container engine ———

describe('a build laid out as the image lays it out', () => {
  // The image's /app: package.json, the production dependencies (here the checkout's, linked) and
  // dist/, with no sources beside them and outside any git checkout.
  const app = mkdtempSync(join(tmpdir(), 'image-app-'));
  const out = join(app, 'dist');
  const data = mkdtempSync(join(tmpdir(), 'image-data-'));
  const children: ChildProcess[] = [];

  beforeAll(async () => {
    await run(process.execPath, ['node_modules/typescript/bin/tsc', '-p', 'tsconfig.build.json', '--outDir', out], {
      cwd: root,
    });
    await run(process.execPath, ['--import', 'tsx', 'scripts/copyBuildAssets.ts', out], { cwd: root });
    await run('sh', ['deploy/image/addImageParts.sh', out], { cwd: root });
    cpSync(join(root, 'package.json'), join(app, 'package.json'));
    symlinkSync(join(root, 'node_modules'), join(app, 'node_modules'), 'dir');
  }, 180_000);
  afterAll(async () => {
    for (const child of children) if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
    await Promise.all(children.map((child) => (child.exitCode === null ? once(child, 'exit') : null)));
    // The link to node_modules goes, not what it points to.
    rmSync(app, { recursive: true, force: true });
    rmSync(data, { recursive: true, force: true });
  });

  /** `node dist/scripts/imageEntrypoint.js <piece>`, as the image's ENTRYPOINT runs it; resolves with its URL. */
  function startPiece(args: string[], env: Record<string, string>): Promise<string> {
    const child = spawn(process.execPath, ['--enable-source-maps', join(out, 'scripts/imageEntrypoint.js'), ...args], {
      cwd: app,
      env: { PATH: process.env.PATH ?? '', DATA_DIR: data, LOG_LEVEL: 'warn', ...env },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    children.push(child);
    return untilListening(child, args.join(' '));
  }

  it('starts a stand-in, a subgraph, the gateway and the portal, each answering its probes and the health command', async () => {
    const tax = pieceOf(['stand-in', 'tax']).piece;
    const legacy = await startPiece(['stand-in', 'tax'], { [tax.port!.variable]: '0' });
    const subgraph = await startPiece(['subgraph', 'tax'], {
      TAX_SUBGRAPH_PORT: '0',
      TAX_LEGACY_URL: legacy,
      AUDIT_DATABASE_URL: `sqlite:${join(data, 'access-log.db')}`,
    });
    // The other departments at a closed port: not whatever this machine runs on their default ports.
    const gateway = await startPiece(['gateway'], {
      GATEWAY_PORT: '0',
      TAX_SUBGRAPH_URL: `${subgraph}/graphql`,
      MARKET_SUBGRAPH_URL: 'http://127.0.0.1:9/graphql',
      SOCIAL_SUBGRAPH_URL: 'http://127.0.0.1:9/graphql',
      PLATFORM_SUBGRAPH_URL: 'http://127.0.0.1:9/graphql',
    });
    const portal = await startPiece(['portal'], { PORTAL_PORT: '0', PORTAL_GATEWAY_URL: gateway });
    const started = { 'stand-in tax': legacy, 'subgraph tax': subgraph, gateway, portal };
    for (const [name, url] of Object.entries(started)) {
      const piece = pieceOf(name.split(' ')).piece;
      // The gateway is ready once every department answers: only tax runs here, so it says which do not.
      for (const path of [piece.probes!.health, piece.probes!.ready])
        expect({ name, path, status: (await fetch(`${url}${path}`)).status }).toEqual({
          name,
          path,
          status: name === 'gateway' && path === '/ready' ? 503 : 200,
        });
      const health = await run(
        process.execPath,
        [join(out, 'scripts/imageEntrypoint.js'), 'health', ...name.split(' ')],
        {
          cwd: app,
          env: { PATH: process.env.PATH ?? '', [piece.port!.variable]: new URL(url).port },
        },
      ).then(
        () => 0,
        (error: { code: number }) => error.code,
      );
      expect({ name, health }).toEqual({ name, health: 0 });
    }
    // The portal's script is bundled at start from the sources the image keeps beside it.
    expect((await fetch(`${portal}/portal.js`)).status).toBe(200);
    // A piece that is not running is unhealthy.
    const down = await run(process.execPath, [join(out, 'scripts/imageEntrypoint.js'), 'health', 'gateway'], {
      cwd: app,
      env: { PATH: process.env.PATH ?? '', GATEWAY_PORT: '1' },
    }).then(
      () => ({ code: 0, stderr: '' }),
      (error: { code: number; stderr: string }) => error,
    );
    expect(down.code).toBe(1);
    expect(down.stderr).toMatch(/^health: gateway did not answer at http:\/\/127\.0\.0\.1:1\/health/);
  }, 120_000);

  it('runs the workbench with no history: the policy from the build and the mounted folder, NO_HISTORY for a diff', async () => {
    // The policy folder as compose and Kubernetes mount it, apart from the build.
    const mounted = join(data, 'privacy');
    cpSync(join(root, 'privacy'), mounted, { recursive: true });
    const piece = pieceOf(['workbench']).piece;
    const workbench = await startPiece(['workbench'], {
      WORKBENCH_PORT: '0',
      WORKBENCH_GATEWAY_URL: 'http://127.0.0.1:9',
      PRIVACY_DIR: mounted,
    });
    for (const path of [piece.probes!.health, piece.probes!.ready, '/privacy/', '/privacy/page.js'])
      expect({ path, status: (await fetch(`${workbench}${path}`)).status }).toEqual({ path, status: 200 });
    const health = await run(process.execPath, [join(out, 'scripts/imageEntrypoint.js'), 'health', 'workbench'], {
      cwd: app,
      env: { PATH: process.env.PATH ?? '', WORKBENCH_PORT: new URL(workbench).port },
    }).then(
      () => 0,
      (error: { code: number }) => error.code,
    );
    expect(health).toBe(0);
    // A privacy officer, signed with the development issuer's key the workbench made under DATA_DIR.
    const { key } = await readPrivateKey(join(data, 'keys', `${DEV_ISSUER_KEY_NAME}.private.jwk.json`));
    const token = await new SignJWT({ kind: 'officer', roles: ['privacy-officer'] })
      .setProtectedHeader({ alg: 'ES256' })
      .setSubject('staff-0007')
      .setIssuer(DEV_ISSUER)
      .setAudience(DEFAULT_AUDIENCE)
      .setIssuedAt()
      .setExpirationTime('10m')
      .sign(key);
    const ask = async (path: string) => {
      const response = await fetch(`${workbench}${path}`, { headers: { authorization: `Bearer ${token}` } });
      return { status: response.status, body: (await response.json()) as Record<string, unknown> };
    };
    // The schemas come from the build, the policy from the mounted folder: no source is beside the build.
    const table = await ask('/privacy/policy.json');
    expect(table.status).toBe(200);
    expect((table.body as { departments: unknown[] }).departments).toHaveLength(DEPARTMENT_NAMES.length);
    // No git history here: no versions to pick, and a diff says why with its code.
    expect(await ask('/privacy/versions.json')).toEqual({ status: 200, body: { versions: [] } });
    expect(await ask('/privacy/diff.json?ref=HEAD')).toEqual({
      status: 404,
      body: { error: { code: 'NO_HISTORY', message: expect.any(String) } },
    });
  }, 60_000);

  it('starts the applications engine on PostgreSQL, answering its probes and the health command with its executor id', async (context) => {
    const unavailable = await applicationsDatabaseUnavailable();
    if (unavailable) context.skip(unavailable);
    const database = await createApplicationsTestDatabase();
    try {
      const piece = pieceOf(['applications']).piece;
      const engine = await startPiece(['applications'], {
        APPLICATIONS_PORT: '0',
        APPLICATIONS_DATABASE_URL: database.url,
        APPLICATIONS_SCHEMA: database.schema,
        APPLICATIONS_EXECUTOR_ID: 'applications-0',
        APPLICATIONS_GATEWAY_URL: 'http://127.0.0.1:9/graphql',
      });
      for (const path of [piece.probes!.health, piece.probes!.ready]) {
        const response = await fetch(`${engine}${path}`);
        expect({ path, status: response.status, body: await response.json() }).toEqual({
          path,
          status: 200,
          body: { status: 'ok', executor: 'applications-0' },
        });
      }
      const health = await run(process.execPath, [join(out, 'scripts/imageEntrypoint.js'), 'health', 'applications'], {
        cwd: app,
        env: { PATH: process.env.PATH ?? '', APPLICATIONS_PORT: new URL(engine).port },
      }).then(
        () => 0,
        (error: { code: number }) => error.code,
      );
      expect(health).toBe(0);
      // It made its schemas, and DBOS's, in the database it was given.
      const schemas = await database.query<{ name: string }>(
        'SELECT schema_name AS name FROM information_schema.schemata WHERE schema_name = ANY($1) ORDER BY 1',
        [[database.schema, `${database.schema}_engine`]],
      );
      expect(schemas.rows.map((row) => row.name)).toEqual([database.schema, `${database.schema}_engine`]);
    } finally {
      // The engine stops (SIGTERM, as Kubernetes stops it) before its schemas are dropped.
      const engine = children.at(-1)!;
      if (engine.exitCode === null && engine.signalCode === null) {
        engine.kill('SIGTERM');
        await once(engine, 'exit');
      }
      await database.dispose();
    }
  }, 120_000);

  it('refuses an unknown piece in one line, exit 64', async () => {
    const refused = await run(process.execPath, [join(out, 'scripts/imageEntrypoint.js'), 'subgraph', 'housing'], {
      cwd: app,
      env: { PATH: process.env.PATH ?? '' },
    }).then(
      () => null,
      (error: { code: number; stderr: string }) => error,
    );
    expect(refused?.code).toBe(64);
    expect(refused?.stderr).toBe('no subgraph "housing": the departments are market, tax, social, platform\n');
  });
});
