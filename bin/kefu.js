#!/usr/bin/env node
// The `kefu` command: runs the compiled CLI (built by `npm run build`).
import { runCli } from '../dist/cli/cli.js';

process.exitCode = await runCli({ argv: process.argv.slice(2) });
