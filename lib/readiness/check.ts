export interface CoverageCheck {
  id: string;
  label: string;
  ok: boolean;
  /** What is missing, in words a family understands; empty when ok. */
  missing: string[];
}

export function check(id: string, label: string, missing: string[]): CoverageCheck {
  return { id, label, ok: missing.length === 0, missing };
}

const SHORT = 60;

/** A field's text as a missing item names it: trimmed, on one line, cut at a word near 60 characters. */
export function short(text: string, fallback: string): string {
  const line = text.replace(/\s+/g, ' ').trim();
  if (line === '') return fallback;
  if (line.length <= SHORT) return line;
  const cut = line.lastIndexOf(' ', SHORT);
  return `${line.slice(0, cut > SHORT / 2 ? cut : SHORT)}…`;
}

export const filled = (text: string) => text.trim() !== '';
