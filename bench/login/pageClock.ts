import type { Page, WebSocket } from 'playwright-core';

/**
 * Moments on one phone page, as epoch milliseconds: the page's own clock (performance.timeOrigin + now) for what
 * happens in the page, Node's Date.now() for what the bench does and for the SIP frames Playwright reports. Both
 * read the same machine clock; a frame is reported a little after the page received it, so figures err on the slow side.
 */

/** Resolves with the moment the Phone display first contains `text` (a MutationObserver in the page). */
export function displayShows(page: Page, text: string): Promise<number> {
  return page.evaluate(
    (wanted) =>
      new Promise<number>((resolve) => {
        const display = document.querySelector('[role="status"][aria-label="Phone display"]');
        if (!display) throw new Error('no Phone display on the page');
        const now = () => performance.timeOrigin + performance.now();
        if (display.textContent?.includes(wanted)) return resolve(now());
        const observer = new MutationObserver(() => {
          if (!display.textContent?.includes(wanted)) return;
          observer.disconnect();
          resolve(now());
        });
        observer.observe(display, { subtree: true, childList: true, characterData: true });
      }),
    text,
  );
}

/** Clicks a button by its accessible name and resolves with the moment the page saw the click. */
export async function clickAt(page: Page, name: string): Promise<number> {
  await page.evaluate(() => {
    const record = (event: Event) => {
      (window as unknown as { benchClickAt?: number }).benchClickAt = event.timeStamp + performance.timeOrigin;
    };
    window.addEventListener('click', record, { capture: true, once: true });
  });
  await page.getByRole('button', { name, exact: true }).click();
  return page.evaluate(() => (window as unknown as { benchClickAt: number }).benchClickAt);
}

/** Watches the page's SIP WebSocket for `200 OK` to a REGISTER that leaves a binding (not an un-REGISTER). */
export class RegisterWatch {
  private readonly waiting: Array<{ user: string; resolve(at: number): void }> = [];

  constructor(page: Page) {
    page.on('websocket', (socket: WebSocket) => {
      socket.on('framereceived', ({ payload }) => this.onFrame(typeof payload === 'string' ? payload : payload.toString()));
    });
  }

  /** The next registration of `user` (`100`, `HD0001`) answered 200. */
  next(user: string): Promise<number> {
    return new Promise((resolve) => this.waiting.push({ user, resolve }));
  }

  private onFrame(text: string): void {
    const at = Date.now();
    if (!text.startsWith('SIP/2.0 200') || !/^CSeq:\s*\d+\s+REGISTER\s*$/im.test(text) || !/^Contact:.*;expires=[1-9]/im.test(text)) return;
    const to = /^(?:To|t):.*<sips?:([^@>]+)@/im.exec(text)?.[1];
    for (const waiter of [...this.waiting]) {
      if (waiter.user !== to) continue;
      this.waiting.splice(this.waiting.indexOf(waiter), 1);
      waiter.resolve(at);
    }
  }
}
