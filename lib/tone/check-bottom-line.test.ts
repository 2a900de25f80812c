/** checkBottomLine: the writer's own action, said plainly, is a bottom line; nothing else is. */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { checkBottomLine } from './index';

type Verdict = 'ok' | 'empty' | 'threat' | 'order' | 'control' | 'hedge' | 'group' | 'no-action';

/** The reason each verdict gives, so a wrong reason fails the test too. */
const REASONS: Readonly<Record<Exclude<Verdict, 'ok'>, RegExp>> = {
  empty: /^Write what you will do/,
  threat: /threat/,
  order: /tells them what to do/,
  control: /cannot make them/,
  hedge: /has to be certain/,
  group: /own bottom line/,
  'no-action': /should say what you will do/,
};

const ROWS: ReadonlyArray<readonly [string, Verdict]> = [
  ['I will no longer give you money.', 'ok'],
  ["I won't cover for you at work anymore.", 'ok'],
  ['I will not bail you out of jail again.', 'ok'],
  ["I'm going to move in with my sister until you are in treatment.", 'ok'],
  ['If you refuse help today, I will move out of the house.', 'ok'],
  ['I can no longer let you live here.', 'ok'],
  ['From today, I will no longer lie to your boss for you.', 'ok'],
  ['I will no longer try to fix things for you.', 'ok'],
  ['I love you, and I will not pay your rent if you keep drinking.', 'ok'],
  ['I’ll be there the day you are ready, but I won’t give you the car keys.', 'ok'],
  ['I will treat you better by no longer lending you money.', 'ok'],
  ['', 'empty'],
  ['   ', 'empty'],
  ['You will move out by Friday.', 'order'],
  ['You must go to rehab.', 'order'],
  ['You have to stop drinking.', 'order'],
  ["You'd better go to treatment.", 'order'],
  ['I will no longer pay your rent, so you will need to find a job.', 'order'],
  ['Go to treatment or else.', 'threat'],
  ['I will leave, and you’ll be sorry.', 'threat'],
  ['I will make you go to rehab.', 'control'],
  ['I might stop giving you money.', 'hedge'],
  ["I'll try to stop paying your phone bill.", 'hedge'],
  ['I will probably move out.', 'hedge'],
  ['We will no longer pay for your apartment.', 'group'],
  ['No more money.', 'no-action'],
  ['I want you to get help.', 'no-action'],
  ['Your father is moving out.', 'no-action'],
];

describe('checkBottomLine', () => {
  for (const [statement, verdict] of ROWS) {
    it(`${JSON.stringify(statement)} -> ${verdict}`, () => {
      const result = checkBottomLine(statement);
      if (verdict === 'ok') {
        assert.deepEqual(result, { ok: true });
        return;
      }
      assert.equal(result.ok, false);
      assert.match(result.reason ?? '', REASONS[verdict]);
      assert.ok((result.suggestion ?? '').length > 10, 'a not-ok result offers a rewording');
    });
  }

  it('has at least 12 statements', () => {
    assert.ok(ROWS.length >= 12);
  });
});
