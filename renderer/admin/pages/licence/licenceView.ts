import type { ConsoleLicence } from '../../../../shared/contracts';
import { formatDay, formatLogTime } from '../../format/dates';
import type { TimeFormat } from '../../format/formatInstant';

export type LicenceItem = ConsoleLicence;

const EDITIONS: Readonly<Record<string, string>> = { free: 'Free', pro: 'PRO', enterprise: 'Enterprise' };
const STATES: Readonly<Record<LicenceItem['state'], string>> = { valid: 'Valid', expired: 'Expired', invalid: 'Not valid', none: 'No licence' };
const SOURCES: Readonly<Record<LicenceItem['source'], string>> = { installed: 'Installed key', 'built-in-demo': 'Built-in demo licence', none: 'None' };
const DAY_MS = 86_400_000;

export function editionName(edition: string): string {
  return EDITIONS[edition] ?? edition;
}

/**
 * "31 Dec 2027 (in 395 days)", "1 Mar 2025 (expired 12 days ago)", or "Never". A date-only expiry covers that whole
 * day (UTC), as the PBX reads it, and is shown as that date wherever the browser is.
 */
export function expiryText(expires: string | null, now: Date, options: TimeFormat = {}): string {
  if (expires === null) return 'Never';
  const dateOnly = /^\d{4}-\d{2}-\d{2}$/.test(expires);
  const start = Date.parse(dateOnly ? `${expires}T00:00:00Z` : expires);
  if (Number.isNaN(start)) return expires;
  const end = dateOnly ? start + DAY_MS : start;
  const shown = dateOnly ? formatDay(`${expires}T00:00:00Z`, { ...options, timeZone: 'UTC' }) : formatLogTime(expires, options);
  const days = Math.floor(Math.abs(end - now.getTime()) / DAY_MS);
  const span = days === 1 ? '1 day' : `${days} days`;
  if (end > now.getTime()) return `${shown} (${days === 0 ? 'ends within a day' : `in ${span}`})`;
  return `${shown} (${days === 0 ? 'expired within the last day' : `expired ${span} ago`})`;
}

/** The facts table: label → value. */
export function licenceFacts(licence: LicenceItem, now: Date, options: TimeFormat = {}): Array<[string, string]> {
  const devices = licence.maxHotDeskDevices === null ? (licence.hotDesking ? 'No limit' : 'None') : `Up to ${licence.maxHotDeskDevices}`;
  return [
    ['Edition', editionName(licence.edition)],
    ['State', STATES[licence.state]],
    ['Source', SOURCES[licence.source]],
    ['Licensee', licence.licensee ?? '—'],
    ['Expires', expiryText(licence.expires, now, options)],
    ['Hot desking', licence.hotDesking ? 'Included' : 'Not included (needs PRO or Enterprise)'],
    ['Hot-desk devices', devices],
  ];
}

/** A pasted key without the line breaks and spaces that mail and PDF copies add. */
export function normaliseLicenceKey(pasted: string): string {
  return pasted.replace(/\s+/g, '');
}
