/** socket.io room names. A user's room spans their tabs and boards; a session's room lets sign-out cut it. */
export const boardRoom = (boardId: string) => `board:${boardId}`;
export const interventionistsRoom = (boardId: string) => `board:${boardId}:interventionists`;
export const userRoom = (userId: string) => `user:${userId}`;
export const sessionRoom = (sessionId: string) => `session:${sessionId}`;
