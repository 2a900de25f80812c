import { NextResponse } from 'next/server';
import { CLIENT_ADDRESS_HEADER } from '@/server/auth/options';
import { changePassword } from '@/server/auth/password-change';
import { authedRoute, readJson } from '@/server/http/route';
import { ChangePasswordSchema } from '@/lib/schemas/users';

/** Changes one's own password; one's other devices are signed out. */
export const PUT = authedRoute(async (req, _ctx, principal) => {
  const input = await readJson(req, ChangePasswordSchema);
  const address = req.headers.get(CLIENT_ADDRESS_HEADER) ?? 'unknown';
  return NextResponse.json(await changePassword(principal, input, address));
});
