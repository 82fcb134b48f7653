import type { Page, Request } from 'playwright-core';
import { describe, expect, test } from 'vitest';
import { desktop, screenshot } from './browser.js';
import { startBrowserSession } from './session.js';

const session = startBrowserSession();

// 上传: the import page sends files as they are (no base64): the 列映射 preview gets only the first
// MiB of a larger CSV and says so, and a check shows the upload's progress first; 确认导入 then
// starts from the file the check left on the server (no second upload) unless the server lost it.

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
/** Whether a request carries a file (the preview, the check, an upload import). */
const isFileUpload = (request: Request) => request.headers()['content-type'] === 'application/octet-stream';

const clickCheck = (page: Page) =>
  page
    .getByRole('button', { name: '校 验' })
    .or(page.getByRole('button', { name: '校验' }))
    .click();

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
  test('a 1.6 MB CSV: the mapping reads its first MiB, the check shows the upload going up, the import sends no file again', async () => {
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
    await clickCheck(page);
    const uploading = page.getByTestId('import-upload');
    await uploading.getByText(/正在上传 .* \/ 1\.6 MB/).waitFor();
    await screenshot(page, 'metrics-upload-02-check-uploading');
    await page
      .getByTestId('import-preview')
      .getByText(`共 ${rows.toLocaleString('en-US')} 行`)
      .waitFor();
    const check = sent.at(-1);
    expect(check?.url()).toMatch(/\/api\/imports\/upload\?.*dryRun=true/);
    expect(check?.headers()['x-csrf-token']).toBeTruthy();
    expect(Number((await check?.allHeaders())?.['content-length'])).toBe(Buffer.byteLength(orders));

    await page.getByRole('button', { name: '确认导入' }).click();
    await page.getByTestId('import-done').waitFor({ timeout: 60_000 });
    const confirm = sent.at(-1);
    expect(confirm?.url()).toMatch(/\/api\/imports\/from-upload$/);
    expect(confirm?.postDataJSON()).toMatchObject({ uploadId: expect.any(String), kind: 'orders' });
    // The preview's first MiB and the check: the file went up once.
    expect(sent.filter(isFileUpload)).toHaveLength(2);
    await expect(uploading.count()).resolves.toBe(0);
    await page
      .getByRole('row')
      .filter({ hasText: 'orders.csv' })
      .filter({ hasText: '完成' })
      .first()
      .waitFor();
    await screenshot(page, 'metrics-upload-03-imported');
  });

  test('when the server no longer has the checked file, 确认导入 uploads it again without an error', async () => {
    const page = await session.signIn('zhuguan', desktop);
    const sent: Request[] = [];
    page.on('request', (request) => {
      if (request.url().includes('/api/imports/') && request.method() === 'POST') sent.push(request);
    });
    // As after the kept file's hour or a server restart.
    await page.route('**/api/imports/from-upload', (route) =>
      route.fulfill({
        status: 404,
        contentType: 'application/json',
        body: JSON.stringify({
          error: {
            code: 'metrics.upload.not_found',
            message: '上传的文件已过期，请重新选择文件',
            details: [],
          },
        }),
      }),
    );
    await page.goto(`${session.harness.baseUrl}/metrics/import`);
    await page.getByLabel('数据类型').click();
    await page.locator('.ant-select-item-option').filter({ hasText: '订单' }).click();
    const small = orders.split('\n').slice(0, 11).join('\n').replaceAll(',UP', ',AGAIN');
    await page
      .locator('input[type=file]')
      .setInputFiles({ name: 'again.csv', mimeType: 'text/csv', buffer: Buffer.from(small) });
    await page.getByTestId('import-mapping').waitFor();
    await clickCheck(page);
    await page.getByTestId('import-preview').getByText('共 10 行').waitFor();
    await page.getByRole('button', { name: '确认导入' }).click();
    await page.getByTestId('import-done').waitFor({ timeout: 60_000 });
    expect(sent.map((request) => new URL(request.url()).pathname)).toEqual([
      '/api/imports/preview/upload',
      '/api/imports/upload',
      '/api/imports/from-upload',
      '/api/imports/upload',
    ]);
    expect(sent.at(-1)?.url()).toContain('dryRun=false');
    await expect(page.getByRole('alert').filter({ hasText: '过期' }).count()).resolves.toBe(0);
  });
});
