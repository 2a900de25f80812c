/**
 * Messages between the bench (parent) and a load generator (child process). The parent sends
 * commands; the child answers each one by id. Structured clone ('advanced' serialization)
 * carries typed arrays of samples without turning them into JSON.
 */
export type JobKind = 'editors' | 'writers' | 'joiner' | 'holder' | 'pinger' | 'failover';

export interface Command {
  id: number;
  cmd: string;
  arg?: unknown;
}

export type Reply = { id: number; ok: true; result: unknown } | { id: number; ok: false; error: string };

/** What every load-generating job implements inside its child process. */
export interface Job {
  handle(cmd: string, arg: unknown): Promise<unknown>;
  close(): Promise<void>;
}

export function isCommand(value: unknown): value is Command {
  return (
    typeof value === 'object' &&
    value !== null &&
    typeof (value as Command).id === 'number' &&
    typeof (value as Command).cmd === 'string'
  );
}

export function isReply(value: unknown): value is Reply {
  return (
    typeof value === 'object' &&
    value !== null &&
    typeof (value as Reply).id === 'number' &&
    typeof (value as Reply).ok === 'boolean'
  );
}
