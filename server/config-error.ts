/**
 * A configuration the back office cannot start with: server/main.ts prints its message on one line
 * and exits 2, so the message must say what to set, and to what.
 */
export class ConfigError extends Error {
  override name = 'ConfigError';
}
