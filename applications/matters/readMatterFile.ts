import { readFileSync } from 'node:fs';
import { basename } from 'node:path';
import { LineCounter, parseDocument, type Document } from 'yaml';
import { matterSchema, type Matter } from './Matter.js';
import type { MatterProblem } from './MatterProblem.js';

/** Points at a node of the file by its path (['steps', 'register', 'action']), or its nearest parent. */
export type Locate = (path: ReadonlyArray<string | number>, message: string) => MatterProblem;

export type MatterFileResult =
  { ok: true; matter: Matter; locate: Locate } | { ok: false; problems: MatterProblem[]; locate: Locate };

/**
 * Reads one matter file with the `yaml` package's LineCounter (as policy/load does), so every
 * problem names its line and column, then checks its shape with the zod schema (Matter.ts).
 * What the shape cannot know (departments, mutations, fields, purposes) is checkMatter's.
 */
export function readMatterFile(file: string): MatterFileResult {
  const lineCounter = new LineCounter();
  let text = '';
  let document: Document | null = null;
  const locate: Locate = (path, message) => {
    for (let length = path.length; length >= 0 && document; length--) {
      const node = document.getIn(path.slice(0, length), true) as { range?: [number, number] } | undefined;
      if (node?.range) {
        const { line, col } = lineCounter.linePos(node.range[0]);
        return { file, line, column: col, message };
      }
    }
    return { file, line: 1, column: 1, message };
  };
  try {
    text = readFileSync(file, 'utf8');
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code ?? 'error';
    return { ok: false, problems: [locate([], `The file cannot be read (${code}).`)], locate };
  }
  document = parseDocument(text, { lineCounter, prettyErrors: false });
  if (document.errors.length > 0) {
    const problems = document.errors.map((error) => {
      const { line, col } = lineCounter.linePos(error.pos[0]);
      return { file, line, column: col, message: `YAML syntax error: ${error.message.split('\n')[0]}` };
    });
    return { ok: false, problems, locate };
  }
  const parsed = matterSchema.safeParse(document.toJS());
  if (!parsed.success) {
    const problems = parsed.error.issues.map((issue) =>
      locate(issue.path as Array<string | number>, `${describePath(issue.path)}${issue.message}.`),
    );
    return { ok: false, problems, locate };
  }
  return { ok: true, matter: { name: basename(file).replace(/\.ya?ml$/, ''), ...parsed.data }, locate };
}

function describePath(path: ReadonlyArray<PropertyKey>): string {
  return path.length === 0 ? '' : `${path.map(String).join('.')}: `;
}
