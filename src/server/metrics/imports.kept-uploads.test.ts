import { describe, expect, test } from 'vitest';
import { createKeptUploads } from './imports.kept-uploads.js';
import type { SavedUpload } from './imports.upload.js';

// The kept uploads' bookkeeping: expiry by the clock, one file per user, one take per id.
const fakeUpload = (removed: string[], name: string): SavedUpload => ({
  bytes: 1,
  read: async function* () {
    yield new Uint8Array([1]);
  },
  remove: async () => void removed.push(name),
});
const zhuguan = { organizationId: 'org', login: 'zhuguan' };
const other = { organizationId: 'org', login: 'admin' };
const file = { kind: 'orders' as const, fileName: 'o.csv' };

describe('kept uploads', () => {
  test('the sweep removes the uploads past their lifetime only', async () => {
    let now = 0;
    const removed: string[] = [];
    const kept = createKeptUploads({ lifetimeMs: 1_000, now: () => now });
    const old = await kept.keep(fakeUpload(removed, 'old'), { ...zhuguan, ...file });
    now = 600;
    const young = await kept.keep(fakeUpload(removed, 'young'), { ...other, ...file });
    now = 1_000;
    expect(await kept.expire()).toBe(1);
    expect(removed).toEqual(['old']);
    await expect(kept.find(old, zhuguan)).rejects.toMatchObject({ code: 'metrics.upload.not_found' });
    expect((await kept.find(young, other)).fileName).toBe('o.csv');
  });

  test("a user's new upload replaces their kept one; an id is taken once, restored if unused", async () => {
    const removed: string[] = [];
    const kept = createKeptUploads({ lifetimeMs: 1_000, now: () => 0 });
    const first = await kept.keep(fakeUpload(removed, 'first'), { ...zhuguan, ...file });
    const second = await kept.keep(fakeUpload(removed, 'second'), { ...zhuguan, ...file });
    expect(removed).toEqual(['first']);
    await expect(kept.find(first, zhuguan)).rejects.toThrow('上传的文件已过期，请重新选择文件');
    await expect(kept.find(second, other)).rejects.toThrow();
    const [one, two] = await Promise.allSettled([kept.take(second, zhuguan), kept.take(second, zhuguan)]);
    expect([one?.status, two?.status]).toEqual(['fulfilled', 'rejected']);
    if (one?.status === 'fulfilled') one.value.restore();
    expect((await kept.take(second, zhuguan, 'orders')).kept.fileName).toBe('o.csv');
    await kept.clear();
    expect(removed).toEqual(['first']);
  });
});
