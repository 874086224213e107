/**
 * Reading request bodies and turning body + query into one field map.
 * The real API accepts JSON and form bodies on the token endpoint, and the Python client sends
 * call fields in the query string (integrate-api.md §2.1, §5.1), so every endpoint reads all three.
 */
import type { IncomingMessage } from 'node:http';

/** Far above anything the API takes; stops a runaway test from eating memory. */
export const MAX_BODY_BYTES = 1_000_000;

export class BodyTooLargeError extends Error {}

export async function readBody(req: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    const buf = chunk as Buffer;
    size += buf.length;
    if (size > MAX_BODY_BYTES) throw new BodyTooLargeError(`Body over ${MAX_BODY_BYTES} bytes`);
    chunks.push(buf);
  }
  return Buffer.concat(chunks).toString('utf8');
}

export type ParsedFields =
  | { ok: true; fields: Record<string, unknown> }
  | { ok: false; fields: Record<string, unknown>; message: string };

type Encoding = 'json' | 'form';

/**
 * Which encoding a body is in. Trust Content-Type when it names one; otherwise sniff, because
 * clients that post without a Content-Type (or with text/plain) still mean one of the two.
 */
function encodingOf(raw: string, contentType: string | undefined): Encoding {
  const type = (contentType ?? '').toLowerCase();
  if (type.includes('json')) return 'json';
  if (type.includes('application/x-www-form-urlencoded')) return 'form';
  return raw.trimStart().startsWith('{') ? 'json' : 'form';
}

/** Body fields win over query fields: "JSON body, then form body, then query" (§10.4). */
export function parseFields(
  raw: string,
  contentType: string | undefined,
  query: Record<string, string>,
): ParsedFields {
  const base: Record<string, unknown> = { ...query };
  if (raw.trim() === '') return { ok: true, fields: base };

  if (encodingOf(raw, contentType) === 'form') {
    return { ok: true, fields: { ...base, ...Object.fromEntries(new URLSearchParams(raw)) } };
  }
  let parsed: unknown;
  try {
    parsed = JSON.parse(raw);
  } catch {
    return { ok: false, fields: base, message: 'The request body is not valid JSON.' };
  }
  if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) {
    return { ok: false, fields: base, message: 'The request body must be a JSON object.' };
  }
  return { ok: true, fields: { ...base, ...(parsed as Record<string, unknown>) } };
}

/** Query string as a flat map; a repeated key keeps its last value. */
export function queryOf(url: URL): Record<string, string> {
  return Object.fromEntries(url.searchParams);
}
