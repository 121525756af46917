import { readFileSync } from 'node:fs';

/** One object of the heap with what it keeps alive: its own size plus everything only it reaches. */
export interface HeapRetainer {
  /** `Object`, `Map`, a class name, `(closure) name`, `(string)`, … as DevTools' summary names it. */
  name: string;
  /** The edge from its dominator's side that reaches it (a property or variable name), when there is one. */
  via: string;
  /** The chain of dominators above it (innermost last), names only. */
  path: string[];
  selfBytes: number;
  retainedBytes: number;
}

export interface HeapSummary {
  totalBytes: number;
  nodes: number;
  /** Self size summed by DevTools' grouping (constructor, or the kind for strings, code, arrays). */
  byGroup: Array<{ group: string; count: number; selfBytes: number }>;
  /** The largest retainers in the dominator tree, excluding V8's own roots; nested ones too. */
  retainers: HeapRetainer[];
  /** Strings' self size by what holds them (the first retainer's kind and edge): a script's source, a cache's key. */
  stringsByHolder: Array<{ holder: string; count: number; selfBytes: number }>;
}

interface Snapshot {
  snapshot: {
    meta: {
      node_fields: string[];
      node_types: [string[], ...unknown[]];
      edge_fields: string[];
      edge_types: [string[], ...unknown[]];
    };
  };
  nodes: number[];
  edges: number[];
  strings: string[];
}

/**
 * Reads a V8 heap snapshot (`v8.writeHeapSnapshot`) and computes what DevTools' summary and
 * dominator views show: self sizes by constructor, and retained sizes from the dominator tree
 * (Cooper, Harvey and Kennedy's iterative algorithm over the non-weak edges from the root).
 */
export function summariseHeapSnapshot(file: string, options: { top?: number; minBytes?: number } = {}): HeapSummary {
  const snapshot = JSON.parse(readFileSync(file, 'utf8')) as Snapshot;
  const { meta } = snapshot.snapshot;
  const { nodes, edges, strings } = snapshot;
  const nodeFields = meta.node_fields.length;
  const edgeFields = meta.edge_fields.length;
  const nType = meta.node_fields.indexOf('type');
  const nName = meta.node_fields.indexOf('name');
  const nSelf = meta.node_fields.indexOf('self_size');
  const nEdges = meta.node_fields.indexOf('edge_count');
  const eType = meta.edge_fields.indexOf('type');
  const eName = meta.edge_fields.indexOf('name_or_index');
  const eTo = meta.edge_fields.indexOf('to_node');
  const nodeTypes = meta.node_types[0];
  const edgeTypes = meta.edge_types[0];
  const weak = edgeTypes.indexOf('weak');
  const shortcut = edgeTypes.indexOf('shortcut');
  const count = nodes.length / nodeFields;

  const firstEdge = new Uint32Array(count + 1);
  for (let node = 0, edge = 0; node < count; node++) {
    firstEdge[node] = edge;
    edge += nodes[node * nodeFields + nEdges]! * edgeFields;
  }
  firstEdge[count] = edges.length;
  const followed = (edge: number) => edges[edge + eType] !== weak && edges[edge + eType] !== shortcut;

  const typeOf = (node: number) => nodeTypes[nodes[node * nodeFields + nType]!]!;
  const nameOf = (node: number) => {
    const type = typeOf(node);
    const name = strings[nodes[node * nodeFields + nName]!]!;
    if (type === 'object' || type === 'native') return name.split(' ')[0] || name;
    if (type === 'closure') return `(closure) ${name || 'anonymous'}`;
    return `(${type})`;
  };
  const selfOf = (node: number) => nodes[node * nodeFields + nSelf]!;

  // Depth-first postorder from the root (node 0).
  const postorder = new Int32Array(count).fill(-1);
  const order: number[] = [];
  const visited = new Uint8Array(count);
  const stack: number[] = [0];
  const cursor = new Uint32Array(count);
  visited[0] = 1;
  cursor[0] = firstEdge[0]!;
  while (stack.length > 0) {
    const node = stack[stack.length - 1]!;
    if (cursor[node]! < firstEdge[node + 1]!) {
      const edge = cursor[node]!;
      cursor[node] = edge + edgeFields;
      if (!followed(edge)) continue;
      const to = edges[edge + eTo]! / nodeFields;
      if (visited[to]) continue;
      visited[to] = 1;
      cursor[to] = firstEdge[to]!;
      stack.push(to);
    } else {
      stack.pop();
      postorder[node] = order.length;
      order.push(node);
    }
  }

  // Predecessors of the reachable nodes, as one flat list.
  const predecessorCount = new Uint32Array(count + 1);
  for (let node = 0; node < count; node++) {
    if (!visited[node]) continue;
    for (let edge = firstEdge[node]!; edge < firstEdge[node + 1]!; edge += edgeFields)
      if (followed(edge)) predecessorCount[edges[edge + eTo]! / nodeFields]!++;
  }
  const predecessorStart = new Uint32Array(count + 1);
  for (let node = 0; node < count; node++)
    predecessorStart[node + 1] = predecessorStart[node]! + predecessorCount[node]!;
  const predecessors = new Uint32Array(predecessorStart[count]!);
  const fill = predecessorStart.slice();
  for (let node = 0; node < count; node++) {
    if (!visited[node]) continue;
    for (let edge = firstEdge[node]!; edge < firstEdge[node + 1]!; edge += edgeFields)
      if (followed(edge)) predecessors[fill[edges[edge + eTo]! / nodeFields]!++] = node;
  }

  const dominator = new Int32Array(count).fill(-1);
  dominator[0] = 0;
  const intersect = (a: number, b: number) => {
    while (a !== b) {
      while (postorder[a]! < postorder[b]!) a = dominator[a]!;
      while (postorder[b]! < postorder[a]!) b = dominator[b]!;
    }
    return a;
  };
  for (let changed = true; changed;) {
    changed = false;
    for (let index = order.length - 2; index >= 0; index--) {
      const node = order[index]!;
      let chosen = -1;
      for (let at = predecessorStart[node]!; at < predecessorStart[node + 1]!; at++) {
        const predecessor = predecessors[at]!;
        if (dominator[predecessor] === -1) continue;
        chosen = chosen === -1 ? predecessor : intersect(predecessor, chosen);
      }
      if (chosen !== -1 && dominator[node] !== chosen) {
        dominator[node] = chosen;
        changed = true;
      }
    }
  }

  const retained = new Float64Array(count);
  for (const node of order) retained[node] = (retained[node] ?? 0) + selfOf(node);
  for (const node of order) if (node !== 0) retained[dominator[node]!]! += retained[node]!;

  const groups = new Map<string, { count: number; selfBytes: number }>();
  let totalBytes = 0;
  for (const node of order) {
    const name = nameOf(node);
    const group = groups.get(name) ?? { count: 0, selfBytes: 0 };
    group.count++;
    group.selfBytes += selfOf(node);
    groups.set(name, group);
    totalBytes += selfOf(node);
  }

  // The edge by which a node's dominator (or, failing that, any retainer) reaches it: its name there.
  const viaOf = (node: number) => {
    const from = dominator[node]!;
    for (let at = predecessorStart[node]!; at < predecessorStart[node + 1]!; at++) {
      const predecessor = predecessors[at]!;
      for (let edge = firstEdge[predecessor]!; edge < firstEdge[predecessor + 1]!; edge += edgeFields) {
        if (edges[edge + eTo]! / nodeFields !== node) continue;
        const type = edgeTypes[edges[edge + eType]!];
        const label =
          type === 'element' || type === 'hidden' ? `[${edges[edge + eName]}]` : strings[edges[edge + eName]!]!;
        if (predecessor === from || at === predecessorStart[node + 1]! - 1) return `${nameOf(predecessor)}.${label}`;
      }
    }
    return '';
  };
  const pathOf = (node: number) => {
    const path: string[] = [];
    for (let at = dominator[node]!; at !== 0 && path.length < 8; at = dominator[at]!) path.unshift(nameOf(at));
    return path;
  };
  const minBytes = options.minBytes ?? 256 * 1024;
  // V8's synthetic roots and the global object's own containers dominate everything: skip those kinds.
  const skipped = new Set(['synthetic', 'hidden', 'code']);
  const retainers = order
    .filter((node) => node !== 0 && retained[node]! >= minBytes && !skipped.has(typeOf(node)))
    .sort((a, b) => retained[b]! - retained[a]!)
    .slice(0, options.top ?? 40)
    .map((node) => ({
      name: nameOf(node),
      via: viaOf(node),
      path: pathOf(node),
      selfBytes: selfOf(node),
      retainedBytes: retained[node]!,
    }));
  const holders = new Map<string, { count: number; selfBytes: number }>();
  for (const node of order) {
    if (!typeOf(node).includes('string')) continue;
    const via = viaOf(node);
    const holder = via.replace(/\[\d+\]$/, '[n]');
    const entry = holders.get(holder) ?? { count: 0, selfBytes: 0 };
    entry.count++;
    entry.selfBytes += selfOf(node);
    holders.set(holder, entry);
  }
  return {
    stringsByHolder: [...holders.entries()]
      .map(([holder, figures]) => ({ holder, ...figures }))
      .sort((a, b) => b.selfBytes - a.selfBytes)
      .slice(0, 12),
    totalBytes,
    nodes: order.length,
    byGroup: [...groups.entries()]
      .map(([group, figures]) => ({ group, ...figures }))
      .sort((a, b) => b.selfBytes - a.selfBytes)
      .slice(0, options.top ?? 40),
    retainers,
  };
}
