// RFC 3261 §17.1.1.1 and Table 4 (Appendix A): the timer base values and every transaction timer derived from them.

/** RTT estimate (§17.1.1.1). */
export const T1 = 500;
/** Maximum retransmission interval for non-INVITE requests and INVITE responses. */
export const T2 = 4000;
/** Maximum duration a message remains in the network. */
const T4 = 5000;

export interface TimerBase {
  T1: number;
  T2: number;
  T4: number;
}

export const DEFAULT_TIMER_BASE: TimerBase = { T1, T2, T4 };

/**
 * Initial values of timers A-K for one transaction (Table 4). A retransmission timer of `undefined` is not started:
 * on a reliable transport requests and responses are not retransmitted (§17.1.1.2, §17.1.2.2, §17.2.1), and the
 * "wait for retransmissions" timers D, I, J and K are zero, so those states are left at once.
 */
export interface TransactionTimers {
  /** INVITE request retransmit interval (ICT), doubling. */
  TIMER_A: number | undefined;
  /** INVITE transaction timeout (ICT, Calling state). */
  TIMER_B: number;
  /** Wait time for response retransmits (ICT, Completed state). */
  TIMER_D: number;
  /** Non-INVITE request retransmit interval (NICT), doubling up to T2. */
  TIMER_E: number | undefined;
  /** Non-INVITE transaction timeout (NICT). */
  TIMER_F: number;
  /** INVITE response retransmit interval (IST, Completed state), doubling up to T2. */
  TIMER_G: number | undefined;
  /** Wait time for ACK receipt (IST, Completed state). */
  TIMER_H: number;
  /** Wait time for ACK retransmits (IST, Confirmed state). */
  TIMER_I: number;
  /** Wait time for non-INVITE request retransmits (NIST, Completed state). */
  TIMER_J: number;
  /** Wait time for response retransmits (NICT, Completed state). */
  TIMER_K: number;
}

export function transactionTimers(reliable: boolean, base: TimerBase = DEFAULT_TIMER_BASE): TransactionTimers {
  const { T1: t1, T4: t4 } = base;
  return {
    TIMER_A: reliable ? undefined : t1,
    TIMER_B: 64 * t1,
    // "at least 32 seconds for unreliable transports" (§17.1.1.2).
    TIMER_D: reliable ? 0 : Math.max(32_000, 64 * t1),
    TIMER_E: reliable ? undefined : t1,
    TIMER_F: 64 * t1,
    TIMER_G: reliable ? undefined : t1,
    TIMER_H: 64 * t1,
    TIMER_I: reliable ? 0 : t4,
    TIMER_J: reliable ? 0 : 64 * t1,
    TIMER_K: reliable ? 0 : t4,
  };
}
