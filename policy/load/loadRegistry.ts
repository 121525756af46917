import { isMap, isScalar, type Node } from 'yaml';
import type { PolicyProblem, RegistryLoadResult } from '../engine/index.js';
import { didYouMean } from './didYouMean.js';
import { readYamlFile, type YamlFile } from './readYamlFile.js';

const SECTIONS = ['roles', 'purposes'] as const;
// Roles and purposes travel in tokens and headers; lower-case words joined by hyphens.
const NAME_PATTERN = /^[a-z][a-z0-9]*(?:-[a-z0-9]+)*$/;

/**
 * Reads privacy/roles.yaml: the roles officers can hold and the purposes they can state, each
 * with a one-line description. Policy files may name only these (see loadPolicy).
 */
export function loadRegistry(file: string): RegistryLoadResult {
  const source = readYamlFile(file);
  if (source.problems.length > 0) return { ok: false, problems: source.problems };
  const problems: PolicyProblem[] = [];
  const sections = { roles: new Map<string, string>(), purposes: new Map<string, string>() };
  const root = source.contents;
  if (!isMap(root)) {
    problems.push(
      source.problemAt(
        root,
        'The registry must be a map with `roles:` and `purposes:`, each naming entries with a one-line description.',
      ),
    );
    return { ok: false, problems };
  }
  const seen = new Set<string>();
  for (const pair of root.items) {
    const key = pair.key as Node;
    const name = isScalar(key) ? String(key.value) : '';
    if (!(SECTIONS as readonly string[]).includes(name)) {
      problems.push(
        source.problemAt(
          key,
          `Unknown key '${name}' in the registry: it has only \`roles:\` and \`purposes:\`.${didYouMean(name, SECTIONS)}`,
        ),
      );
      continue;
    }
    seen.add(name);
    readSection(
      source,
      name as (typeof SECTIONS)[number],
      pair.value as Node | null,
      key,
      sections[name as (typeof SECTIONS)[number]],
      problems,
    );
  }
  for (const section of SECTIONS) {
    if (!seen.has(section)) problems.push(source.problemAt(root, `The registry has no \`${section}:\` section.`));
  }
  if (problems.length > 0)
    return { ok: false, problems: problems.sort((a, b) => a.line - b.line || a.column - b.column) };
  return { ok: true, registry: { file, text: source.text, roles: sections.roles, purposes: sections.purposes } };
}

function readSection(
  source: YamlFile,
  section: 'roles' | 'purposes',
  value: Node | null,
  key: Node,
  into: Map<string, string>,
  problems: PolicyProblem[],
): void {
  const singular = section === 'roles' ? 'role' : 'purpose';
  if (!isMap(value)) {
    problems.push(
      source.problemAt(
        value ?? key,
        `\`${section}:\` must map each ${singular} to a one-line description, e.g. \`${section === 'roles' ? 'tax-officer: Staff of the tax bureau' : 'tax-audit: Auditing a taxpayer'}\`.`,
      ),
    );
    return;
  }
  for (const pair of value.items) {
    const nameNode = pair.key as Node;
    const name = isScalar(nameNode) ? String(nameNode.value) : '';
    if (!NAME_PATTERN.test(name)) {
      problems.push(
        source.problemAt(
          nameNode,
          `The ${singular} name '${name}' must be lower-case words joined by hyphens, e.g. tax-officer.`,
        ),
      );
      continue;
    }
    const description = pair.value as Node | null;
    if (!isScalar(description) || typeof description.value !== 'string' || description.value.trim() === '') {
      const at = description === null || (isScalar(description) && description.value === null) ? nameNode : description;
      problems.push(source.problemAt(at, `The ${singular} '${name}' needs a one-line description.`));
      continue;
    }
    into.set(name, description.value.trim());
  }
}
