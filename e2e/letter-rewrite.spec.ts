import type { Locator, Page } from '@playwright/test';
import { openLetters } from './fixtures/letters';
import { lookAt } from './fixtures/look';
import { expect, test } from './fixtures/plan';

/** A letter's text without the other people's caret name tags. */
function textOf(editor: Locator): Promise<string | null> {
  return editor.evaluate((element) => {
    const copy = element.cloneNode(true) as HTMLElement;
    copy.querySelectorAll('.collaboration-carets__caret').forEach((caret) => caret.remove());
    return copy.textContent;
  });
}

/** One letter of a card: its editor and what is shown beside it. */
function impactLetter(page: Page, card: string) {
  const letter = page
    .getByTestId('letter-card')
    .filter({ hasText: card })
    .locator('.letter')
    .filter({ has: page.getByTestId('letter-impact') });
  return { letter, editor: letter.getByTestId('letter-impact') };
}

const PARAGRAPH_1 = 'Dear Sam, I love you.';
const PARAGRAPH_2 = 'Last June you came home at 4 am. You are an addict, and you made me feel alone.';

test('a tone note rewrites its phrase in one tap: the flag goes, the other browser sees it, and undo puts it back', async ({
  board,
}) => {
  const { people } = await board(['maya', 'jordan'], { section: 'letters' });
  const { maya, jordan } = people;
  await openLetters(maya.page, 'Jordan');
  const { editor, letter } = impactLetter(jordan.page, 'Your letters');
  const theirs = impactLetter(maya.page, 'Jordan’s letters').editor;
  const flag = (phrase: string) => letter.getByTestId('tone-flag').filter({ hasText: `“${phrase}”` });

  await editor.click();
  await jordan.page.keyboard.type(PARAGRAPH_1);
  await jordan.page.keyboard.press('Enter');
  await jordan.page.keyboard.type(PARAGRAPH_2);
  await letter.getByText('Suggestions for this letter').click();
  await lookAt(jordan.page, 'letter-flags');
  await flag('addict').getByRole('button', { name: 'Use “a person with an addiction” instead of “an addict”' }).click();

  // textContent runs the paragraphs together.
  const rewritten = PARAGRAPH_1 + PARAGRAPH_2.replace('an addict', 'a person with an addiction');
  await expect.poll(() => textOf(editor)).toBe(rewritten);
  await expect(flag('addict')).toHaveCount(0);
  const note = letter.getByTestId('rewrite-note');
  await expect(note).toHaveText(/^Changed “an addict” to “a person with an addiction”\./);
  await expect(note).toBeFocused();
  await expect.poll(() => textOf(theirs)).toBe(rewritten);

  // By keyboard, from the note: its Undo, the suggestions, then the next rewrite.
  await jordan.page.keyboard.press('Tab');
  await jordan.page.keyboard.press('Tab');
  await jordan.page.keyboard.press('Tab');
  await expect(flag('you made me').getByRole('button', { name: /^Use “I felt”/ })).toBeFocused();
  await jordan.page.keyboard.press('Enter');
  const both = rewritten.replace('you made me feel alone', 'I felt alone');
  await expect.poll(() => textOf(editor)).toBe(both);
  await expect.poll(() => textOf(theirs)).toBe(both);
  await lookAt(jordan.page, 'letter-rewritten');

  // Each rewrite is one undo step of its own, apart from the typing before it.
  await expect(note).toBeFocused();
  await jordan.page.keyboard.press('Tab');
  await jordan.page.keyboard.press('Enter');
  await expect.poll(() => textOf(editor)).toBe(rewritten);
  await expect(flag('you made me').getByRole('button', { name: /^Use “I felt”/ })).toBeFocused();
  await letter.locator('.letter-head').getByRole('button', { name: 'Undo' }).click();
  const typed = PARAGRAPH_1 + PARAGRAPH_2;
  await expect.poll(() => textOf(editor)).toBe(typed);
  await expect(flag('addict')).toHaveCount(1);
  await expect.poll(() => textOf(theirs)).toBe(typed);
});
