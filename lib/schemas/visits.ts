import { z } from 'zod';
import { SENSITIVE_SECTIONS } from '../plan/sensitive-sections';

/** A page opened one of the board's sensitive sections. */
export const VisitSchema = z.object({ section: z.enum(SENSITIVE_SECTIONS) }).strict();
