/**
 * `npm run matters:check`: reads every matter under matters/ (or the folder given) and checks it
 * against the registry, each department's subgraph schema (its Mutation type), the public
 * schema.graphql and privacy/roles.yaml. Prints `file:line:column: message` per problem and
 * exits 1, or one OK line per file. docs/applications.md says how a matter is written.
 */
import { relative, resolve } from 'node:path';
import { loadMatters, MATTERS_FOLDER, repositoryMatterContext } from '../applications/matters/loadMatters.js';

const folder = process.argv[2] ? resolve(process.argv[2]) : MATTERS_FOLDER;
const loaded = loadMatters(repositoryMatterContext(), folder);
const shown = (file: string) => relative(process.cwd(), file) || file;
for (const { file, problems } of loaded.files) {
  if (problems.length === 0) console.log(`OK ${shown(file)}`);
  for (const problem of problems)
    console.log(`${shown(problem.file)}:${problem.line}:${problem.column}: ${problem.message}`);
}
if (!loaded.ok) {
  const count = loaded.files.reduce((sum, entry) => sum + entry.problems.length, 0);
  console.error(
    `${count} problem${count === 1 ? '' : 's'}: fix ${count === 1 ? 'it' : 'them'} and run npm run matters:check again.`,
  );
  process.exitCode = 1;
}
