'use client';

import { useCallback, useEffect, useState } from 'react';
import type { BoardAbilities } from '@/lib/permissions/abilities';
import type { SectionId } from '@/lib/plan/sections';
import type { BoardClientSocket, PresenceMessage } from '@/lib/protocol/board-events';
import { isOfferedSection } from './sections/registry';

/**
 * The section on screen, kept in the URL hash (a reload stays put) and told to the others
 * through the board channel ('presence:update'), so the others see who is where.
 */
export function useSection(
  boardId: string,
  me: { userId: string; abilities: BoardAbilities },
  socket: BoardClientSocket | null,
): [SectionId, (id: SectionId) => void] {
  const [section, setSection] = useState<SectionId>('approach');

  useEffect(() => {
    const fromHash = () => {
      const hash = window.location.hash.slice(1);
      if (isOfferedSection(hash, me.abilities)) setSection(hash);
    };
    fromHash();
    window.addEventListener('hashchange', fromHash);
    return () => window.removeEventListener('hashchange', fromHash);
  }, [me.abilities]);

  useEffect(() => {
    if (!socket) return;
    const announce = () => socket.emit('presence:update', { boardId, section });
    announce();
    // The server forgets the section when the socket (re)joins; put it back whenever the
    // list it sends says something else about us.
    const onPresence = (message: PresenceMessage) => {
      if (message.boardId !== boardId) return;
      const mine = message.people.find((person) => person.userId === me.userId);
      if (mine && mine.section !== section) announce();
    };
    socket.on('presence', onPresence);
    return () => {
      socket.off('presence', onPresence);
    };
  }, [socket, boardId, section, me.userId]);

  const choose = useCallback((id: SectionId) => {
    setSection(id);
    window.history.replaceState(null, '', `#${id}`);
  }, []);

  return [section, choose];
}
