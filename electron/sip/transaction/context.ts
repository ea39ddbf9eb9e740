import type { Clock, IdSource } from '../clock';
import type { Flow } from '../flow';
import type { TimerBase, TransactionTimers } from './timers';

/** What the layer gives each transaction it creates. */
export interface TransactionContext {
  readonly clock: Clock;
  readonly ids: IdSource;
  readonly timerBase: TimerBase;
  /** Timer values for a transaction on `flow`, which depend on the flow's reliability. */
  timersFor(flow: Flow): TransactionTimers;
  /** Runs a callback of the TU; whatever it throws is reported and goes no further. */
  callUser(fn: () => void): void;
}
