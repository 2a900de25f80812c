import { NextResponse } from 'next/server';
import { z } from 'zod';
import { requireAttempt } from '@/server/attempts/attempts';
import { createVersion, listVersions } from '@/server/history/versions';
import { authedRoute, param, readJson } from '@/server/http/route';
import { requireBoardAction } from '@/server/permissions';

const CreateSchema = z.object({
  label: z.string().trim().min(1, 'Give the version a name.').max(80),
  attempt: z.number().int().min(1).max(99),
  /** The moment to label; defaults to now. Must not be in the future. */
  at: z.number().int().min(0).optional(),
});

export const GET = authedRoute(async (_req, ctx, principal) => {
  const boardId = await param(ctx, 'boardId');
  await requireBoardAction(principal, boardId, 'history.view');
  return NextResponse.json({ versions: await listVersions(boardId) });
});

export const POST = authedRoute(async (req, ctx, principal) => {
  const boardId = await param(ctx, 'boardId');
  await requireBoardAction(principal, boardId, 'versions.create');
  const input = await readJson(req, CreateSchema);
  const attempt = await requireAttempt(boardId, String(input.attempt));
  const at = Math.min(input.at ?? Date.now(), Date.now());
  return NextResponse.json(
    { version: await createVersion(principal, boardId, attempt.number, input.label, at) },
    { status: 201 },
  );
});
