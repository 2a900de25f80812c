import type { Browser } from '@playwright/test';
import type { Account } from '../targets/accounts';
import type { Target } from '../targets/types';
import { editableField } from './board-field';
import { onPhones, type ScriptSizes } from './phones';

export interface BoardPhoneResult {
  /** JavaScript the board page loads on the slow phone. */
  js: ScriptSizes;
  /** Navigation -> an editable plan field on the slow phone, ms. */
  editableMs: number;
  /** The same on a phone without throttling, for comparison. */
  fast: { editableMs: number };
}

/**
 * The board page on the slow phone (phones.ts): how long a relative on a poor connection waits
 * from opening the board to a plan field they can type in.
 */
export async function boardPageOnSlowPhone(
  browser: Browser,
  target: Target,
  who: Account,
  boardUrl: string,
): Promise<BoardPhoneResult> {
  const measured = await onPhones(browser, target, who, boardUrl, async (page, url) => {
    const started = performance.now();
    await page.goto(url, { waitUntil: 'commit', timeout: 120_000 });
    await editableField(page, 120_000);
    return { editableMs: performance.now() - started };
  });
  return { js: measured.js, editableMs: measured.slow.editableMs, fast: measured.fast };
}
