import { type ChildProcess, spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { afterEach, expect, it } from 'vitest';

const cli = fileURLToPath(new URL('../../fake-api/cli.ts', import.meta.url));
let child: ChildProcess | undefined;

afterEach(() => {
  if (child?.exitCode === null) child.kill('SIGKILL');
});

/** Resolves with everything printed so far once `pattern` appears on stdout. */
function waitFor(proc: ChildProcess, output: { text: string }, pattern: RegExp): Promise<string> {
  return new Promise((resolve, reject) => {
    const check = () => {
      if (pattern.test(output.text)) resolve(output.text);
    };
    proc.stdout?.on('data', check);
    proc.once('exit', (code) => reject(new Error(`cli exited (${code}): ${output.text}`)));
    check();
  });
}

it('serves on $PORT, prints the demo sign-in, logs requests and stops on SIGTERM', async () => {
  const proc = spawn(process.execPath, ['--import', 'tsx', cli], {
    env: { ...process.env, PORT: '0' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  child = proc;
  const output = { text: '' };
  proc.stdout.on('data', (chunk: Buffer) => {
    output.text += chunk.toString();
  });
  proc.stderr.on('data', (chunk: Buffer) => {
    output.text += chunk.toString();
  });

  const banner = await waitFor(proc, output, /Client ID: .+\n/);
  const url = /listening on (http:\/\/127\.0\.0\.1:\d+)/.exec(banner)?.[1];
  expect(url).toBeDefined();
  expect(banner).toContain('Email:     demo@example.com');
  expect(banner).toContain('Password:  demo-password');
  expect(banner).toContain('Client ID: demo-client');

  const res = await fetch(`${url}/api/oauth/token/`, {
    method: 'POST',
    body: 'grant_type=password&client_id=demo-client&username=demo@example.com&password=demo-password',
    headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
  });
  expect(res.status).toBe(200);
  await waitFor(proc, output, /POST \/api\/oauth\/token\/ → 200/);
  // Tokens never reach the terminal.
  const { access_token } = (await res.json()) as { access_token: string };
  expect(output.text).not.toContain(access_token);

  const exited = new Promise<number | null>((resolve) => proc.once('exit', resolve));
  proc.kill('SIGTERM');
  expect(await exited).toBe(0);
}, 20_000);
