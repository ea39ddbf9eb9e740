export type { Clock, TimerHandle, IdSource } from './clock';
export { systemClock, ManualClock, randomIds } from './clock';
