/** Sample letters shared by the tests (no test code, so the module stays importable anywhere). */

export const GOOD_IMPACT_LETTER = `Dear Sam,

I love you, and I am so proud of the father you have been to Lily and Max. You taught me to fish, and you have always been there for me.

Last Christmas, you fell asleep at the table before dinner was served, and Max asked me why Daddy was sick again. On March 3rd you drove the kids home from practice after you had been drinking. I was scared and hurt, and I lay awake all night.

I miss the brother who laughed with me at the lake.

We have found a place that can help, and a bed is held for you. Will you accept this help and go to treatment today?

Love, Anna`;

export const BARE_IMPACT_LETTER = 'Sam, you drink too much. Stop it.';

export const GOOD_BOTTOM_LINE_LETTER = `Sam, I love you too much to keep watching this.
If you refuse help today, I will no longer give you money, and I will not call your boss for you again.
I will be here the day you are ready.`;

export const BARE_BOTTOM_LINE_LETTER = 'You must go to rehab.';

/** Builds a letter of exactly `words` words out of ordinary impact-letter sentences. */
export function letterOfWords(words: number): string {
  const source = [
    GOOD_IMPACT_LETTER,
    'You said "I will never drink again" and you were drunk at the wedding.',
    'Everyone at the party saw you fall, and Mom told me you always hide bottles.',
    'I feel like you do not care, because of you I cried. You are an addict and a drunk.',
    'I cleaned the kitchen and found dirty dishes; your test came back dirty in June.',
  ].join('\n\n');
  const pool = source.split(/\s+/).filter((w) => /[A-Za-z0-9]/.test(w));
  const out: string[] = [];
  for (let i = 0; out.length < words; i++) out.push(pool[i % pool.length] ?? 'word');
  return out.join(' ');
}
