// The library runs in browsers: only the node-only folders may reach Node.js (its built-ins, process),
// and nothing else imports them.
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';

const SRC = join(import.meta.dirname, '..', 'src');
/** Folders that read files, print, or serve HTTP. */
const NODE_ONLY = ['input/', 'cli/', 'server/'];
/** Single modules that wrap one Node.js built-in behind the library's own interface. */
const NODE_MODULES = ['crypto/node.ts', 'node.ts'];

const files = readdirSync(SRC, { recursive: true, encoding: 'utf8' })
  .filter((f) => f.endsWith('.ts'))
  .map((f) => f.split('\\').join('/'));

/** The code of a file without its comments, so prose about a process or a path does not count. */
function code(file: string): string {
  return readFileSync(join(SRC, file), 'utf8')
    .replace(/\/\*[\s\S]*?\*\//g, '')
    .replace(/(^|[^:'"`])\/\/.*$/gm, '$1');
}

function imports(file: string): string[] {
  return [...code(file).matchAll(/(?:from|import)\s*\(?\s*'([^']+)'/g)].map((m) => m[1]);
}

const isNodeOnly = (file: string) => NODE_ONLY.some((d) => file.startsWith(d)) || NODE_MODULES.includes(file);

describe('the import rule', () => {
  it('finds the sources', () => {
    expect(files).toContain('index.ts');
    expect(files).toContain('server/service.ts');
  });

  it.each(files.filter((f) => !isNodeOnly(f)))('%s uses no Node.js built-in and no process', (file) => {
    expect(imports(file).filter((i) => i.startsWith('node:'))).toEqual([]);
    expect(code(file)).not.toMatch(/\bprocess\s*\./);
  });

  it('crypto/node.ts reaches node:crypto alone', () => {
    expect(imports('crypto/node.ts').filter((i) => i.startsWith('node:'))).toEqual(['node:crypto', 'node:crypto', 'node:crypto']);
  });

  it('only the CLI imports the server, and nothing outside the node-only parts imports the CLI', () => {
    for (const file of files) {
      const dir = relative(SRC, join(SRC, file, '..')).split('\\').join('/');
      const reached = imports(file).filter((i) => i.startsWith('.')).map((i) => relative(SRC, join(SRC, dir, i)).split('\\').join('/'));
      if (!file.startsWith('cli/') && !file.startsWith('server/')) expect(reached.filter((r) => r.startsWith('server/') || r.startsWith('cli/')), file).toEqual([]);
    }
  });
});
