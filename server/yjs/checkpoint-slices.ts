import * as Y from 'yjs';

/**
 * Structs per slice of a checkpoint. Applying one struct of a long random-position document
 * takes about 1.5 µs, so a slice of this many applies in a few milliseconds: a room loads a
 * few slices a turn (room-loader.ts) and no single call holds the thread for long.
 */
export const SLICE_STRUCTS = 4000;

/**
 * A document's state as a list of updates that, applied in order to an empty document, give
 * exactly its state, each depending only on itself and the slices before it: Yjs never parks a
 * struct as pending, and a room can be rebuilt a slice at a time across turns. A slice holds
 * whole clients (every struct of each), clients that depend on each other in the same slice,
 * in an order where every client comes after those it depends on; the delete set comes last,
 * once, in an update of its own. A document with one client, or small, is one update, exactly
 * `Y.encodeStateAsUpdate(doc)`.
 */
export function encodeCheckpoint(doc: Y.Doc, maxStructs: number = SLICE_STRUCTS): Uint8Array[] {
  const whole = (): Uint8Array[] => [Y.encodeStateAsUpdate(doc)];
  const store = doc.store;
  // Pending structs are merged into every encoding by Yjs, delete set and all: not sliceable.
  if (store.pendingStructs !== null || store.pendingDs !== null || store.clients.size <= 1) return whole();
  let total = 0;
  for (const structs of store.clients.values()) total += structs.length;
  if (total <= maxStructs) return whole();
  const groups = packComponents(dependencyOrder(store.clients), store.clients, maxStructs);
  if (groups.length <= 1) return whole();

  const full = Y.decodeStateVector(Y.encodeStateVector(doc));
  // Nothing above the full state vector: the encoding is an empty struct list (one 0x00) and
  // the delete set, which every slice would repeat.
  const deleteSetOnly = Y.encodeStateAsUpdate(doc, Y.encodeStateVector(full));
  const deleteSet = deleteSetOnly.subarray(1);
  const slices: Uint8Array[] = [];
  for (const clients of groups) {
    const target = new Map(full);
    for (const client of clients) target.set(client, 0);
    const encoded = Y.encodeStateAsUpdate(doc, Y.encodeStateVector(target));
    const structsEnd = encoded.length - deleteSet.length;
    if (structsEnd <= 0 || !endsWith(encoded, deleteSet)) return whole();
    const slice = new Uint8Array(structsEnd + 1);
    slice.set(encoded.subarray(0, structsEnd));
    // An empty delete set (no clients) in place of the whole one.
    slice[structsEnd] = 0;
    slices.push(slice);
  }
  const emptyDeleteSet = deleteSet.length === 1 && deleteSet[0] === 0;
  if (!emptyDeleteSet) slices.push(deleteSetOnly);
  return slices;
}

type Clients = Map<number, Array<Y.GC | Y.Item>>;

/** The clients each client's structs refer to: left and right origins and the parent item of nested types. */
function dependencies(clients: Clients): Map<number, Set<number>> {
  const deps = new Map<number, Set<number>>();
  for (const [client, structs] of clients) {
    const own = new Set<number>();
    for (const struct of structs) {
      if (!(struct instanceof Y.Item)) continue;
      if (struct.origin) own.add(struct.origin.client);
      if (struct.rightOrigin) own.add(struct.rightOrigin.client);
      const parent = struct.parent;
      if (parent instanceof Y.ID) own.add(parent.client);
      else if (parent instanceof Y.AbstractType && parent._item) own.add(parent._item.id.client);
    }
    own.delete(client);
    deps.set(client, own);
  }
  return deps;
}

/**
 * Strongly connected components of the dependency graph (Tarjan's, iterative: a long-lived
 * board has a client per page load), each emitted after every component it depends on.
 */
function dependencyOrder(clients: Clients): number[][] {
  const deps = dependencies(clients);
  const index = new Map<number, number>();
  const low = new Map<number, number>();
  const onStack = new Set<number>();
  const stack: number[] = [];
  const components: number[][] = [];
  let counter = 0;
  for (const root of deps.keys()) {
    if (index.has(root)) continue;
    const work: Array<{ client: number; next: Iterator<number> }> = [];
    const visit = (client: number): void => {
      index.set(client, counter);
      low.set(client, counter);
      counter++;
      stack.push(client);
      onStack.add(client);
      work.push({ client, next: (deps.get(client) ?? new Set<number>()).values() });
    };
    visit(root);
    while (work.length > 0) {
      const frame = work[work.length - 1];
      if (!frame) break;
      const step = frame.next.next();
      if (!step.done) {
        const dep = step.value;
        // A struct may refer to a client the store no longer knows (never, in an integrated doc).
        if (!deps.has(dep)) continue;
        if (!index.has(dep)) visit(dep);
        else if (onStack.has(dep)) low.set(frame.client, Math.min(low.get(frame.client) ?? 0, index.get(dep) ?? 0));
        continue;
      }
      work.pop();
      const parent = work[work.length - 1];
      const frameLow = low.get(frame.client) ?? 0;
      if (parent) low.set(parent.client, Math.min(low.get(parent.client) ?? 0, frameLow));
      if (frameLow !== index.get(frame.client)) continue;
      const component: number[] = [];
      for (;;) {
        const member = stack.pop();
        if (member === undefined) break;
        onStack.delete(member);
        component.push(member);
        if (member === frame.client) break;
      }
      components.push(component);
    }
  }
  return components;
}

/** Consecutive components packed into groups of at most `maxStructs` structs (a larger component alone). */
function packComponents(components: number[][], clients: Clients, maxStructs: number): number[][] {
  const groups: number[][] = [];
  let current: number[] = [];
  let size = 0;
  for (const component of components) {
    const structs = component.reduce((sum, client) => sum + (clients.get(client)?.length ?? 0), 0);
    if (current.length > 0 && size + structs > maxStructs) {
      groups.push(current);
      current = [];
      size = 0;
    }
    current.push(...component);
    size += structs;
  }
  if (current.length > 0) groups.push(current);
  return groups;
}

function endsWith(bytes: Uint8Array, suffix: Uint8Array): boolean {
  const offset = bytes.length - suffix.length;
  for (let i = 0; i < suffix.length; i++) if (bytes[offset + i] !== suffix[i]) return false;
  return true;
}
