import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, test } from 'vitest';
import { renderConfigDocs } from './config.docs.js';

describe('renderConfigDocs', () => {
  test('docs/configuration.md matches the config schema (regenerate with config.docs.script.ts)', () => {
    const committed = readFileSync(resolve(import.meta.dirname, '../../docs/configuration.md'), 'utf8');
    expect(committed).toBe(renderConfigDocs());
  });

  test('every environment variable appears in the reference', () => {
    for (const name of ['PORT', 'HOST', 'DATABASE_URL', 'KEFU_DATA_DIR', 'KEFU_LOGIN_LOCKOUT_MINUTES']) {
      expect(renderConfigDocs()).toContain(`\`${name}\``);
    }
  });
});
