import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import type { Page } from '../../connectors/connector.ts';
import { createFilesystemConnector } from '../../connectors/filesystem/index.ts';

// Root reads every folder, so "permission denied" is simulated where the connector meets it: readdir.
vi.mock('node:fs/promises', async (importOriginal) => {
  const fs = await importOriginal<typeof import('node:fs/promises')>();
  const readdir = async (path: string, ...rest: unknown[]) => {
    if (String(path).endsWith('geheim')) throw Object.assign(new Error('EACCES'), { code: 'EACCES' });
    return (fs.readdir as (...a: unknown[]) => Promise<unknown>)(path, ...rest);
  };
  return { ...fs, readdir, default: { ...fs, readdir } };
});

describe('filesystem connector: a folder it cannot list', () => {
  it('is reported as unreadable, so no deletion is concluded for what it holds', async () => {
    const root = mkdtempSync(join(tmpdir(), 'bewaarder-fs-'));
    mkdirSync(join(root, 'geheim'));
    writeFileSync(join(root, 'geheim', 'a.txt'), 'a');
    writeFileSync(join(root, 'open.txt'), 'b');
    const pages: Page[] = [];
    for await (const page of createFilesystemConnector(root).enumerate()) pages.push(page);
    expect(pages.flatMap((p) => p.unreadable ?? [])).toEqual([{ location: 'geheim', reason: 'permission denied' }]);
    expect(pages.flatMap((p) => p.items).map((i) => i.location)).toEqual(['open.txt']);
  });
});
