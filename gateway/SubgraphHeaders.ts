import type { IncomingHttpHeaders } from 'node:http';

/**
 * A subgraph answer's headers in the shape @apollo/gateway reads (a fetch `Headers`: it asks
 * for Content-Type, and Cache-Control when it honours it), over the object Node has already
 * parsed. Building a WHATWG `Headers` from the raw list cost an `append`, with its validation,
 * per header per subgraph call (issue 23's profile of the gateway); names are lower case here,
 * as Node gives them, and looked up lower-cased.
 */
export class SubgraphHeaders implements Iterable<[string, string]> {
  readonly #headers: Map<string, string>;

  constructor(headers: IncomingHttpHeaders | Iterable<[string, string]>) {
    this.#headers = new Map();
    const entries = Symbol.iterator in headers ? headers : Object.entries(headers);
    for (const [name, value] of entries as Iterable<[string, string | string[] | undefined]>)
      if (value !== undefined) this.#headers.set(name.toLowerCase(), Array.isArray(value) ? value.join(', ') : value);
  }

  get(name: string): string | null {
    return this.#headers.get(name.toLowerCase()) ?? null;
  }

  has(name: string): boolean {
    return this.#headers.has(name.toLowerCase());
  }

  set(name: string, value: string): void {
    this.#headers.set(name.toLowerCase(), value);
  }

  append(name: string, value: string): void {
    const existing = this.get(name);
    this.set(name, existing === null ? value : `${existing}, ${value}`);
  }

  delete(name: string): void {
    this.#headers.delete(name.toLowerCase());
  }

  entries(): IterableIterator<[string, string]> {
    return this.#headers.entries();
  }

  keys(): IterableIterator<string> {
    return this.#headers.keys();
  }

  values(): IterableIterator<string> {
    return this.#headers.values();
  }

  [Symbol.iterator](): IterableIterator<[string, string]> {
    return this.#headers.entries();
  }
}
