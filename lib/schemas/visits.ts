import { z } from 'zod';
import { SENSITIVE_SECTIONS } from '../plan/sensitive-sections';

/** A page opened the board (no section), or one of its sensitive sections. */
export const VisitSchema = z.object({ section: z.enum(SENSITIVE_SECTIONS).optional() }).strict();
