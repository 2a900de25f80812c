import { z } from 'zod';
import { maxInviteDays } from '../permissions/invites';
import { ROLES } from '../roles';

export const RoleSchema = z.enum(ROLES);

export const CreateBoardSchema = z.object({
  title: z.string().trim().min(1, 'Give the board a name.').max(80, 'Keep the name under 80 characters.'),
});

export const DeleteBoardSchema = z.object({
  confirmTitle: z.string(),
});

export const ChangeRoleSchema = z.object({ role: RoleSchema });

/** Who an invite is for, in the inviter's words: the list tells open invites apart by it. */
export const InviteLabelSchema = z
  .string()
  .trim()
  .min(1, 'Say who this invite is for, e.g. "Aunt Pat".')
  .max(60, 'Keep it under 60 characters.');

export const CreateInviteSchema = z
  .object({
    label: InviteLabelSchema,
    role: RoleSchema,
    expiresInDays: z.number().int().min(1).max(30).optional(),
  })
  .refine((input) => input.expiresInDays === undefined || input.expiresInDays <= maxInviteDays(input.role), {
    message: 'An invite for an interventionist expires within 24 hours.',
    path: ['expiresInDays'],
  });

export const InviteDecisionSchema = z.object({ decision: z.enum(['approved', 'refused']) }).strict();
