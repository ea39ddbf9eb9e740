import type { ConsoleChange, ConsoleDevice } from '../../../../shared/contracts';
import { formatInstant, type TimeFormat } from '../../format/formatInstant';

/** The device events the Hot desking table follows; each carries the device as the API shows it now. */
export const DEVICE_EVENTS = ['device.created', 'device.updated', 'device.deleted', 'device.status'] as const;

/** Rows in pool-name order. */
export function sortDevices(devices: readonly ConsoleDevice[]): ConsoleDevice[] {
  return [...devices].sort((a, b) => a.name.localeCompare(b.name));
}

/**
 * Applies one device event to the rows. `device.deleted` removes the row; any other event with an item replaces or
 * adds it. An event without an item that is not a deletion (a `device.status` about a user's extension, or a device
 * deleted meanwhile) leaves the rows as they are: the deletion comes as its own event.
 */
export function applyDeviceEvent(rows: readonly ConsoleDevice[], type: string, data: unknown): readonly ConsoleDevice[] {
  const change = (data ?? {}) as Partial<ConsoleChange<ConsoleDevice>> & { name?: unknown };
  if (type === 'device.deleted') return typeof change.name === 'string' ? rows.filter((row) => row.name !== change.name) : rows;
  const item = change.item;
  if (!item || typeof item.name !== 'string') return rows;
  const others = rows.filter((row) => row.name !== item.name);
  return sortDevices([...others, item]);
}

/** The Status column: `Idle`, `Logged in as 100 Alice Andrews since <time>`, or `Offline`. */
export function statusText(device: ConsoleDevice, format: TimeFormat = {}): string {
  if (device.status === 'logged-in') {
    const who = [device.extension, device.userName].filter((part) => part).join(' ');
    return `Logged in as ${who} since ${formatInstant(device.since, format)}`;
  }
  return device.status === 'idle' ? 'Idle' : 'Offline';
}

export function provisioningText(device: ConsoleDevice): string {
  return device.provisioning.method === 'pnp' ? 'Plug and play' : 'Provisioning URL';
}

export function sbcText(device: ConsoleDevice): string {
  return device.sbc ? `${device.sbc.host}:${device.sbc.port}` : 'None';
}
