import { HIDDEN_COOKIE } from '@/lib/hidden';

/** This browser was hidden (lib/hidden.ts): pages redirect to the neutral one until it is cleared. */
export function markHidden(): void {
  const secure = window.location.protocol === 'https:' ? '; Secure' : '';
  document.cookie = `${HIDDEN_COOKIE}=1; Path=/; SameSite=Strict${secure}`;
}

export function isMarkedHidden(): boolean {
  return document.cookie.split(';').some((part) => part.trim().startsWith(`${HIDDEN_COOKIE}=`));
}

/** The person came back (signed in, or chose to continue on their own device). */
export function clearHidden(): void {
  document.cookie = `${HIDDEN_COOKIE}=; Path=/; Max-Age=0; SameSite=Strict`;
}
