import { afterEach, describe, expect, it, vi } from 'vitest';

// An internal failure of the CLI: exit 3, one line on stderr, the stack only with SMKI_LINT_DEBUG.
// The check command is replaced by one that fails as a defect would.
vi.mock('../src/cli/check-command.js', async (original) => ({
  ...(await original<typeof import('../src/cli/check-command.js')>()),
  runCheck: async () => {
    throw new TypeError("Cannot read properties of undefined (reading 'x')");
  },
}));

async function runMain(env: Record<string, string | undefined>): Promise<{ code: number; stderr: string }> {
  vi.resetModules();
  const saved = { ...process.env };
  for (const [key, value] of Object.entries(env)) {
    if (value === undefined) delete process.env[key];
    else process.env[key] = value;
  }
  let stderr = '';
  const spy = vi.spyOn(process.stderr, 'write').mockImplementation((chunk: string | Uint8Array) => {
    stderr += String(chunk);
    return true;
  });
  try {
    const { main } = await import('../src/cli/main.js');
    const code = await main(['node', 'smki-lint', 'check', 'test-certs/valid']);
    return { code, stderr };
  } finally {
    spy.mockRestore();
    process.env = saved;
  }
}

describe('an internal error', () => {
  afterEach(() => vi.resetModules());

  it('exits 3 with one line on stderr that says how to see more', async () => {
    const { code, stderr } = await runMain({ SMKI_LINT_DEBUG: undefined });
    expect(code).toBe(3);
    expect(stderr).toBe("smki-lint: internal error: Cannot read properties of undefined (reading 'x') (run with SMKI_LINT_DEBUG=1 for details; please report it)\n");
  });

  it('prints the stack trace with SMKI_LINT_DEBUG=1', async () => {
    const { code, stderr } = await runMain({ SMKI_LINT_DEBUG: '1' });
    expect(code).toBe(3);
    const lines = stderr.split('\n');
    expect(lines[0]).toBe("smki-lint: internal error: Cannot read properties of undefined (reading 'x')");
    expect(lines[1]).toBe("TypeError: Cannot read properties of undefined (reading 'x')");
    expect(lines[2]).toMatch(/^ +at /);
  });
});
