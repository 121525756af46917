/**
 * `npm run subgraph -- <department>` and `npm run mock -- <department>`: one registry department's
 * subgraph, or its legacy stand-in, alone in this process (its `main.ts`, found by the registry's
 * convention), with the ports and variables that `npm run departments` lists.
 */
import { DEPARTMENT_NAMES, departmentSettings, type Department } from '../registry/departments.js';

const PIECES = ['subgraph', 'mock'] as const;
type Piece = (typeof PIECES)[number];

function mainOf(piece: Piece, name: string): string {
  if (!(DEPARTMENT_NAMES as readonly string[]).includes(name)) {
    throw new Error(
      `no department ${JSON.stringify(name)} in registry/departments.ts; known: ${DEPARTMENT_NAMES.join(', ')}`,
    );
  }
  const { files } = departmentSettings(name as Department);
  if (piece === 'subgraph') return files.subgraphMain;
  if (!files.mock) throw new Error(`${name} has no legacy system of its own, so no stand-in to run`);
  return files.mock.main;
}

const [piece, name] = process.argv.slice(2);
let main: string;
try {
  if (!PIECES.includes(piece as Piece)) throw new Error(`the piece is one of ${PIECES.join(', ')}`);
  if (!name) throw new Error('which department? e.g. tax');
  main = mainOf(piece as Piece, name);
} catch (error) {
  console.error(`${piece ?? 'run'}: ${(error as Error).message}`);
  console.error(`usage: npm run ${piece === 'mock' ? 'mock' : 'subgraph'} -- <department>`);
  process.exit(1);
}
await import(new URL(`../${main}`, import.meta.url).href);
