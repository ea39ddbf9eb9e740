import { expect, type Browser, type Page } from '@playwright/test';

/** The management console (`/admin`) in its own browser context, signed in as the demo admin. */
export async function openConsole(browser: Browser, baseURL: string, viewport = { width: 1280, height: 800 }): Promise<Page> {
  const context = await browser.newContext({ baseURL, viewport });
  const page = await context.newPage();
  await page.goto('/admin');
  await page.getByLabel('User name').fill('admin');
  await page.getByLabel('Password').fill('admin');
  await page.getByRole('button', { name: 'Sign in' }).click();
  await expect(page.getByRole('status', { name: 'Live updates' })).toHaveText('Live');
  return page;
}
