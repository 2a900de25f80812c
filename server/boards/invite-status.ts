/**
 * Where an invite stands. Accepting a link only claims it for the account that opened it
 * ('waiting'): that person joins once an interventionist approves them ('joined'), or never
 * ('refused'). A link nobody claimed is 'open' until it is withdrawn or expires.
 */
export type InviteStatus = 'open' | 'waiting' | 'joined' | 'refused' | 'revoked' | 'expired';

export interface InviteRow {
  used_at: number | null;
  used_by: string | null;
  revoked_at: number | null;
  expires_at: number;
  decision: 'approved' | 'refused' | null;
}

export function inviteStatus(row: InviteRow, now: number): InviteStatus {
  if (row.used_by !== null) {
    if (row.decision === 'approved') return 'joined';
    if (row.decision === 'refused') return 'refused';
    return 'waiting';
  }
  if (row.revoked_at !== null) return 'revoked';
  if (row.expires_at <= now) return 'expired';
  return 'open';
}
