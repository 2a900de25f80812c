import type { Page } from '@playwright/test';

/** The plan's first free-text field; any other editable plan field is used if it is gone. */
const PREFERRED_FIELD = 'approach:-:goals';
const EDITABLE = 'textarea[data-field]:not([readonly]), input[type="text"][data-field]:not([readonly])';

/**
 * Waits until the board page has an editable plan field (the plan is synced and writable) and
 * returns its name: the preferred field if the page has it, else the first editable one.
 */
export async function editableField(page: Page, timeoutMs = 30_000): Promise<string> {
  await page.locator(EDITABLE).first().waitFor({ timeout: timeoutMs });
  const fields = await page.$$eval(EDITABLE, (els) => els.map((el) => el.getAttribute('data-field') ?? ''));
  const field = fields.includes(PREFERRED_FIELD) ? PREFERRED_FIELD : fields.find((f) => f !== '');
  if (!field) throw new Error('the board page has no editable plan field');
  return field;
}
