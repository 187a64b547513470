const SECRET_KEYS = /^(password|current_password|new_password|access|refresh|token|authorization|cookie)$/i;

/** A deep copy of `value` with every secret-looking field replaced, for anything that leaves memory. */
export function redactSecrets<T>(value: T, depth = 0): T {
  if (depth > 8 || value === null || typeof value !== 'object') return value;
  if (Array.isArray(value)) return value.map((item) => redactSecrets(item, depth + 1)) as T;
  const copy: Record<string, unknown> = {};
  for (const [key, item] of Object.entries(value as Record<string, unknown>)) {
    // Secrets are strings; an object under such a key (a token's status) is walked instead.
    copy[key] = SECRET_KEYS.test(key) && typeof item === 'string' ? '[redacted]' : redactSecrets(item, depth + 1);
  }
  return copy as T;
}

const JWT = /eyJ[\w-]{5,}\.[\w-]{5,}\.[\w-]*/g;
const BEARER = /Bearer\s+[\w.~+/-]+=*/gi;

/** Text with anything shaped like a JWT or a bearer credential replaced. */
export function redactText(text: string): string {
  return text.replace(JWT, '[redacted-jwt]').replace(BEARER, 'Bearer [redacted]');
}
