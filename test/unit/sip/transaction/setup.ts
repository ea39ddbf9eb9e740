import { ManualClock } from '../../../../electron/sip/clock/clock';
import { TransactionLayer, type TransactionLayerOptions } from '../../../../electron/sip/transaction';
import { countingIds, FakeFlow, RecordingUser } from './support';

/** A layer on a ManualClock with a recording TU, one fake flow, and what it reported. */
export function setup(options: Partial<TransactionLayerOptions> & { reliableFlow?: boolean } = {}) {
  const clock = new ManualClock();
  const user = new RecordingUser();
  const flow = new FakeFlow('ws-1', options.reliableFlow === false ? { reliable: false } : {});
  const errors: unknown[] = [];
  const parseErrors: string[] = [];
  const layer = new TransactionLayer({
    clock,
    ids: countingIds(),
    user,
    viaHost: 'pbx.example.com',
    onError: (error) => errors.push(error),
    onParseError: (_flow, reason) => parseErrors.push(reason),
    ...options,
  });
  return { clock, user, flow, layer, errors, parseErrors };
}
