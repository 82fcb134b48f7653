import { randomBytes } from 'node:crypto';
import { type Actor, AppError } from '../../app/accounts/index.js';
import type { RecordKind } from '../../io/records/index.js';
import type { SavedUpload } from './imports.upload.js';

// 校验 then 确认导入 with one upload: a check keeps its file for a while under a random id, so the
// import reads the same bytes instead of taking a 1-2 GB file a second time.

/** How long a checked file waits for its 确认导入 before it is removed. */
export const keptUploadLifetimeMs = 3_600_000;

/** The code of an unknown, used, expired or another user's uploadId (404): upload the file again. */
export const uploadNotFoundCode = 'metrics.upload.not_found';

export const keptUploadErrors = {
  notFound: () =>
    new AppError(uploadNotFoundCode, '上传的文件已过期，请重新选择文件', [
      { path: 'body.uploadId', message: '上传的文件已过期，请重新选择文件' },
    ]),
};

/** A checked upload waiting for its import, with whom and what it was uploaded for. */
export type KeptUpload = {
  id: string;
  upload: SavedUpload;
  organizationId: string;
  login: string;
  kind: RecordKind;
  fileName: string;
  keptAt: number;
};

type Owner = Pick<Actor, 'organizationId' | 'login'>;

const ownedBy = (kept: KeptUpload, actor: Owner) =>
  kept.organizationId === actor.organizationId && kept.login === actor.login;

/**
 * The checked uploads of one server, in memory: an id is usable by the user who uploaded it, for
 * the kind it was checked as, once, until `lifetimeMs` after the check. A user keeps one file at a
 * time (a new check replaces the previous one: each may be 2 GB of disk, and the page confirms only
 * its last check).
 */
export const createKeptUploads = ({ lifetimeMs, now }: { lifetimeMs: number; now: () => number }) => {
  const byId = new Map<string, KeptUpload>();
  const drop = async (kept: KeptUpload) => {
    byId.delete(kept.id);
    await kept.upload.remove();
  };
  const expired = (kept: KeptUpload) => now() - kept.keptAt >= lifetimeMs;
  /** The caller's live upload `id`; an expired one is removed on the way. Throws the 404. */
  const find = async (id: string, actor: Owner, kind?: RecordKind): Promise<KeptUpload> => {
    const kept = byId.get(id);
    if (kept && expired(kept)) await drop(kept);
    else if (kept && ownedBy(kept, actor) && (kind === undefined || kind === kept.kind)) return kept;
    throw keptUploadErrors.notFound();
  };
  return {
    /** Keeps a checked upload and answers its id; the user's earlier kept upload is removed. */
    keep: async (upload: SavedUpload, owner: Owner & { kind: RecordKind; fileName: string }) => {
      for (const kept of [...byId.values()]) if (ownedBy(kept, owner)) await drop(kept);
      const id = randomBytes(18).toString('base64url');
      byId.set(id, {
        id,
        upload,
        organizationId: owner.organizationId,
        login: owner.login,
        kind: owner.kind,
        fileName: owner.fileName,
        keptAt: now(),
      });
      return id;
    },
    find,
    /**
     * Takes the upload out for one import (a second take answers 404). `restore` puts it back when
     * the import was refused before it read anything, so the user can confirm again.
     */
    take: async (id: string, actor: Owner, kind?: RecordKind) => {
      const kept = await find(id, actor, kind);
      // Two confirms at once: only the first takes it.
      if (byId.get(id) !== kept) throw keptUploadErrors.notFound();
      byId.delete(id);
      return { kept, restore: () => void byId.set(id, kept) };
    },
    /** Removes the uploads past their lifetime; answers how many went. */
    expire: async () => {
      const old = [...byId.values()].filter(expired);
      for (const kept of old) await drop(kept);
      return old.length;
    },
    /** Removes every kept upload (the server stops: no id outlives it). */
    clear: async () => {
      for (const kept of [...byId.values()]) await drop(kept);
    },
  };
};

export type KeptUploads = ReturnType<typeof createKeptUploads>;
