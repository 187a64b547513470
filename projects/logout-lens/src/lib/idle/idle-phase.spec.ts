import { idlePhase } from './idle-phase';

describe('idlePhase', () => {
  const limit = 15 * 60_000;
  const warning = 60_000;

  it.each([
    [0, 'active'],
    [limit - warning - 1, 'active'],
    [limit - warning, 'warning'],
    [limit - 1, 'warning'],
    [limit, 'expired'],
    [limit * 10, 'expired'],
  ])('%d ms idle → %s', (idle, phase) => {
    expect(idlePhase(idle, limit, warning)).toBe(phase);
  });
});
