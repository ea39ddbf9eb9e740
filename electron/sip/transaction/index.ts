// The PBX transaction layer (RFC 3261 §17).
export type {
  TransactionUser,
  ServerTransaction,
  ServerTransactionState,
  ClientTransaction,
  ClientTransactionState,
  ClientTransactionHandlers,
  RespondOptions,
  TerminationReason,
} from './types';
export type { TransactionLayerOptions, SendRequestOptions, SendStatelessOptions } from './transactionLayer';
export { TransactionLayer } from './transactionLayer';
export type { TimerBase, TransactionTimers } from './timers';
export { T1, T2, DEFAULT_TIMER_BASE, transactionTimers } from './timers';
export type { FlowReliability } from './reliability';
export { flowIsReliable } from './reliability';
export { buildCancel, buildNonSuccessAck } from './requestBuilders';
