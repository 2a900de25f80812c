import type { TestClient } from './client';
import { createBoard, joinAs, person } from './board';

/** The cast most board tests need: an interventionist's board with two relatives, a viewer, and someone from outside. */
export interface TeamScene {
  lead: TestClient;
  boardId: string;
  ana: TestClient;
  ben: TestClient;
  vic: TestClient;
  stranger: TestClient;
}

/** Lead creates a board; Ana and Ben join as family, Vic as a viewer; Stan has an account and no board. */
export async function teamScene(baseUrl: string): Promise<TeamScene> {
  const lead = await person(baseUrl, 'Lead');
  const boardId = await createBoard(lead);
  const ana = await joinAs(lead, boardId, 'family', 'Ana');
  const ben = await joinAs(lead, boardId, 'family', 'Ben');
  const vic = await joinAs(lead, boardId, 'viewer', 'Vic');
  const stranger = await person(baseUrl, 'Stan');
  return { lead, boardId, ana, ben, vic, stranger };
}
