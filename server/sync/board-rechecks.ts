/**
 * Re-checks of a board's sockets asked for by the append fence, one at a time per board. Every
 * turn written while a board's access version is newer than its sockets' check asks for one;
 * a request made while one runs runs once more after it, since the running one may have read
 * the version before the change that prompted the request.
 */
export function coalescedRechecks(run: (boardId: string) => Promise<void>): (boardId: string) => void {
  const running = new Set<string>();
  const again = new Set<string>();
  const start = (boardId: string): void => {
    running.add(boardId);
    run(boardId)
      .catch(() => undefined)
      .finally(() => {
        running.delete(boardId);
        if (again.delete(boardId)) start(boardId);
      });
  };
  return (boardId) => {
    if (running.has(boardId)) again.add(boardId);
    else start(boardId);
  };
}
