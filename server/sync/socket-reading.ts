import type { Socket } from 'node:net';

/**
 * Stops this process reading from a socket it hands over. Node keeps reading the handle until
 * the sync process acknowledges it, and drops what it reads once the handle is sent: a client
 * that got its 101 quickly lost its first frame (its sync request) to this process about once
 * in a hundred joins. Nothing else is read here by then (the client waits for the 101), so
 * stopping now loses nothing; the handle is internal, hence the checks.
 */
export function stopReading(socket: Socket): void {
  const handle: unknown = Reflect.get(socket, '_handle');
  if (typeof handle !== 'object' || handle === null) return;
  const readStop: unknown = Reflect.get(handle, 'readStop');
  if (typeof readStop === 'function') readStop.call(handle);
  Reflect.set(handle, 'reading', false);
}

/**
 * Starts reading again a socket stopped by stopReading (one passed to another process over
 * the network instead). The stream still awaits the read it asked for before the stop, so it
 * would not ask again: the handle is started directly.
 */
export function startReading(socket: Socket): void {
  const handle: unknown = Reflect.get(socket, '_handle');
  if (typeof handle !== 'object' || handle === null) return;
  const readStart: unknown = Reflect.get(handle, 'readStart');
  if (typeof readStart === 'function') readStart.call(handle);
  Reflect.set(handle, 'reading', true);
}
