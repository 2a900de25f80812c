import type { Principal } from '../auth/principal';
import { parseDocName } from '../../lib/doc-names';
import { notFound } from '../http/errors';
import { docAccess } from '../permissions';

/**
 * History is served only to those who may read the document now: deleted text is still text of
 * that scope. A document of another board, or one the caller may not read, is "not found".
 */
export async function requireHistoryAccess(principal: Principal, boardId: string, docName: string): Promise<void> {
  const doc = parseDocName(docName);
  if (!doc || doc.boardId !== boardId) throw notFound('That document');
  if ((await docAccess(principal, docName)) === 'none') throw notFound('That document');
}
