/**
 * Runs the fake API as a standalone server (`npm run fake-api`, and `npm start` for the demo).
 *
 *   tsx test/fake-api/cli.ts [--port N] [--ttl SECONDS] [--rotate-refresh]
 *
 * The port comes from --port, else $PORT, else 8787. Other processes drive it via /__fake/
 * (see control.ts).
 */
import { parseArgs } from 'node:util';
import { type RecordedRequest, startFakeApi } from './server';
import { adminUser, demoUser } from './users';

const DEFAULT_PORT = 8787;

function parsePort(value: string | undefined): number {
  if (value === undefined || value === '') return DEFAULT_PORT;
  const port = Number(value);
  if (!Number.isInteger(port) || port < 0 || port > 65535) {
    throw new Error(`Not a port number: ${value}`);
  }
  return port;
}

/** One line per request; the destination is shown for calls, tokens never are. */
function describe(r: RecordedRequest): string {
  const time = new Date(r.time).toISOString().slice(11, 19);
  const outcome = r.status === 0 ? 'dropped' : String(r.status);
  const to =
    r.path === '/api/calls/' && typeof r.fields.to === 'string' ? ` to=${r.fields.to}` : '';
  return `${time} ${r.method} ${r.path}${to} → ${outcome}`;
}

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      port: { type: 'string' },
      ttl: { type: 'string' },
      'rotate-refresh': { type: 'boolean', default: false },
    },
  });
  const ttl = values.ttl === undefined ? undefined : Number(values.ttl);
  if (ttl !== undefined && !(Number.isInteger(ttl) && ttl >= 0)) {
    throw new Error(`--ttl must be a whole number of seconds, got ${values.ttl}`);
  }
  const api = await startFakeApi({
    port: parsePort(values.port ?? process.env.PORT),
    ...(ttl === undefined ? {} : { accessTokenTtlSeconds: ttl }),
    rotateRefreshToken: values['rotate-refresh'],
    onRequest: (r) => console.log(describe(r)),
  });

  console.log(`Fake net2phone API listening on ${api.url}`);
  console.log('Demo sign-in:');
  console.log(`  Email:     ${demoUser.username}`);
  console.log(`  Password:  ${demoUser.password}`);
  console.log(`  Client ID: ${demoUser.clientId}`);
  console.log(`Admin (company-wide webhooks): ${adminUser.username} / ${adminUser.password}`);
  console.log(`Webhook receiver: ${api.url}/__fake/hook/<secret> (deliveries: /__fake/deliveries)`);
  console.log(`Control: ${api.url}/__fake/log (see test/fake-api/control.ts). Ctrl+C stops.`);

  const stop = () => {
    api.close().then(
      () => process.exit(0),
      () => process.exit(1),
    );
  };
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
}

main().catch((error: unknown) => {
  console.error(`fake-api: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
});
