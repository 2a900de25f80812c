'use client';

/** Short, long, short: felt through a pocket, and not the pattern of a phone call. */
const PATTERN = [180, 90, 400];

/**
 * Vibrates where the browser allows it (Android's Chrome does after the page was tapped once;
 * iPhones do not vibrate for web pages), silently otherwise.
 */
export function vibrate(pattern: number[] = PATTERN): boolean {
  if (typeof navigator === 'undefined' || typeof navigator.vibrate !== 'function') return false;
  try {
    return navigator.vibrate(pattern);
  } catch {
    return false;
  }
}

export function canVibrate(): boolean {
  return typeof navigator !== 'undefined' && typeof navigator.vibrate === 'function';
}
