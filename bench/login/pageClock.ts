import type { Page, WebSocket } from 'playwright-core';

/**
 * Moments on one phone page, as epoch milliseconds: the page's own clock (performance.timeOrigin + now) for what
 * happens in the page, Node's Date.now() for what the bench does and for the SIP frames Playwright reports. Both
 * read the same machine clock; a frame is reported a little after the page received it, so figures err on the slow side.
 */

/**
 * Resolves with the moment the Phone display first contains `text` (a MutationObserver in the page). The functions
 * run in the page are written without named inner functions: tsx would wrap those in a helper the page lacks.
 */
export function displayShows(page: Page, text: string): Promise<number> {
  return handled(
    page.evaluate(
      (wanted) =>
        new Promise<number>((resolve) => {
          const display = document.querySelector('[role="status"][aria-label="Phone display"]');
          if (!display) throw new Error('no Phone display on the page');
          if (display.textContent?.includes(wanted)) return resolve(performance.timeOrigin + performance.now());
          const observer = new MutationObserver(() => {
            if (!display.textContent?.includes(wanted)) return;
            observer.disconnect();
            resolve(performance.timeOrigin + performance.now());
          });
          observer.observe(display, { subtree: true, childList: true, characterData: true });
        }),
      text,
    ),
  );
}

/** Clicks a button by its accessible name and resolves with the moment the page saw the click. */
export async function clickAt(page: Page, name: string): Promise<number> {
  await page.evaluate(() => {
    window.addEventListener(
      'click',
      (event) => {
        (window as unknown as { benchClickAt?: number }).benchClickAt = event.timeStamp + performance.timeOrigin;
      },
      { capture: true, once: true },
    );
  });
  await page.getByRole('button', { name, exact: true }).click();
  return page.evaluate(() => (window as unknown as { benchClickAt: number }).benchClickAt);
}

/**
 * Watches the page's SIP WebSockets for `200 OK` to a REGISTER that leaves a binding (not an un-REGISTER), and for
 * the PBX's `NOTIFY` with `Event: check-sync`.
 */
export class SipWatch {
  private readonly waiting: Array<{ matches(text: string): boolean; resolve(at: number): void }> = [];

  constructor(page: Page) {
    page.on('websocket', (socket: WebSocket) => {
      socket.on('framereceived', ({ payload }) => this.onFrame(typeof payload === 'string' ? payload : payload.toString()));
    });
  }

  /** The next registration of `user` (`100`, `HD0001`) answered 200. */
  registered(user: string): Promise<number> {
    return this.next((text) => {
      if (!text.startsWith('SIP/2.0 200') || !/^CSeq:\s*\d+\s+REGISTER\s*$/im.test(text) || !/^Contact:.*;expires=[1-9]/im.test(text)) return false;
      return /^(?:To|t):.*<sips?:([^@>]+)@/im.exec(text)?.[1] === user;
    });
  }

  /** The next check-sync NOTIFY the PBX sends the page. */
  checkSync(): Promise<number> {
    return this.next((text) => text.startsWith('NOTIFY ') && /^(?:Event|o):\s*check-sync/im.test(text));
  }

  private next(matches: (text: string) => boolean): Promise<number> {
    return new Promise((resolve) => this.waiting.push({ matches, resolve }));
  }

  private onFrame(text: string): void {
    const at = Date.now();
    for (const waiter of [...this.waiting]) {
      if (!waiter.matches(text)) continue;
      this.waiting.splice(this.waiting.indexOf(waiter), 1);
      waiter.resolve(at);
    }
  }
}

/** A promise whose failure is reported where it is awaited, not as an unhandled rejection before that. */
function handled<T>(promise: Promise<T>): Promise<T> {
  promise.catch(() => undefined);
  return promise;
}
