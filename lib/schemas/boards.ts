import { z } from 'zod';
import { ROLES } from '../roles';

export const RoleSchema = z.enum(ROLES);

export const CreateBoardSchema = z.object({
  title: z.string().trim().min(1, 'Give the board a name.').max(80, 'Keep the name under 80 characters.'),
});

export const DeleteBoardSchema = z.object({
  confirmTitle: z.string(),
});

export const ChangeRoleSchema = z.object({ role: RoleSchema });

export const CreateInviteSchema = z.object({
  role: RoleSchema,
  expiresInDays: z.number().int().min(1).max(30).default(7),
});
