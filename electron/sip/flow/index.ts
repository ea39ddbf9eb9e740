export type { Flow, TransportUser } from './flow';
