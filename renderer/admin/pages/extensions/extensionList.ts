import type { ConsoleExtension } from '../../../../shared/contracts';
import { formatInstant, type TimeFormat } from '../../format/formatInstant';

export type ExtensionItem = ConsoleExtension;

/** The selection after the list changed (a new search, an extension deleted): only extensions still listed. */
export function keepListed(selected: ReadonlySet<string>, list: readonly ExtensionItem[]): Set<string> {
  return new Set(list.map((item) => item.extension).filter((extension) => selected.has(extension)));
}

export function toggle(selected: ReadonlySet<string>, extension: string): Set<string> {
  const next = new Set(selected);
  if (!next.delete(extension)) next.add(extension);
  return next;
}

/** Select every listed extension, or none when all of them are selected already. */
export function toggleAll(selected: ReadonlySet<string>, list: readonly ExtensionItem[]): Set<string> {
  const all = list.map((item) => item.extension);
  return all.length > 0 && all.every((extension) => selected.has(extension)) ? new Set() : new Set(all);
}

/** The selected extensions that do not have hot desking yet, in list order: what "Enable hot desking" changes. */
export function toEnable(selected: ReadonlySet<string>, list: readonly ExtensionItem[]): string[] {
  return list.filter((item) => selected.has(item.extension) && !item.hotDesking).map((item) => item.extension);
}

/** The list with `updated` items in place of the ones with their numbers. */
export function replaceItems(list: readonly ExtensionItem[], updated: readonly ExtensionItem[]): ExtensionItem[] {
  const byNumber = new Map(updated.map((item) => [item.extension, item]));
  return list.map((item) => byNumber.get(item.extension) ?? item);
}

/** What the Hot desking column says: why a login would be refused, or that it works. */
export function hotDeskingText(item: ExtensionItem): string {
  if (!item.hotDesking) return 'Off';
  return item.pinSet ? 'On' : 'On — no PIN set, logins are refused';
}

/** The lock status: "Unlocked", or "Locked until <time>" in the browser's time zone. */
export function lockText(item: ExtensionItem, options: TimeFormat = {}): string {
  if (!item.locked) return 'Unlocked';
  return item.lockedUntil ? `Locked until ${formatInstant(item.lockedUntil, options)}` : 'Locked';
}

/** The search as a query string for `GET /api/v1/extensions` ("" lists them all). */
export function searchPath(query: string): string {
  const trimmed = query.trim();
  return trimmed === '' ? '/extensions' : `/extensions?${new URLSearchParams({ q: trimmed.slice(0, 64) }).toString()}`;
}
