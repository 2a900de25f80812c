import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { expect, gotoBoard, LAPTOP, openSection, PHONE, signIn, test } from '../fixtures/plan';

/**
 * Screenshots of the demo board for a human to look at; not part of `npm test` (its own
 * config). Run with the demo seeded into the e2e database:
 *   DATA_DIR=/tmp/harbor-screens npx tsx scripts/seed-demo.ts
 *   E2E_DATA_DIR=/tmp/harbor-screens PLAN_SCREENS_DIR=/tmp/screens npx playwright test -c playwright.screens.config.ts
 */
const OUT = process.env.PLAN_SCREENS_DIR;
const PASSWORD = 'harbor-demo-only';

test('screenshots of the demo board at 1280 and 375 px', async ({ browser }) => {
  const dir = OUT ?? '/tmp/screens';
  mkdirSync(dir, { recursive: true });
  const open = async (email: string, viewport: { width: number; height: number }) => {
    const context = await browser.newContext({ viewport });
    await signIn(context, email, PASSWORD);
    return context.newPage();
  };
  const elena = await open('demo-interventionist@harbor.example', LAPTOP);
  const { boards } = (await (await elena.request.get('/api/boards')).json()) as {
    boards: { id: string; title: string }[];
  };
  const boardId = boards.find((b) => b.title === 'Helping Sam (demo)')?.id ?? '';
  const jordan = await open('demo-jordan@harbor.example', PHONE);
  const riley = await open('demo-riley@harbor.example', LAPTOP);
  await Promise.all([
    gotoBoard(elena, boardId, 'team'),
    gotoBoard(jordan, boardId, 'team'),
    gotoBoard(riley, boardId, 'letters'),
  ]);
  await riley.getByTestId('letter-impact').first().click();
  await expect(elena.getByTestId('presence').locator('li')).toHaveCount(3);

  const shoot = (page: typeof elena, name: string, fullPage = true) =>
    page.screenshot({ path: path.join(dir, `${name}.png`), fullPage });
  await shoot(jordan, '375-team-top', false);
  await (await jordan.getByTestId('team-relationship').all())[2]?.click();
  await elena.waitForTimeout(400);
  await shoot(elena, '1280-team');
  await shoot(jordan, '375-team');
  await shoot(jordan, '375-team-field', false);
  for (const section of ['approach', 'letters', 'contingencies', 'treatment', 'safety', 'questions', 'notes']) {
    await openSection(elena, section);
    await elena.waitForTimeout(300);
    await shoot(elena, `1280-${section}`);
  }
  await openSection(jordan, 'letters');
  await jordan
    .getByTestId('letter-card')
    .filter({ hasText: 'Riley' })
    .screenshot({ path: path.join(dir, '375-shared-letter.png') });
  await openSection(elena, 'readiness');
  await elena.waitForTimeout(300);
  await shoot(elena, '1280-readiness');
  for (const section of ['letters', 'logistics', 'readiness']) {
    await openSection(jordan, section);
    await jordan.waitForTimeout(300);
    await shoot(jordan, `375-${section}`);
  }
});
