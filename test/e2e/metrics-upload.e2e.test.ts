import type { Page, Request } from 'playwright-core';
import { describe, expect, test } from 'vitest';
import { desktop, screenshot } from './browser.js';
import { startBrowserSession } from './session.js';

const session = startBrowserSession();

// 上传: the import page sends files as they are (no base64): the 列映射 preview gets only the first
// MiB of a larger CSV and says so, and a check or import shows the upload's progress first.

const yesterday = new Date(Date.now() + 8 * 3_600_000 - 86_400_000).toISOString().slice(0, 10);
const rows = 20_000;
const orders = [
  'shop,order,buyer,created,paid,amount,items,status,refund',
  ...Array.from(
    { length: rows },
    (_, i) => `天猫旗舰店,UP${i},tb_${i % 500},${yesterday} 10:20:00,${yesterday} 10:21:00,19.90,1,paid,0`,
  ),
].join('\n');

/** Slows the page's uploads to `bytesPerSecond`, so the upload's progress can be seen. */
const throttleUploads = async (page: Page, bytesPerSecond: number) => {
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Network.enable');
  await cdp.send('Network.emulateNetworkConditions', {
    offline: false,
    latency: 0,
    downloadThroughput: -1,
    uploadThroughput: bytesPerSecond,
  });
};

describe('导入数据: uploads', () => {
  test('a 1.6 MB CSV: the mapping reads its first MiB, the check and the import show the upload going up', async () => {
    const page = await session.signIn('zhuguan', desktop);
    const sent: Request[] = [];
    page.on('request', (request) => {
      if (request.url().includes('/api/imports/') && request.method() === 'POST') sent.push(request);
    });
    await page.goto(`${session.harness.baseUrl}/metrics/import`);
    await page.getByLabel('数据类型').click();
    await page.locator('.ant-select-item-option').filter({ hasText: '订单' }).click();
    await page
      .locator('input[type=file]')
      .setInputFiles({ name: 'orders.csv', mimeType: 'text/csv', buffer: Buffer.from(orders) });
    await page.getByTestId('import-mapping').waitFor();
    await page.getByTestId('import-preview-partial').waitFor();
    const [preview] = sent;
    expect(preview?.url()).toContain('/api/imports/preview/upload?');
    expect(preview?.headers()['content-type']).toBe('application/octet-stream');
    // Chromium hands tests no body of a Blob upload; its length is the header sent.
    const previewBytes = Number((await preview?.allHeaders())?.['content-length']);
    expect(previewBytes).toBeGreaterThan(1_000_000);
    expect(previewBytes).toBeLessThanOrEqual(2 ** 20);
    expect(orders[Buffer.from(orders).subarray(0, previewBytes).toString().length - 1]).toBe('\n');
    await screenshot(page, 'metrics-upload-01-preview-of-the-start');

    await throttleUploads(page, 512 * 1024);
    await page
      .getByRole('button', { name: '校 验' })
      .or(page.getByRole('button', { name: '校验' }))
      .click();
    const uploading = page.getByTestId('import-upload');
    await uploading.getByText(/正在上传 .* \/ 1\.6 MB/).waitFor();
    await screenshot(page, 'metrics-upload-02-check-uploading');
    await page.getByTestId('import-preview').getByText(`共 ${rows} 行`).waitFor();
    const check = sent.at(-1);
    expect(check?.url()).toMatch(/\/api\/imports\/upload\?.*dryRun=true/);
    expect(check?.headers()['x-csrf-token']).toBeTruthy();
    expect(Number((await check?.allHeaders())?.['content-length'])).toBe(Buffer.byteLength(orders));

    await page.getByRole('button', { name: '确认导入' }).click();
    await uploading.waitFor();
    await page.getByTestId('import-done').waitFor({ timeout: 60_000 });
    expect(sent.at(-1)?.url()).toMatch(/\/api\/imports\/upload\?.*dryRun=false/);
    await expect(uploading.count()).resolves.toBe(0);
    await page
      .getByRole('row')
      .filter({ hasText: 'orders.csv' })
      .filter({ hasText: '完成' })
      .first()
      .waitFor();
    await screenshot(page, 'metrics-upload-03-imported');
  });
});
