/**
 * A load generator: one child process running one job (editors, writers, a joiner, a holder, a
 * pinger or the failover's pairs) on commands from the bench. Separate processes, so that the
 * clients' own work (applying updates, parsing frames) never stalls the clock of another
 * client's measurement.
 */
import { type Command, isCommand, type Job, type JobKind } from './ipc';
import { EditorsJob, type EditorsSpec } from './editors';
import { FailoverPairsJob, type FailoverSpec } from './failover-pairs';
import { HolderJob, type HolderSpec } from './holder';
import { JoinerJob, type JoinerSpec } from './joiner';
import { PingerJob, type PingerSpec } from './pinger';
import { WritersJob, type WritersSpec } from './writers';

// y-websocket adds a process 'exit' listener per provider in Node; hundreds are expected here.
process.setMaxListeners(0);

let job: Job | null = null;

function create(kind: JobKind, spec: unknown): Job {
  switch (kind) {
    case 'editors':
      return new EditorsJob(spec as EditorsSpec);
    case 'writers':
      return new WritersJob(spec as WritersSpec);
    case 'joiner':
      return new JoinerJob(spec as JoinerSpec);
    case 'holder':
      return new HolderJob(spec as HolderSpec);
    case 'pinger':
      return new PingerJob(spec as PingerSpec);
    case 'failover':
      return new FailoverPairsJob(spec as FailoverSpec);
  }
}

async function handle(command: Command): Promise<unknown> {
  if (command.cmd === 'init') {
    const { kind, spec } = command.arg as { kind: JobKind; spec: unknown };
    job = create(kind, spec);
    return null;
  }
  if (!job) throw new Error('no job: send init first');
  if (command.cmd === 'close') {
    await job.close();
    // Leave once the reply is out: the parent waits for the exit.
    setTimeout(() => process.exit(0), 50);
    return null;
  }
  return job.handle(command.cmd, command.arg);
}

process.on('message', (message: unknown) => {
  if (!isCommand(message)) return;
  handle(message).then(
    (result) => process.send?.({ id: message.id, ok: true, result }),
    (error: unknown) =>
      process.send?.({
        id: message.id,
        ok: false,
        error: error instanceof Error ? (error.stack ?? error.message) : String(error),
      }),
  );
});

// An orphaned generator must not keep hammering a server: leave when the bench goes away.
process.on('disconnect', () => process.exit(0));
