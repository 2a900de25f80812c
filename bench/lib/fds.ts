import { readdirSync, readFileSync } from 'node:fs';

/**
 * File descriptors: every socket is one on each side (the load generator's and the server's),
 * and a process past its `ulimit -n` fails to accept or connect. Read from /proc.
 */

/** Open file descriptors of `pid`, or NaN when it is gone. */
export function openFds(pid: number): number {
  try {
    return readdirSync(`/proc/${pid}/fd`).length;
  } catch {
    return NaN;
  }
}

/** The soft "Max open files" of a /proc/<pid>/limits text; Infinity when unlimited. */
export function parseOpenFileLimit(limits: string): number {
  const match = /^Max open files\s+(\S+)/m.exec(limits);
  if (!match?.[1]) throw new Error('no "Max open files" line in the limits');
  return match[1] === 'unlimited' ? Infinity : Number(match[1]);
}

export function openFileLimit(pid: number | 'self'): number {
  return parseOpenFileLimit(readFileSync(`/proc/${pid}/limits`, 'utf8'));
}

/** Descriptors a Node process holds besides its sockets (stdio, IPC, epoll, libuv, SQLite). */
export const FDS_BESIDES_SOCKETS = 200;

/**
 * Throws before the scenario connects if a process would need more descriptors than it may
 * open: better a clear message than sockets refused halfway through a measurement.
 */
export function assertFdHeadroom(what: string, limit: number, sockets: number): void {
  const needed = sockets + FDS_BESIDES_SOCKETS;
  if (needed > limit)
    throw new Error(`${what} would hold ${sockets} sockets (about ${needed} descriptors) under ulimit -n ${limit}`);
}

/** Descriptors added per socket between two counts (NaN when nothing was connected). */
export function fdsPerSocket(before: number, after: number, sockets: number): number {
  return sockets > 0 ? (after - before) / sockets : NaN;
}
