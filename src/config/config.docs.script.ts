// Regenerates docs/configuration.md from the config schema (config.docs.test.ts fails when it drifts).
import { writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { renderConfigDocs } from './config.docs.js';

writeFileSync(resolve(import.meta.dirname, '../../docs/configuration.md'), renderConfigDocs());
