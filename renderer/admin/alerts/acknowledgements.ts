const KEY = 'hotdesk-console-acknowledged-alerts';
const MAX = 500;

/** The alerts acknowledged in this browser (localStorage), so a reload does not raise them again. */
export function loadAcknowledged(storage: Pick<Storage, 'getItem'> | null = safeStorage()): Set<string> {
  try {
    const parsed = JSON.parse(storage?.getItem(KEY) ?? '[]') as unknown;
    return new Set(Array.isArray(parsed) ? parsed.filter((id): id is string => typeof id === 'string') : []);
  } catch {
    return new Set();
  }
}

export function saveAcknowledged(ids: ReadonlySet<string>, storage: Pick<Storage, 'setItem'> | null = safeStorage()): void {
  try {
    storage?.setItem(KEY, JSON.stringify([...ids].slice(-MAX)));
  } catch {
    // Storage full or disabled: the acknowledgement holds until the page is reloaded.
  }
}

function safeStorage(): Storage | null {
  try {
    return window.localStorage;
  } catch {
    return null;
  }
}
