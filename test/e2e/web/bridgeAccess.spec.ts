import { expect, test, type Page } from '@playwright/test';

/** Opens a WebSocket to `url` from inside `page` and says whether the host let it open. */
function tryBridge(page: Page, url: string): Promise<'open' | 'refused'> {
  return page.evaluate(
    (target) =>
      new Promise<'open' | 'refused'>((resolve) => {
        const socket = new WebSocket(target);
        socket.onopen = () => {
          resolve('open');
          socket.close();
        };
        socket.onclose = () => resolve('refused');
      }),
    url,
  );
}

test.describe('the device bridge in a real browser', () => {
  test('the page secret is an HttpOnly, SameSite=Strict cookie for /bridge that the page itself never sees', async ({ page, context, baseURL }) => {
    const response = await page.goto('/');
    // The CSP lets the page reach this host's PBX, and no other WebSocket host.
    expect(response?.headers()['content-security-policy']).toContain(`connect-src 'self' ws://${new URL(baseURL ?? '').host};`);
    await expect(page.getByRole('status', { name: 'Phone display' })).toContainText('HD0001');
    const secret = (await context.cookies()).find((cookie) => cookie.name.startsWith('hotdesk-bridge-'));
    expect(secret).toMatchObject({ httpOnly: true, sameSite: 'Strict', path: '/bridge' });
    expect(await page.evaluate(() => document.cookie)).not.toContain('hotdesk-bridge-');
  });

  test("a page of another site cannot open the bridge, though the browser holds this host's secret", async ({ page, baseURL }) => {
    const app = new URL(baseURL ?? '');
    const bridge = `ws://${app.host}/bridge`;
    await page.goto('/');
    expect(await tryBridge(page, bridge)).toBe('open');
    // localhost is another site than 127.0.0.1 to the browser: no SameSite=Strict cookie, another Origin.
    await page.goto(`http://localhost:${app.port}/`);
    expect(await tryBridge(page, bridge)).toBe('refused');
  });
});
