import { ActiveSession } from './sessions-api';

/**
 * The order the sessions page lists sessions in: this browser's first, then the others by last
 * activity, newest first. A session whose last use cannot be read goes last; ties keep the server's order.
 */
export function pinCurrentFirst(sessions: readonly ActiveSession[]): ActiveSession[] {
  return [...sessions].sort(
    (a, b) => Number(b.current) - Number(a.current) || lastUsed(b) - lastUsed(a),
  );
}

function lastUsed(session: ActiveSession): number {
  const at = Date.parse(session.last_used_at);
  return Number.isNaN(at) ? Number.NEGATIVE_INFINITY : at;
}
