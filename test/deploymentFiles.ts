/**
 * The deployment files as test/deployment.test.ts reads them: the Kubernetes manifests (the
 * base's files, and each overlay as `kubectl kustomize` renders it), checked against the
 * Kubernetes schemas that kubernetes-models ships, field names included; compose.yaml with its
 * YAML merges resolved, against the Compose Specification's schema (deploy/compose/).
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { Ajv } from 'ajv';
import ts from 'typescript';
import { parseAllDocuments, parse } from 'yaml';
import { repositoryRoot } from '../core/repositoryRoot.js';

const root = repositoryRoot();

/** A Kubernetes object as a manifest holds it. */
export interface KubernetesObject {
  apiVersion: string;
  kind: string;
  metadata: { name: string; namespace?: string; labels?: Record<string, string> };
  [field: string]: unknown;
}

export const KUBERNETES_FOLDER = join(root, 'deploy/kubernetes');
export const OVERLAYS = ['development', 'production'] as const;

/** Every object of a YAML stream (documents separated by ---), empty ones left out. */
export function readObjects(text: string): KubernetesObject[] {
  return parseAllDocuments(text)
    .map((document) => document.toJS() as KubernetesObject | null)
    .filter((object): object is KubernetesObject => object !== null);
}

/** The base's manifests, read from its files (its kustomization lists them). */
export function baseObjects(): KubernetesObject[] {
  const folder = join(KUBERNETES_FOLDER, 'base');
  const kustomization = parse(readFileSync(join(folder, 'kustomization.yaml'), 'utf8')) as { resources: string[] };
  return kustomization.resources.flatMap((file) => readObjects(readFileSync(join(folder, file), 'utf8')));
}

/** Why `kubectl kustomize` cannot run here, or null: .ci/run installs Debian's kubernetes-client. */
export function kubectlMissing(): string | null {
  const probe = spawnSync('kubectl', ['version', '--client'], { encoding: 'utf8' });
  return probe.status === 0
    ? null
    : 'kubectl is not installed (.ci/run installs it: apt-get install kubernetes-client)';
}

/** An overlay as the cluster receives it. */
export function renderOverlay(overlay: (typeof OVERLAYS)[number]): KubernetesObject[] {
  const text = execFileSync('kubectl', ['kustomize', join(KUBERNETES_FOLDER, 'overlays', overlay)], {
    encoding: 'utf8',
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  return readObjects(text);
}

/** Problems of one object against the Kubernetes schema of its kind (kubernetes-models' validators). */
export function schemaProblems(object: KubernetesObject): string[] {
  let models: Record<string, (new (data: unknown) => { validate(): void }) | undefined>;
  try {
    models = createRequire(join(root, 'package.json'))(`kubernetes-models/${object.apiVersion}`) as typeof models;
  } catch {
    return [`${object.kind} ${object.metadata.name}: no schema for apiVersion ${object.apiVersion}`];
  }
  const Model = models[object.kind];
  if (!Model) return [`${object.kind} ${object.metadata.name}: no kind ${object.kind} in ${object.apiVersion}`];
  try {
    new Model(object).validate();
    return [];
  } catch (error) {
    return [`${object.kind} ${object.metadata.name}: ${(error as Error).message}`];
  }
}

/**
 * Fields the Kubernetes API does not know (a misspelt `livenesProbe` is dropped by the API server
 * without a word, and the schemas allow any extra field): each object is walked along the
 * TypeScript type kubernetes-models declares for its kind.
 */
export function unknownFields(objects: readonly KubernetesObject[]): string[] {
  const require = createRequire(join(root, 'package.json'));
  const modelsFolder = dirname(require.resolve('kubernetes-models/package.json'));
  const kinds = [...new Set(objects.map((object) => `${object.apiVersion}/${object.kind}`))].map((key) => ({
    key,
    file: join(modelsFolder, `${key}.d.ts`),
  }));
  const program = ts.createProgram(
    kinds.map((kind) => kind.file),
    { strict: true, skipLibCheck: true, noEmit: true, module: ts.ModuleKind.NodeNext, types: [] },
  );
  const checker = program.getTypeChecker();
  const typeOf = new Map<string, ts.Type>();
  for (const kind of kinds) {
    const source = program.getSourceFile(kind.file);
    const name = `I${kind.key.slice(kind.key.lastIndexOf('/') + 1)}`;
    const declaration = source?.statements.find(
      (statement): statement is ts.InterfaceDeclaration =>
        ts.isInterfaceDeclaration(statement) && statement.name.text === name,
    );
    if (declaration) typeOf.set(kind.key, checker.getTypeAtLocation(declaration));
  }

  const walk = (value: unknown, declared: ts.Type, path: string, out: string[]): void => {
    let type = checker.getNonNullableType(declared);
    if (type.flags & (ts.TypeFlags.Any | ts.TypeFlags.Unknown)) return;
    if (Array.isArray(value)) {
      const element = checker.getIndexTypeOfType(type, ts.IndexKind.Number);
      if (element) value.forEach((item, index) => walk(item, element, `${path}[${index}]`, out));
      return;
    }
    if (value === null || typeof value !== 'object') return;
    if (type.isUnion()) type = type.types.find((member) => member.getProperties().length > 0) ?? type;
    const index = checker.getIndexTypeOfType(type, ts.IndexKind.String);
    for (const [key, child] of Object.entries(value)) {
      const property = type.getProperty(key);
      if (property) {
        const declaration = property.valueDeclaration ?? property.declarations?.[0];
        if (declaration) walk(child, checker.getTypeOfSymbolAtLocation(property, declaration), `${path}.${key}`, out);
      } else if (index) walk(child, index, `${path}.${key}`, out);
      else out.push(`${path}.${key}`);
    }
  };

  return objects.flatMap((object) => {
    const type = typeOf.get(`${object.apiVersion}/${object.kind}`);
    if (!type) return [`${object.kind} ${object.metadata.name}: no declared type for ${object.apiVersion}`];
    const out: string[] = [];
    walk(object, type, `${object.kind} ${object.metadata.name}`, out);
    return out;
  });
}

/** compose.yaml, YAML merges (`<<: *piece`) resolved as Compose resolves them. */
export function composeFile(): ComposeFile {
  return parse(readFileSync(join(root, 'compose.yaml'), 'utf8'), { merge: true }) as ComposeFile;
}

export interface ComposeService {
  image?: string;
  command?: string[];
  environment?: Record<string, string>;
  secrets?: Array<string | { source: string; target?: string }>;
  volumes?: string[];
  ports?: string[];
  networks?: string[];
  healthcheck?: { test: string[] };
  stop_grace_period?: string;
}

export interface ComposeFile {
  services: Record<string, ComposeService>;
  secrets: Record<string, { file: string }>;
  networks: Record<string, { internal?: boolean }>;
}

/** Problems of compose.yaml against the Compose Specification's JSON schema. */
export function composeSchemaProblems(compose: unknown): string[] {
  const schema = JSON.parse(readFileSync(join(root, 'deploy/compose/compose-spec.schema.json'), 'utf8')) as object;
  // The schema names draft-07 by an https address Ajv does not hold under that name; it is draft-07.
  const ajv = new Ajv({ allErrors: true, strict: false, validateSchema: false });
  const validate = ajv.compile(schema);
  if (validate(compose)) return [];
  return (validate.errors ?? []).map((error) => `${error.instancePath || '/'} ${error.message ?? ''}`);
}

/**
 * A value with Compose's interpolation done: `${NAME:-default}` takes the default, `${NAME:?why}`
 * (a value the operator must give) takes `given[NAME]`.
 */
export function interpolate(value: string, given: Readonly<Record<string, string>>): string {
  return value.replace(
    /\$\{([A-Z0-9_]+)(?::?([-?])([^}]*))?\}/g,
    (_match, name: string, kind?: string, rest?: string) => {
      if (kind === '-') return rest ?? '';
      const value = given[name];
      if (value === undefined) throw new Error(`compose.yaml needs \${${name}}: give the test a value for it`);
      return value;
    },
  );
}
