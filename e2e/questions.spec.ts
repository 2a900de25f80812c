import { expect, PHONE, test } from './fixtures/plan';
import { lookAt } from './fixtures/look';

/**
 * Questions to the interventionist are records the server keeps: the family asks, edits and
 * withdraws their own, the interventionist answers, and everyone sees it happen live.
 */
test('family ask, edit and withdraw their own questions; the interventionist answers; live in every browser', async ({
  board,
}) => {
  const { people } = await board(['maya', 'jordan', 'riley'], {
    section: 'questions',
    viewport: { riley: PHONE },
  });
  const { maya, jordan, riley } = people;
  const questionOf = (page: typeof maya.page, text: string) => page.getByTestId('question').filter({ hasText: text });

  await test.step('Jordan asks; it reaches the others without a reload', async () => {
    await expect(jordan.page.getByTestId('section-questions')).toContainText('No questions yet');
    await lookAt(jordan.page, 'questions-empty');
    await jordan.page.getByRole('button', { name: 'Ask a question' }).click();
    await expect(jordan.page.getByLabel('Your question')).toBeFocused();
    await jordan.page.keyboard.type('What if Sam asks who planned this?');
    // Ctrl+Enter sends, as the hint says.
    await jordan.page.keyboard.press('Control+Enter');
    await expect(jordan.page.getByTestId('question-notice')).toContainText('sent to the interventionist');
    await expect(questionOf(jordan.page, 'who planned this')).toContainText('Asked by you');
    await expect(questionOf(maya.page, 'who planned this')).toContainText('Asked by Jordan');
    await expect(questionOf(riley.page, 'who planned this')).toContainText('Asked by Jordan');
    await expect(maya.page.getByTestId('notifications')).toContainText('Jordan asked the interventionist a question.');
  });

  await test.step('only Jordan may reword or withdraw it; only Maya answers', async () => {
    const seenByRiley = questionOf(riley.page, 'who planned this');
    await expect(seenByRiley.getByRole('button')).toHaveCount(0);
    await expect(seenByRiley).toContainText('Waiting for an answer.');
    const seenByMaya = questionOf(maya.page, 'who planned this');
    await expect(seenByMaya.getByRole('button', { name: 'Edit' })).toHaveCount(0);
    await expect(seenByMaya.getByRole('button', { name: 'Answer' })).toBeVisible();
    const own = questionOf(jordan.page, 'who planned this');
    await expect(own.getByRole('button', { name: 'Answer' })).toHaveCount(0);

    await own.getByRole('button', { name: 'Edit' }).click();
    const box = own.getByLabel('Your question');
    await expect(box).toBeFocused();
    await box.fill('What do we say if Sam asks who planned this?');
    await own.getByRole('button', { name: 'Save question' }).click();
    await expect(questionOf(maya.page, 'What do we say')).toContainText('edited');
  });

  await test.step('Maya answers; Jordan is told and everyone reads the answer', async () => {
    const seenByMaya = questionOf(maya.page, 'What do we say');
    await seenByMaya.getByRole('button', { name: 'Answer' }).click();
    await seenByMaya.getByLabel('Your answer').fill('The truth: all of you, together, because you love him.');
    await lookAt(maya.page, 'questions-answering');
    await seenByMaya.getByRole('button', { name: 'Send answer' }).click();
    await expect(jordan.page.getByTestId('notifications')).toContainText('Maya answered your question.');
    for (const page of [jordan.page, riley.page]) {
      const card = questionOf(page, 'What do we say');
      await expect(card.getByTestId('question-state')).toHaveText('Answered');
      await expect(card.getByTestId('question-answer')).toContainText('all of you, together');
      await expect(card.getByTestId('question-answer')).toContainText('Answer from Maya');
    }
  });

  await test.step('Riley asks on a phone; withdrawing can be undone', async () => {
    await riley.page.getByRole('button', { name: 'Ask a question' }).click();
    await riley.page.getByLabel('Your question').fill('Should Grandpa Joe know the date?');
    await riley.page.getByRole('button', { name: 'Send question' }).click();
    const mine = questionOf(riley.page, 'Grandpa Joe');
    await expect(mine).toContainText('Asked by you');
    await expect(questionOf(jordan.page, 'Grandpa Joe').getByRole('button')).toHaveCount(0);
    await lookAt(riley.page, 'questions-list');

    await mine.getByRole('button', { name: 'Withdraw' }).click();
    await expect(questionOf(maya.page, 'Grandpa Joe')).toHaveCount(0);
    await riley.page.getByTestId('question-notice').getByRole('button', { name: 'Undo' }).click();
    await expect(questionOf(maya.page, 'Grandpa Joe')).toContainText('Asked by Riley');
    await expect(questionOf(riley.page, 'Grandpa Joe')).toContainText('Asked by you');
  });
});
