import { isPoolName, poolNameFor } from '../../../../shared/domain/poolName';
import { HotDeskError } from './hotDeskErrors';

/** The next free pool name: the lowest `HDnnnn` not in use (HD0001, HD0002, … — a deleted device's name is reused). */
export function allocatePoolName(inUse: Iterable<string>): string {
  const taken = new Set<number>();
  for (const name of inUse) if (isPoolName(name)) taken.add(Number(name.slice(2)));
  for (let index = 1; index <= 9999; index += 1) if (!taken.has(index)) return poolNameFor(index);
  throw new HotDeskError('conflict', 'All 9999 hot-desking device names (HD0001–HD9999) are in use');
}
