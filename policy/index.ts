/**
 * The privacy policy engine as a package of its own (DESIGN.md, "Privacy policy"; privacy
 * officers' guide: privacy/README.md). It imports only core/, so the subgraphs' kit (which
 * enforces it with graphql-shield), the gateway (which checks stated purposes against the roles
 * file), the workbench and the scripts all use the same engine, and none of them is needed to
 * read, check or explain a policy. Its rooms, each with one face, depend in this order only:
 *
 * - engine/: the vocabulary, predicates, expressions, masks, compiled policy, field decider;
 * - load/: the officers' files read, checked and compiled; versions; reloading (→ engine);
 * - explain/: who may see what, why, and what changes for whom (→ engine);
 * - check/: a whole policy folder, here or at a git ref (→ load, explain, engine);
 * - test/: the officers' policy tests (→ load, explain, engine).
 */
export * from './engine/index.js';
export * from './load/index.js';
export * from './explain/index.js';
export * from './check/index.js';
export * from './test/index.js';
