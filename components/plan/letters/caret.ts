import { useEffect } from 'react';
import { personHex } from '../../browser/colour';

/**
 * The other writer's caret and selection in a letter, drawn in their colour on this board (the
 * one their name tags and the header use). The extension's own drawing takes the colour from
 * the awareness state, which the sync server fills with a colour hashed from the id: two people
 * could share a shade there, never in the board's palette.
 *
 * The board's colours are kept here rather than handed to the editor: they change when someone
 * joins, and rebuilding the editor for that would throw the writer's caret out of their letter.
 * A page shows one board, so one set of colours is enough.
 */
type ColourOf = (userId: string) => string;

let boardColours: ColourOf = personHex;

/** Keeps the carets in the board's current colours. */
export function useCaretColours(colourOf: ColourOf): void {
  useEffect(() => {
    boardColours = colourOf;
  }, [colourOf]);
}

function colourOfState(user: Record<string, unknown>): string {
  return typeof user['userId'] === 'string' ? boardColours(user['userId']) : '#3e4a56';
}

export const caretRenderers = {
  render(user: Record<string, unknown>): HTMLElement {
    const colour = colourOfState(user);
    const caret = document.createElement('span');
    caret.classList.add('collaboration-carets__caret');
    caret.style.borderColor = colour;
    const label = document.createElement('div');
    label.classList.add('collaboration-carets__label');
    label.style.backgroundColor = colour;
    label.textContent = typeof user['name'] === 'string' ? user['name'] : 'Someone';
    caret.append(label);
    return caret;
  },
  selectionRender(user: Record<string, unknown>) {
    // A fifth of the colour's strength: the text under it stays readable.
    return { class: 'collaboration-carets__selection', style: `background-color: ${colourOfState(user)}33` };
  },
};
