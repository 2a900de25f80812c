/**
 * How a target frames the y-protocols messages on its websocket: as y-websocket does (the
 * product and the relay: one document per socket, named by the URL), or as Hocuspocus does
 * (every frame starts with the document's name, and an auth message opens each document).
 */
export type Wire = 'y-websocket' | 'hocuspocus';
