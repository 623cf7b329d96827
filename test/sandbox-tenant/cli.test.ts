import { spawn } from 'node:child_process';
import { readFileSync, statSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { Agent } from 'undici';
import { describe, expect, it } from 'vitest';
import { bewaarder } from '../support/cli.ts';
import { writeTenant } from './support.ts';

const BIN = fileURLToPath(new URL('../../src/cli/bewaarder.js', import.meta.url));

describe('bewaarder sandbox', () => {
  it('prints its help', () => {
    const { code, stdout } = bewaarder(['sandbox', '--help']);
    expect(code).toBe(0);
    expect(stdout).toContain('Usage: bewaarder sandbox');
  });

  it('starts, writes the CA and a 0600 config without printing the secret, serves Graph, and stops on Ctrl-C', async () => {
    const child = spawn(process.execPath, [BIN, 'sandbox', '--root', writeTenant(3), '--json'], { stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    const info = await new Promise<{ url: string; tenantId: string; clientId: string; caPath: string; configPath: string }>((resolve, reject) => {
      child.stdout.on('data', (d: Buffer) => {
        stdout += d.toString();
        const line = stdout.split('\n').find((l) => l.startsWith('{'));
        if (line) resolve(JSON.parse(line));
      });
      child.on('exit', (code) => reject(new Error(`exited ${code}: ${stderr}`)));
    });
    const config = JSON.parse(readFileSync(info.configPath, 'utf8')) as { clientSecret: string; graphBaseUrl: string; caPath: string };
    expect(statSync(info.configPath).mode & 0o777).toBe(0o600);
    expect(stdout).not.toContain(config.clientSecret);
    expect(config.graphBaseUrl).toBe(info.url);
    const dispatcher = new Agent({ connect: { ca: readFileSync(info.caPath, 'utf8') } });
    const token = await fetch(`${info.url}/${info.tenantId}/oauth2/v2.0/token`, {
      method: 'POST', dispatcher, headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({ grant_type: 'client_credentials', client_id: info.clientId, client_secret: config.clientSecret }),
    } as RequestInit);
    const { access_token } = (await token.json()) as { access_token: string };
    const users = await fetch(`${info.url}/v1.0/users`, { dispatcher, headers: { authorization: `Bearer ${access_token}` } } as RequestInit);
    expect(((await users.json()) as { value: unknown[] }).value).toHaveLength(3);
    await dispatcher.close();
    const exit = new Promise<number | null>((resolve) => child.on('exit', resolve));
    child.kill('SIGINT');
    expect(await exit).toBe(0);
    expect(stderr).toContain('Sandbox tenant stopped');
  });
});
