import { expect, test, type Page } from '@playwright/test';

async function openPhone(page: Page) {
  await page.goto('/');
  await expect(page.getByRole('status', { name: 'Phone display' })).toContainText('HD0001');
  return page.getByRole('textbox', { name: 'Number' });
}

test.describe('entering a number', () => {
  test('the dialpad types every key into the Number box', async ({ page }) => {
    const number = await openPhone(page);
    for (const key of ['1', '2', '3', '4', '5', '6', '7', '8', '9', '*', '0', '#']) {
      await page.getByRole('button', { name: key, exact: true }).click();
    }
    await expect(number).toHaveValue('123456789*0#');
  });

  test('the physical keyboard types, deletes and clears without the Number box focused', async ({ page }) => {
    const number = await openPhone(page);
    await page.locator('body').click({ position: { x: 5, y: 5 } });
    await page.keyboard.type('*77*100*');
    await expect(number).toHaveValue('*77*100*');
    await page.keyboard.press('Backspace');
    await expect(number).toHaveValue('*77*100');
    await page.keyboard.press('Escape');
    await expect(number).toHaveValue('');
  });

  test('typing in the focused Number box enters each digit once and drops letters', async ({ page }) => {
    const number = await openPhone(page);
    await number.click();
    await page.keyboard.type('91a1');
    await expect(number).toHaveValue('911');
  });

  test('an idle device refuses a non-emergency number and says why', async ({ page }) => {
    const number = await openPhone(page);
    await number.fill('200');
    await page.getByRole('button', { name: 'Call' }).click();
    await expect(page.getByRole('status', { name: 'Phone display' })).toContainText(
      'Log in to call this number: only emergency numbers can be dialled',
    );
  });

  test('Enter calls, so a malformed login code is explained on the display', async ({ page }) => {
    const number = await openPhone(page);
    await number.fill('*77*100');
    await number.press('Enter');
    await expect(page.getByRole('status', { name: 'Phone display' })).toContainText('To log in, dial *77*<extension>*');
  });
});
