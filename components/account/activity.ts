/** What counts as the person using the page: their input, never a timer or a network event. */
export const INPUT_EVENTS = ['keydown', 'input', 'pointerdown', 'wheel', 'touchstart'] as const;

/** Calls `onInput` on any input anywhere in the page (captured, so an editor cannot swallow it). */
export function onPersonInput(onInput: () => void): () => void {
  for (const name of INPUT_EVENTS) window.addEventListener(name, onInput, { capture: true, passive: true });
  return () => {
    for (const name of INPUT_EVENTS) window.removeEventListener(name, onInput, { capture: true });
  };
}
