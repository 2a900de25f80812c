import { NextResponse } from 'next/server';
import { listDevices, signOutEverywhere } from '@/server/auth/devices';
import { authedRoute, readJson } from '@/server/http/route';
import { SignOutEverywhereSchema } from '@/lib/schemas/users';

/** One's signed-in devices: browser, first and last use, shared computer or not. */
export const GET = authedRoute(async (_req, _ctx, principal) => {
  return NextResponse.json({ devices: await listDevices(principal) });
});

/** "Sign out everywhere": every device, this one too unless `keepThisDevice`. */
export const DELETE = authedRoute(async (req, _ctx, principal) => {
  const { keepThisDevice } = await readJson(req, SignOutEverywhereSchema);
  return NextResponse.json({ signedOut: await signOutEverywhere(principal, keepThisDevice) });
});
