import { z } from 'zod';
import { fromZodError } from '../http/errors';
import { MAX_CHANGES_PAGE } from '../update-log/rebuild';

const PageQuerySchema = z.object({
  doc: z.string().min(1).max(200),
  afterSeq: z.coerce.number().int().min(0).default(0),
  limit: z.coerce.number().int().min(1).max(MAX_CHANGES_PAGE).default(200),
});

/** The query of a history listing: which document, and which page of its log. */
export function readHistoryPageQuery(req: Request): z.infer<typeof PageQuerySchema> {
  const parsed = PageQuerySchema.safeParse(Object.fromEntries(new URL(req.url).searchParams));
  if (!parsed.success) throw fromZodError(parsed.error);
  return parsed.data;
}
