import * as decoding from 'lib0/decoding';
import * as encoding from 'lib0/encoding';

/**
 * How a checkpoint's updates are kept in one row of doc_checkpoints: `parts` says how many
 * there are. One part is the update itself (every row written before checkpoints were sliced
 * is one); several are concatenated, each prefixed by its length (lib0's varUint).
 */
export interface CheckpointRow {
  state: Uint8Array;
  parts: number;
}

export function packCheckpoint(parts: Uint8Array[]): CheckpointRow {
  const [only] = parts;
  if (parts.length === 1 && only) return { state: only, parts: 1 };
  if (parts.length === 0) throw new Error('a checkpoint has at least one part');
  const encoder = encoding.createEncoder();
  for (const part of parts) encoding.writeVarUint8Array(encoder, part);
  return { state: encoding.toUint8Array(encoder), parts: parts.length };
}

/** The updates of a checkpoint row, in the order they apply (views into `row.state`, not copies). */
export function unpackCheckpoint(row: CheckpointRow): Uint8Array[] {
  if (row.parts === 1) return [row.state];
  const decoder = decoding.createDecoder(row.state);
  const parts: Uint8Array[] = [];
  for (let i = 0; i < row.parts; i++) parts.push(decoding.readVarUint8Array(decoder));
  if (decoding.hasContent(decoder)) throw new Error('a checkpoint row holds more than its parts');
  return parts;
}
