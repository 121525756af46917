import type { SubjectResolvers } from '../subgraphs/kit/index.js';

/** A department's subject entries, from the `subjects` export of subgraphs/<department>/subjects.ts. */
export async function departmentSubjects(department: string): Promise<SubjectResolvers> {
  // A URL made at run time: bundlers' static import analysis (vitest) cannot resolve a template here.
  const file = new URL(`../subgraphs/${department}/subjects.ts`, import.meta.url).href;
  const module = (await import(/* @vite-ignore */ file)) as { subjects: SubjectResolvers };
  return module.subjects;
}
