import { z } from 'zod';
import { ATTENDANCE_DECISIONS, CONFIRMATIONS } from '../records';

const ConfirmationSchema = z.enum(CONFIRMATIONS);

export const ConfirmReadinessSchema = z.object({
  attending: ConfirmationSchema,
  /** Asked only of people who hold bottom lines (server/readiness decides whether it is required). */
  holding: ConfirmationSchema.nullable().default(null),
  note: z.string().trim().max(2000).default(''),
});

export const AttendanceDecisionSchema = z.object({ decision: z.enum(ATTENDANCE_DECISIONS) });
