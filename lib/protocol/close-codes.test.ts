import assert from 'node:assert/strict';
import { test } from 'node:test';
import { CloseCode, closeReason, isTerminalCloseCode } from './close-codes';

/** What the client does on each named code (docs/realtime.md, section 6): stop for good, or reconnect. */
const TERMINAL: Record<keyof typeof CloseCode, boolean> = {
  ServerShutdown: false,
  InternalError: false,
  MessageTooBig: true,
  TryAgainLater: false,
  AccessReduced: false,
  AccessIncreased: false,
  MalformedMessage: true,
  NotAuthenticated: true,
  AccessRevoked: true,
  QuotaExceeded: true,
  RateLimited: false,
  TooManySockets: false,
  TooManyDocuments: false,
};

test('each named close code is terminal or transient as documented, and named in its close frame', () => {
  for (const [name, code] of Object.entries(CloseCode)) {
    assert.equal(isTerminalCloseCode(code), TERMINAL[name as keyof typeof CloseCode], name);
    assert.equal(closeReason(code), name);
  }
  assert.equal(new Set(Object.values(CloseCode)).size, Object.keys(CloseCode).length, 'codes are distinct');
});
