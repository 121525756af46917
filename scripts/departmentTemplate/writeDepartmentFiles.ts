import { mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { fillTemplate, type DepartmentNames } from './departmentNames.js';

const TEMPLATES = dirname(fileURLToPath(import.meta.url));
const TEMPLATE_SUFFIX = '.template';

/** Which template folder or file becomes which path of the new department, relative to the repository root. */
const TARGETS = [
  { template: 'subgraph', target: 'subgraphs/__name__' },
  { template: 'mock', target: 'legacy-mocks/__name__' },
  { template: 'policy.yaml.template', target: 'privacy/__name__.yaml' },
  { template: 'policyTests/tests.yaml.template', target: 'privacy/tests/__name__.yaml' },
] as const;

/**
 * Writes the department's own files (its subgraph folder, its legacy stand-in, its policy file and its policy tests)
 * from the `*.template` files beside this module, names filled in; returns the paths written.
 * Never overwrites: the scaffold refuses a taken name before calling this.
 */
export function writeDepartmentFiles(root: string, names: DepartmentNames): string[] {
  const written: string[] = [];
  for (const { template, target } of TARGETS) {
    const source = join(TEMPLATES, template);
    const files = template.endsWith(TEMPLATE_SUFFIX) ? [source] : listTemplates(source);
    for (const file of files) {
      const inside = template.endsWith(TEMPLATE_SUFFIX) ? '' : relative(source, file).slice(0, -TEMPLATE_SUFFIX.length);
      const path = fillTemplate(inside === '' ? target : `${target}/${inside}`, names);
      mkdirSync(dirname(join(root, path)), { recursive: true });
      writeFileSync(join(root, path), fillTemplate(readFileSync(file, 'utf8'), names), { flag: 'wx' });
      written.push(path);
    }
  }
  return written;
}

function listTemplates(folder: string): string[] {
  return readdirSync(folder, { withFileTypes: true, recursive: true })
    .filter((entry) => entry.isFile() && entry.name.endsWith(TEMPLATE_SUFFIX))
    .map((entry) => join(entry.parentPath, entry.name))
    .sort();
}
