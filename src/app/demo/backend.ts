import type { LogoutLensFeature } from '@logout-lens/angular';

/** Which backend the demo signs in against: Logout Lens's own, or a Django project on simplejwt. */
export type DemoBackend = 'logout-lens' | 'simplejwt' | 'stock-simplejwt';

const KEY = 'logout_lens_demo_backend';
const BACKENDS: readonly DemoBackend[] = ['logout-lens', 'simplejwt', 'stock-simplejwt'];

/**
 * The demo's backend: `?backend=simplejwt` (a project mounting `logout_lens.contrib.simplejwt`
 * at `/v1/token/`), `?backend=stock-simplejwt` (stock `TokenObtainPairView` and friends there) or
 * `?backend=logout-lens` chooses it, and this browser keeps the choice. The proxy in front decides
 * which server answers; this only says how to talk to it.
 */
export function demoBackend(win: Window | null = typeof window === 'undefined' ? null : window): DemoBackend {
  if (!win) return 'logout-lens';
  const asked = new URLSearchParams(win.location.search).get('backend');
  const known = (value: string | null): value is DemoBackend => BACKENDS.includes(value as DemoBackend);
  try {
    if (known(asked)) win.localStorage.setItem(KEY, asked);
    const kept = win.localStorage.getItem(KEY);
    return known(kept) ? kept : 'logout-lens';
  } catch {
    return known(asked) ? asked : 'logout-lens';
  }
}

/** How the demo talks to its backend: the configuration's `authPath`, and the backend feature. */
export interface DemoBackendSetup {
  authPath?: string;
  features: LogoutLensFeature[];
}

/** Logout Lens's own backend needs nothing; the simplejwt ones are fetched only when asked for. */
export async function loadBackend(backend: DemoBackend): Promise<DemoBackendSetup> {
  if (backend === 'logout-lens') return { features: [] };
  const { demoBackendSetup } = await import('./backend-setups');
  return demoBackendSetup(backend);
}
