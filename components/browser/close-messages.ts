import { CloseCode } from '@/lib/protocol/close-codes';

/** What to tell a person when the server closed a document for good (see close-codes.ts). */
export function terminalMessage(code: number, what: string): string {
  switch (code) {
    case CloseCode.NotAuthenticated:
      return 'You were signed out. Sign in again to continue.';
    case CloseCode.AccessRevoked:
      return `You no longer have access to ${what}.`;
    case CloseCode.MessageTooBig:
      return `A change to ${what} was too large to save. Copy anything you need, then reload the page.`;
    case CloseCode.QuotaExceeded:
      return `Too much was saved to ${what} in the last hour. Your latest changes are kept on this device: reload the page later to send them.`;
    case CloseCode.MalformedMessage:
      return `The connection to ${what} failed. Reload the page to continue.`;
    default:
      return `The connection to ${what} was closed. Reload the page to continue.`;
  }
}

/** The websocket origin of this page: the Yjs server shares the page's host and port. */
export function wsOrigin(): string {
  return `${window.location.protocol === 'https:' ? 'wss' : 'ws'}://${window.location.host}`;
}
