import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { buildSchema, Kind, parse, type DefinitionNode, type FieldDefinitionNode } from 'graphql';
import { CODE_ROOT, DEFAULT_PRIVACY_DIR } from '../../core/repositoryRoot.js';
import { loadRegistry } from '../../policy/index.js';
import { DEPARTMENT_NAMES, departmentSettings, type Department } from '../../registry/departments.js';
import { checkMatter } from './checkMatter.js';
import type { Matter } from './Matter.js';
import type { MatterCheckContext, MutationShape } from './MatterCheckContext.js';
import type { MatterProblem } from './MatterProblem.js';
import { readMatterFile } from './readMatterFile.js';

/** Where the shipped matters live: one YAML file per kind of public service. */
export const MATTERS_FOLDER = join(CODE_ROOT, 'matters');

export interface LoadedMatters {
  matters: Matter[];
  /** Every file read, in name order, each with its problems (none: the file is good). */
  files: Array<{ file: string; problems: MatterProblem[] }>;
  ok: boolean;
}

/** Reads and checks every `*.yaml` under `folder`; only a folder with no problem gives matters to run. */
export function loadMatters(context: MatterCheckContext, folder: string = MATTERS_FOLDER): LoadedMatters {
  const names = readdirSync(folder)
    .filter((name) => /\.ya?ml$/.test(name))
    .sort();
  const matters: Matter[] = [];
  const files = names.map((name) => {
    const file = join(folder, name);
    const read = readMatterFile(file);
    if (!read.ok) return { file, problems: read.problems };
    const problems = checkMatter(read.matter, context, read.locate);
    if (problems.length === 0) matters.push(read.matter);
    return { file, problems };
  });
  return { matters, files, ok: files.every((entry) => entry.problems.length === 0) };
}

/** The Mutation fields an SDL declares (type Mutation and its extensions), with their arguments. */
export function readMutations(sdl: string): Map<string, MutationShape> {
  const mutations = new Map<string, MutationShape>();
  const isMutation = (definition: DefinitionNode) =>
    (definition.kind === Kind.OBJECT_TYPE_DEFINITION || definition.kind === Kind.OBJECT_TYPE_EXTENSION) &&
    definition.name.value === 'Mutation';
  for (const definition of parse(sdl).definitions) {
    if (!isMutation(definition) || !('fields' in definition)) continue;
    for (const field of (definition.fields ?? []) as readonly FieldDefinitionNode[]) {
      const argumentsByName = new Map(
        (field.arguments ?? []).map((argument) => [
          argument.name.value,
          { required: argument.type.kind === Kind.NON_NULL_TYPE && !argument.defaultValue },
        ]),
      );
      mutations.set(field.name.value, { arguments: argumentsByName });
    }
  }
  return mutations;
}

/**
 * The repository as it is: the registry's departments, each subgraph's schema.graphql, the public
 * schema.graphql, privacy/roles.yaml. `sdlOf` replaces a department's SDL (tests: the planned
 * mutations, applications/matters/testing/).
 */
export function repositoryMatterContext(sdlOf?: (department: string) => string | null): MatterCheckContext {
  const registry = loadRegistry(join(DEFAULT_PRIVACY_DIR, 'roles.yaml'));
  if (!registry.ok) throw new Error('privacy/roles.yaml has problems: run npm run policy:check.');
  const readSdl = (department: string): string | null => {
    if (sdlOf) return sdlOf(department);
    try {
      return readFileSync(join(CODE_ROOT, departmentSettings(department as Department).schemaFile), 'utf8');
    } catch {
      return null;
    }
  };
  const cache = new Map<string, Map<string, MutationShape> | null>();
  return {
    departments: DEPARTMENT_NAMES,
    mutationsOf(department) {
      if (!cache.has(department)) {
        const sdl = readSdl(department);
        cache.set(department, sdl === null ? null : readMutations(sdl));
      }
      return cache.get(department)!;
    },
    publicSchema: buildSchema(readFileSync(join(CODE_ROOT, 'schema.graphql'), 'utf8')),
    purposes: new Set(registry.registry.purposes.keys()),
    roles: new Set(registry.registry.roles.keys()),
  };
}
