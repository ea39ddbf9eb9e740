export type { Flow, FlowLookup, TransportUser } from './flow';
