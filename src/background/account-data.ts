import type { CallerId, Device } from '../shared/messages';

/**
 * Parsers for the optional account endpoints (reference/integrate-api.md §6–§8).
 * Shapes are partly undocumented, so every field is checked and junk is skipped.
 */
const str = (value: unknown): string | undefined =>
  typeof value === 'string' && value.trim() !== '' ? value.trim() : undefined;

const records = (body: unknown): Record<string, unknown>[] => {
  const list = Array.isArray(body)
    ? body
    : Array.isArray((body as { results?: unknown } | null)?.results)
      ? (body as { results: unknown[] }).results
      : [];
  return list.filter((x): x is Record<string, unknown> => typeof x === 'object' && x !== null);
};

export function parseDevices(body: unknown): Device[] {
  return records(body).flatMap((d) => {
    const aor = str(d.aor);
    if (!aor) return [];
    const user = str(d.aor_user) ?? aor.replace(/^sips?:/, '').split('@')[0] ?? aor;
    const model = str(d.model);
    return [{ aor, user, ...(model ? { model } : {}) }];
  });
}

/** An array of strings, or of objects with `e164` / `number` / `phone_number` (§8). */
export function parseCallerIds(body: unknown): CallerId[] {
  const list = Array.isArray(body) ? body : records(body);
  const seen = new Set<string>();
  return list.flatMap((item): CallerId[] => {
    const record =
      typeof item === 'object' && item !== null ? (item as Record<string, unknown>) : {};
    const e164 = str(item) ?? str(record.e164) ?? str(record.number) ?? str(record.phone_number);
    if (!e164 || seen.has(e164)) return [];
    seen.add(e164);
    const description = str(record.description);
    return [{ e164, ...(description ? { description } : {}) }];
  });
}

export function parseUser(
  body: unknown,
): { name: string; extension: string; domain: string } | null {
  if (typeof body !== 'object' || body === null) return null;
  const u = body as Record<string, unknown>;
  const extension = str(u.user);
  if (!extension) return null;
  const name = [str(u.first_name), str(u.last_name)].filter(Boolean).join(' ');
  return { name, extension, domain: str(u.domain) ?? '' };
}
