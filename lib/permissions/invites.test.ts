import assert from 'node:assert/strict';
import { test } from 'node:test';
import { inviteDays, maxInviteDays } from './invites';

test("an interventionist's invite lasts a day at most; the others a week unless asked, a month at most", () => {
  assert.equal(inviteDays('interventionist', undefined), 1);
  assert.equal(inviteDays('interventionist', 7), 1);
  assert.equal(maxInviteDays('interventionist'), 1);
  assert.equal(inviteDays('family', undefined), 7);
  assert.equal(inviteDays('viewer', 3), 3);
  assert.equal(inviteDays('family', 90), 30);
});
