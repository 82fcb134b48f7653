import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { describe, expect, test } from 'vitest';

// The one-way arrows of docs/ARCHITECTURE.md and the file-size limit, checked as a test so that
// breaking them fails CI (Excalidraw makes its core/UI boundary a build error the same way).

const root = resolve(import.meta.dirname, '..');
const sourceLimit = 400;
const testLimit = 700;

const listFiles = (folder: string): string[] =>
  readdirSync(join(root, folder)).flatMap((entry) => {
    const path = join(folder, entry);
    return statSync(join(root, path)).isDirectory() ? listFiles(path) : [path];
  });

const codeFiles = (folder: string) => listFiles(folder).filter((path) => /\.(ts|tsx)$/.test(path));
const isTest = (path: string) => /\.test\.tsx?$/.test(path);

type ImportLine = { specifier: string; typeOnly: boolean; line: number };

const importsOf = (path: string): ImportLine[] =>
  readFileSync(join(root, path), 'utf8')
    .split('\n')
    .flatMap((text, index) => {
      const match = /^\s*(import|export)\s+(type\s+)?[^'"]*?from\s+['"]([^'"]+)['"]/.exec(text);
      const bare = /^\s*import\s+['"]([^'"]+)['"]/.exec(text);
      if (match?.[3]) return [{ specifier: match[3], typeOnly: Boolean(match[2]), line: index + 1 }];
      if (bare?.[1]) return [{ specifier: bare[1], typeOnly: false, line: index + 1 }];
      return [];
    });

/** The repository-relative path an import points at, or null for packages. */
const target = (from: string, specifier: string) =>
  specifier.startsWith('.') ? relative(root, resolve(root, from, '..', specifier)) : null;

const violations = (files: string[], check: (file: string, entry: ImportLine) => string | null) =>
  files.flatMap((file) =>
    importsOf(file).flatMap((entry) => {
      const why = check(file, entry);
      return why ? [`${file}:${entry.line} ${entry.specifier} — ${why}`] : [];
    }),
  );

describe('architecture', () => {
  test('domain code imports nothing outside src/domain, except types', () => {
    const found = violations(
      codeFiles('src/domain').filter((file) => !isTest(file)),
      (file, entry) => {
        const path = target(file, entry.specifier);
        if (path?.startsWith('src/domain/')) return null;
        return entry.typeOnly ? null : 'the domain is pure: no packages, no other layers';
      },
    );
    expect(found).toEqual([]);
  });

  test('domain code reads no clock, environment or console', () => {
    const found = codeFiles('src/domain')
      .filter((file) => !isTest(file))
      .flatMap((file) =>
        readFileSync(join(root, file), 'utf8')
          .split('\n')
          .flatMap((text, index) =>
            !/^\s*(\/\/|\*|\/\*)/.test(text) &&
            /Date\.now\(|new Date\(\)|process\.|console\.|Math\.random\(/.test(text)
              ? [`${file}:${index + 1} ${text.trim()}`]
              : [],
          ),
      );
    expect(found).toEqual([]);
  });

  test('other layers use a domain area only through its index', () => {
    const outside = ['src/app', 'src/store', 'src/server', 'src/cli', 'src/io'].flatMap(codeFiles);
    const found = violations(outside, (file, entry) => {
      const path = target(file, entry.specifier);
      if (!path?.startsWith('src/domain/')) return null;
      return /^src\/domain\/[^/]+\/index\.js$/.test(path) ? null : 'import the area index, not a deep file';
    });
    expect(found).toEqual([]);
  });

  test('the store and io adapters never import the server or the CLI', () => {
    const found = violations([...codeFiles('src/store'), ...codeFiles('src/io')], (file, entry) => {
      const path = target(file, entry.specifier);
      return path && /^src\/(server|cli)\//.test(path) ? 'adapters do not know the edges' : null;
    });
    expect(found).toEqual([]);
  });

  test('the web app imports only itself, packages and domain types', () => {
    const found = violations(codeFiles('web/src'), (file, entry) => {
      const path = target(file, entry.specifier);
      if (!path || path.startsWith('web/')) return null;
      return entry.typeOnly && /^src\/domain\/[^/]+\/index\.js$/.test(path)
        ? null
        : 'web talks to the API only';
    });
    expect(found).toEqual([]);
  });

  test('files stay small enough to read', () => {
    const files = [...codeFiles('src'), ...codeFiles('web/src'), ...codeFiles('bench'), ...codeFiles('test')];
    const tooLong = files.flatMap((file) => {
      const lines = readFileSync(join(root, file), 'utf8').split('\n').length;
      const limit = isTest(file) ? testLimit : sourceLimit;
      return lines > limit ? [`${file}: ${lines} lines (limit ${limit})`] : [];
    });
    expect(tooLong).toEqual([]);
  });
});
