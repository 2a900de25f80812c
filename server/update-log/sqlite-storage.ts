import type BetterSqlite3 from 'better-sqlite3';
import type { DocStorage } from '../yjs/storage';
import { readStoredParts } from './rebuild';
import { UpdateStore } from './update-store';

/** The sync server's storage on the SQLite update log (doc_updates and doc_checkpoints). */
export function sqliteDocStorage(sqlite: BetterSqlite3.Database): DocStorage {
  const store = new UpdateStore(sqlite);
  const inTransaction = sqlite.transaction((work: () => void) => work());
  return {
    readLatest: (docName) => readStoredParts(sqlite, docName, Number.MAX_SAFE_INTEGER),
    appendAt: (docName, seq, userId, bytes) => store.appendAt(docName, seq, userId, bytes),
    remove: (docName, seq) => store.remove(docName, seq),
    writeCheckpoint: (docName, seq, parts) => store.writeCheckpoint(docName, seq, parts),
    transaction: (work) => inTransaction(work),
  };
}
