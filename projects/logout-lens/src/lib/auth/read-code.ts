/** Reads a machine-readable `code` from an error body, whatever its shape. */
export function readCode(body: unknown): string | null {
  if (body && typeof body === 'object' && typeof (body as { code?: unknown }).code === 'string') {
    return (body as { code: string }).code;
  }
  return null;
}
