import { z } from 'zod';
import { ATTENDANCE_DECISIONS, CONFIRMATIONS } from '../records';

const ConfirmationSchema = z.enum(CONFIRMATIONS);

export const ConfirmReadinessSchema = z.object({
  attending: ConfirmationSchema,
  holding: ConfirmationSchema,
  note: z.string().trim().max(2000).default(''),
});

export const AttendanceDecisionSchema = z.object({ decision: z.enum(ATTENDANCE_DECISIONS) });
