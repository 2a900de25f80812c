import type { Locator, Page } from '@playwright/test';
import { openLetters } from './fixtures/letters';
import { lookAt } from './fixtures/look';
import { expect, openSection, PHONE, test, type Who } from './fixtures/plan';

/** Everything a page receives over its websockets, and where it connected. */
function recordSockets(page: Page) {
  const urls: string[] = [];
  const frames: Buffer[] = [];
  page.on('websocket', (socket) => {
    urls.push(socket.url());
    socket.on('framereceived', (frame) => frames.push(Buffer.from(frame.payload)));
  });
  return { urls, received: (text: string) => frames.some((frame) => frame.includes(text)) };
}

/** A letter's text without the other people's caret name tags. */
function textOf(editor: Locator): Promise<string | null> {
  return editor.evaluate((element) => {
    const copy = element.cloneNode(true) as HTMLElement;
    copy.querySelectorAll('.collaboration-carets__caret').forEach((caret) => caret.remove());
    return copy.textContent;
  });
}

/** `owner` is a writer's name, or 'mine' for one's own letters. */
function letter(page: Page, owner: string, field: 'impact' | 'bottomLine' = 'impact') {
  const card =
    owner === 'mine'
      ? page.getByTestId('letter-card').filter({ hasText: 'Your letters' })
      : page.getByTestId('letter-card').filter({ hasText: `${owner}’s letters` });
  return card.getByTestId(`letter-${field}`);
}

/** Shares one's letters through the Share control, which first says what, and who, will see them. */
async function shareLetters(page: Page, readers: string[]) {
  await page.getByRole('button', { name: 'Share with the team' }).click();
  const dialog = page.getByTestId('share-dialog');
  await expect(dialog).toContainText('Everyone on this board will be able to read both of your letters');
  for (const reader of readers) await expect(dialog.getByTestId('share-readers')).toContainText(reader);
  await expect(dialog).toContainText('as they are right now, and every change you make while they are shared');
  await expect(dialog).toContainText(
    'earlier drafts, and anything you deleted, remain between you and the interventionist',
  );
  await dialog.getByTestId('confirm-share').click();
  await expect(dialog).toBeHidden();
}

test('an unshared letter reaches only its writer and the interventionist, who can write it together', async ({
  board,
}) => {
  const sockets = new Map<Who, ReturnType<typeof recordSockets>>();
  const { people } = await board(['maya', 'jordan', 'riley', 'casey'], {
    section: 'letters',
    beforeOpen: (who, page) => void sockets.set(who, recordSockets(page)),
  });
  const { maya, jordan, riley, casey } = people;
  const secret = 'SECRET-TULIP-7';

  await letter(jordan.page, 'mine').click();
  await jordan.page.keyboard.type(`Dear Sam, ${secret}`);
  await openLetters(maya.page, 'Jordan');
  await expect(letter(maya.page, 'Jordan')).toContainText(secret);
  await expect(jordan.page.getByTestId('letter-card').first().getByTestId('letter-stats').first()).toContainText(
    /^[1-9]\d* words · under a minute read aloud/,
  );

  // The writer and the interventionist type in the same letter at once.
  await letter(maya.page, 'Jordan').click();
  await maya.page.keyboard.press('Control+End');
  await jordan.page.keyboard.press('Control+Home');
  await Promise.all([
    jordan.page.keyboard.type('Hello. ', { delay: 30 }),
    maya.page.keyboard.type(' Love, us', { delay: 30 }),
  ]);
  const merged = `Hello. Dear Sam, ${secret} Love, us`;
  await expect.poll(() => textOf(letter(jordan.page, 'mine'))).toBe(merged);
  await expect.poll(() => textOf(letter(maya.page, 'Jordan'))).toBe(merged);
  const mayaCaret = jordan.page.locator('.collaboration-carets__label', { hasText: 'Maya' });
  await expect(mayaCaret).toBeVisible();
  // In the colour the board gives Maya on her name tag, not one hashed from her id.
  const mayaTag = jordan.page.getByTestId('presence-person').filter({ hasText: 'Maya' }).getByTestId('presence-colour');
  const background = (element: Element) => getComputedStyle(element).backgroundColor;
  expect(await mayaCaret.evaluate(background)).toBe(await mayaTag.evaluate(background));

  // The other relative and the viewer: nothing of it, and no socket to it or to the notes.
  await expect(riley.page.getByTestId('no-shared-letters')).toBeVisible();
  await expect(casey.page.getByTestId('no-shared-letters')).toBeVisible();
  await maya.page.getByTestId('nav-notes').click();
  await maya.page.getByTestId('private-notes').fill(`Notes: ${secret}-NOTE`);
  await expect(maya.page.getByTestId('save-status').last()).toHaveAttribute('data-status', 'saved');
  for (const who of ['riley', 'casey'] as const) {
    const recorded = sockets.get(who);
    expect(recorded?.received(secret)).toBe(false);
    expect(recorded?.urls.some((url) => url.includes('/notes'))).toBe(false);
    expect(recorded?.urls.some((url) => url.includes(`/letters/1/${jordan.userId}`))).toBe(false);
    await expect(people[who].page.getByTestId('nav-notes')).toHaveCount(0);
  }
  expect(sockets.get('jordan')?.urls.some((url) => url.includes('/notes'))).toBe(false);
  expect(sockets.get('jordan')?.received(`${secret}-NOTE`)).toBe(false);
});

test('sharing a letter shows it to the team live, and stopping sharing takes it away live', async ({ board }) => {
  let rileySockets: ReturnType<typeof recordSockets> | undefined;
  const { people } = await board(['jordan', 'riley'], {
    section: 'letters',
    beforeOpen: (who, page) => {
      if (who === 'riley') rileySockets = recordSockets(page);
    },
  });
  const { jordan, riley } = people;
  await letter(jordan.page, 'mine').click();
  await jordan.page.keyboard.type('We love you and we miss you.');
  await expect(jordan.page.getByTestId('save-status').last()).toHaveAttribute('data-status', 'saved');
  await expect(riley.page.getByTestId('letter-card').filter({ hasText: 'Jordan’s letters' })).toHaveCount(0);

  await shareLetters(jordan.page, ['Riley']);
  await expect(jordan.page.getByTestId('share-state').first()).toHaveText('Shared with the team');
  await openLetters(riley.page, 'Jordan');
  const shared = letter(riley.page, 'Jordan');
  await expect.poll(() => textOf(shared)).toBe('We love you and we miss you.');
  await expect(shared).toHaveAttribute('contenteditable', 'false');

  await letter(jordan.page, 'mine').click();
  await jordan.page.keyboard.press('Control+End');
  await jordan.page.keyboard.type(' Please come home.');
  await expect.poll(() => textOf(shared)).toBe('We love you and we miss you. Please come home.');

  await jordan.page.getByRole('button', { name: 'Stop sharing' }).click();
  await expect(riley.page.getByTestId('letter-card').filter({ hasText: 'Jordan’s letters' })).toHaveCount(0);
  await expect(riley.page.getByTestId('no-shared-letters')).toBeVisible();
  await letter(jordan.page, 'mine').click();
  await jordan.page.keyboard.press('Control+End');
  await jordan.page.keyboard.type(' AFTER-UNSHARE');
  await expect(jordan.page.getByTestId('save-status').last()).toHaveAttribute('data-status', 'saved');
  expect(rileySockets?.received('AFTER-UNSHARE')).toBe(false);
});

test('the team sees a shared letter’s history from the sharing on, never the draft before it', async ({ board }) => {
  const { boardId, people } = await board(['jordan', 'riley'], { section: 'letters' });
  const { jordan, riley } = people;
  const draft = 'DRAFT-ZINNIA-4';
  const bodies: string[] = [];
  riley.page.on('response', (response) => {
    if (response.url().includes('/history'))
      void response.text().then(
        (body) => bodies.push(body),
        () => undefined,
      );
  });

  await letter(jordan.page, 'mine').click();
  await jordan.page.keyboard.type(`Dear Sam, ${draft}`);
  await expect(jordan.page.getByTestId('save-status').last()).toHaveAttribute('data-status', 'saved');
  await jordan.page.keyboard.press('ControlOrMeta+A');
  await jordan.page.keyboard.type('We love you.');
  await expect.poll(() => textOf(letter(jordan.page, 'mine'))).toBe('We love you.');
  await expect(jordan.page.getByTestId('save-status').last()).toHaveAttribute('data-status', 'saved');
  await shareLetters(jordan.page, ['Riley']);
  await openLetters(riley.page, 'Jordan');
  await expect.poll(() => textOf(letter(riley.page, 'Jordan'))).toBe('We love you.');
  await letter(jordan.page, 'mine').click();
  await jordan.page.keyboard.press('Control+End');
  await jordan.page.keyboard.type(' Come home.');
  await expect(jordan.page.getByTestId('save-status').last()).toHaveAttribute('data-status', 'saved');

  await riley.page.goto(`/boards/${boardId}/history`);
  await riley.page.getByLabel('Document', { exact: true }).selectOption({ label: 'Letters of Jordan' });
  await expect(riley.page.getByTestId('history-from-share')).toBeVisible();
  await expect(riley.page.getByTestId('moment-view')).toContainText('We love you. Come home.');
  await riley.page.getByRole('button', { name: 'Compare two moments' }).click();
  const compare = riley.page.getByTestId('compare-view');
  await expect(compare).toHaveAttribute('data-ready', 'true');
  await expect(riley.page.getByTestId('compare-from')).toContainText('when they were shared with the team');
  await expect(compare.getByTestId('plan-diff')).toContainText('Come home.');
  await expect(compare.getByRole('alert')).toHaveCount(0);
  await expect(riley.page.locator('body')).not.toContainText(draft);
  expect(bodies.length).toBeGreaterThan(0);
  expect(bodies.some((body) => body.includes(draft))).toBe(false);
});

/** The scripts a page has loaded so far that hold the rich-text editor (ProseMirror's own class names). */
function recordEditorScripts(page: Page) {
  const editorScripts: string[] = [];
  const pending: Promise<void>[] = [];
  page.on('response', (response) => {
    if (response.request().resourceType() !== 'script') return;
    pending.push(
      response.text().then(
        (body) => void (body.includes('ProseMirror-focused') && editorScripts.push(response.url())),
        () => undefined,
      ),
    );
  });
  return async () => {
    await Promise.all(pending);
    return [...editorScripts];
  };
}

test('the letter editor loads with the Letters section, not with the board', async ({ board }) => {
  const watched = new Map<Who, () => Promise<string[]>>();
  const { people } = await board(['maya'], {
    beforeOpen: (who, page) => void watched.set(who, recordEditorScripts(page)),
  });
  const loaded = watched.get('maya');
  if (!loaded) throw new Error('the page was not watched');
  expect(await loaded(), 'the board opens on the plan without the editor').toEqual([]);
  await openSection(people.maya.page, 'letters');
  await openLetters(people.maya.page, 'mine');
  await letter(people.maya.page, 'mine').click();
  await people.maya.page.keyboard.type('Dear Sam');
  await expect(letter(people.maya.page, 'mine')).toContainText('Dear Sam');
  expect((await loaded()).length, 'opening Letters fetched the editor').toBeGreaterThan(0);
});

test('on a private letter, sending it to the interventionist is the main action; sharing asks first and names who will read it', async ({
  board,
}) => {
  const { people } = await board(['maya', 'jordan', 'riley', 'casey'], {
    section: 'letters',
    viewport: { jordan: PHONE },
  });
  const { jordan, riley } = people;
  const card = jordan.page.getByTestId('letter-card').filter({ hasText: 'Your letters' });
  await expect(card.getByTestId('share-state')).toHaveText('Private: only you and the interventionist can read them');
  // Nothing to send while blank: said before the tap, not refused after it.
  await expect(card.getByTestId('send-for-review')).toHaveCount(0);
  await expect(card.getByTestId('review-impact')).toContainText('Write this letter first');

  await letter(jordan.page, 'mine').click();
  await jordan.page.keyboard.type('Sam, I love you.');
  await expect(jordan.page.getByTestId('save-status').last()).toHaveAttribute('data-status', 'saved');
  // The one filled button on the card sends the letter to the interventionist; Share is quiet.
  const filled = card.locator('button.button:not(.button-secondary):visible');
  await expect(filled).toHaveText(['Send to the interventionist']);
  await expect(card.getByRole('button', { name: 'Share with the team…' })).toHaveClass(/button-secondary/);
  await lookAt(jordan.page, 'letters-writer');

  // Sharing asks first and names each person who would read them; keeping them private changes nothing.
  await card.getByRole('button', { name: 'Share with the team…' }).click();
  const dialog = jordan.page.getByTestId('share-dialog');
  const readers = dialog.getByTestId('share-readers').locator('li');
  await expect(readers).toHaveText([/Maya\s*Interventionist/, /Riley\s*Family/, /Casey\s*Viewer/]);
  await expect(dialog.getByRole('button', { name: 'Keep them private' })).toBeFocused();
  await dialog.getByRole('button', { name: 'Keep them private' }).click();
  await expect(dialog).toBeHidden();
  await expect(card.getByTestId('share-state')).toHaveText('Private: only you and the interventionist can read them');
  await expect(riley.page.getByTestId('no-shared-letters')).toBeVisible();

  await card.getByRole('button', { name: 'Send to the interventionist' }).click();
  await expect(card.getByTestId('review-impact').getByTestId('review-status')).toHaveText('Waiting for review');
  await expect(card.getByTestId('review-sent')).toContainText('Only the interventionist reads it');
  await expect(card.getByTestId('share-state')).toHaveText('Private: only you and the interventionist can read them');
});
