import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { HeapReading } from '../probe/probe-client';
import type { MemoryTrail } from '../scenarios/capacity';
import { backToStart, heapPerSocketKb } from './memory';

const MB = 2 ** 20;
const heap = (mb: number): HeapReading => ({
  heapUsed: mb * MB,
  heapTotal: 0,
  rss: 0,
  external: 0,
  arrayBuffers: 0,
});
const trail = (start: number, loaded: number, afterLeave: number): MemoryTrail => ({
  start: heap(start),
  peakHeapUsed: loaded * MB,
  peakRss: 0,
  loaded: heap(loaded),
  afterLeave: heap(afterLeave),
});

test('heap per socket is the growth to all connected over the sockets, in KB', () => {
  // 20 MB over 10,000 sockets: 2.048 KB each.
  assert.equal(heapPerSocketKb(trail(18, 38, 18), 10_000), (20 * 1024) / 10_000);
  assert.ok(Number.isNaN(heapPerSocketKb(trail(18, 18, 18), 0)));
});

test('back to start allows 2 MB and no more', () => {
  assert.equal(backToStart(trail(18, 38, 20)), true);
  assert.equal(backToStart(trail(18, 38, 17)), true);
  assert.equal(backToStart(trail(18, 38, 20.1)), false);
});
