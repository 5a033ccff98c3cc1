/** Ids arrive as any string from the kiosk; only a UUID can be one of ours (and PostgreSQL would refuse the cast). */
export function isUuid(value: string): boolean {
  return /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/.test(value);
}
