import type { MemoryTrail } from '../scenarios/capacity';

/** Slack allowed on "back to start": a GC'd heap moves by a few hundred KB between readings. */
export const BACK_TO_START_SLACK_BYTES = 2 * 2 ** 20;

/**
 * What each connected socket costs the server's heap, in KB: the growth from the start reading
 * (after GC, nobody connected) to the all-connected one (after GC), over the sockets. It includes
 * each socket's share of its room (document, awareness), as a room exists only while it is held.
 */
export function heapPerSocketKb(memory: MemoryTrail, sockets: number): number {
  return sockets > 0 ? (memory.loaded.heapUsed - memory.start.heapUsed) / sockets / 1024 : NaN;
}

/** Whether the heap came back to its starting size once everyone had left. */
export function backToStart(memory: MemoryTrail): boolean {
  return memory.afterLeave.heapUsed - memory.start.heapUsed <= BACK_TO_START_SLACK_BYTES;
}
