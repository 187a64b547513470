/** Where the user stands against the idle limit. */
export type IdlePhase = 'active' | 'warning' | 'expired';

/** The phase for `idleMs` of inactivity, given the limit and how early the warning comes. */
export function idlePhase(idleMs: number, limitMs: number, warningMs: number): IdlePhase {
  if (idleMs >= limitMs) return 'expired';
  return idleMs >= limitMs - warningMs ? 'warning' : 'active';
}
