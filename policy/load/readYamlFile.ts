import { readFileSync } from 'node:fs';
import { LineCounter, parseDocument, type Node } from 'yaml';
import type { PolicyProblem } from '../engine/index.js';

/** A parsed YAML file that can point at its own nodes, so every problem names a line and column. */
export interface YamlFile {
  file: string;
  /** The file's text as read (empty when unreadable): what a policy version's hash covers. */
  text: string;
  /** The document's root node; null when the file is empty, missing or unreadable. */
  contents: Node | null;
  /** Problems found while reading: a missing file or YAML syntax errors. */
  problems: PolicyProblem[];
  /** A problem at a node's first character (line 1, column 1 when there is no node). */
  problemAt(node: Node | null | undefined, message: string): PolicyProblem;
}

/**
 * Reads a policy or registry file with the `yaml` package, keeping a LineCounter so any node
 * maps back to its line and column. Duplicate keys are syntax errors here (the yaml default),
 * so a field classified twice is caught before anyone wonders which line wins.
 */
export function readYamlFile(file: string): YamlFile {
  const lineCounter = new LineCounter();
  const problemAtOffset = (offset: number, message: string): PolicyProblem => {
    const { line, col } = lineCounter.linePos(offset);
    return { file, line, column: col, message };
  };
  const problemAt = (node: Node | null | undefined, message: string): PolicyProblem =>
    node?.range ? problemAtOffset(node.range[0], message) : { file, line: 1, column: 1, message };

  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    const message = code === 'ENOENT' ? 'The file does not exist.' : `The file cannot be read (${code ?? 'error'}).`;
    return { file, text: '', contents: null, problems: [{ file, line: 1, column: 1, message }], problemAt };
  }

  const document = parseDocument(text, { lineCounter, prettyErrors: false, keepSourceTokens: false });
  const problems = document.errors.map((error) =>
    problemAtOffset(error.pos[0], `YAML syntax error: ${firstLine(error.message)}`),
  );
  return {
    file,
    text,
    contents: problems.length > 0 ? null : ((document.contents as Node | null) ?? null),
    problems,
    problemAt,
  };
}

function firstLine(message: string): string {
  const line = message.split('\n')[0]!.trim();
  return line.endsWith('.') ? line : `${line}.`;
}
