import { APIRequestContext, Page, Response, expect, test as base } from '@playwright/test';

export const BACKEND = `http://127.0.0.1:${process.env['E2E_BACKEND_PORT'] ?? '8100'}`;
export const DEMO_USER = { email: 'demo@example.com', password: 'demo-pass-2026', name: 'Dana Demo' };
export const STAFF_USER = { email: 'support@example.com', password: 'support-pass-2026' };

/** A logout event as the audit trail lists it. */
export interface AuditEvent {
  type: string;
  source: 'client' | 'server';
  verified: boolean;
  device_id: string;
  session_id: string | null;
  idle_seconds: number | null;
  details: Record<string, unknown>;
}

/** Server lifetimes in seconds, as the backend's test hooks accept them. */
export interface Lifetimes {
  access_token_lifetime?: number;
  refresh_token_lifetime?: number;
  refresh_token_lifetime_remember_me?: number;
  refresh_grace_seconds?: number;
  /** How long the same client may retry a refresh whose answer it lost (0: never, as before). */
  refresh_recovery_seconds?: number;
}

/** The backend's test hooks: lifetimes and a server clock that tests move instead of waiting. */
export class Backend {
  constructor(readonly api: APIRequestContext) {}

  async reset(): Promise<void> {
    expect((await this.api.post('/v1/test/reset/')).status()).toBe(200);
  }

  async setLifetimes(lifetimes: Lifetimes): Promise<void> {
    expect((await this.api.post('/v1/test/config/', { data: lifetimes })).status()).toBe(200);
  }

  /** Moves the server's clock forward (token expiry is judged by it). */
  async advanceClock(seconds: number): Promise<void> {
    const response = await this.api.post('/v1/test/clock/', { data: { advance_seconds: seconds } });
    expect(response.status()).toBe(200);
  }

  /** Deactivates or reactivates an account, as an administrator would (reset reactivates). */
  async setUserActive(email: string, isActive: boolean): Promise<void> {
    const response = await this.api.post('/v1/test/user-active/', { data: { email, is_active: isActive } });
    expect(response.status()).toBe(200);
  }

  /** Signs in over the API (as another device would) and returns the access token. */
  async accessTokenFor(user: { email: string; password: string }): Promise<string> {
    const response = await this.api.post('/v1/auth/login/', {
      data: { email: user.email, password: user.password, remember_me: false, device_id: 'e2e-api-client' },
    });
    expect(response.status()).toBe(200);
    return (await response.json()).access as string;
  }

  /** The audit trail as support staff see it, filtered. */
  async auditEvents(filters: Record<string, string>): Promise<AuditEvent[]> {
    const token = await this.accessTokenFor(STAFF_USER);
    const response = await this.api.get('/v1/auth/logout-events/', {
      params: filters,
      headers: { Authorization: `Bearer ${token}` },
    });
    expect(response.status()).toBe(200);
    return (await response.json()).results as AuditEvent[];
  }

  /** Presents a refresh cookie value directly, as a stolen or stale cookie would be. */
  refreshWith(cookieValue: string): Promise<Response | import('@playwright/test').APIResponse> {
    return this.api.post('/v1/auth/refresh/', {
      headers: { Cookie: `ll_refresh=${cookieValue}`, 'X-Requested-With': 'XMLHttpRequest' },
    });
  }
}

/** The demo's "Try the API" buttons whose failures must leave the user signed in, with their statuses. */
export const FAILURES_THAT_KEEP_THE_SESSION = [
  ['Forbidden 403', 403],
  ['Payment required 402', 402],
  ['Server error 500', 500],
  ['Bad gateway 502', 502],
  ['Unavailable 503', 503],
] as const;

/** Counts the refresh requests a page sends. */
export function countRefreshes(page: Page): { readonly count: number } {
  const counter = { count: 0 };
  page.on('request', (request) => {
    if (request.url().endsWith('/v1/auth/refresh/') && request.method() === 'POST') counter.count++;
  });
  return counter;
}

/** Runtime configuration the app reads before it boots (see RUNTIME_CONFIG_GLOBAL). */
export async function configure(page: Page, config: Record<string, unknown>): Promise<void> {
  await page.addInitScript((c) => {
    (window as unknown as Record<string, unknown>)['__LOGOUT_LENS_CONFIG__'] = c;
  }, config);
}

/** This browser's device id, from `auth-storage`. */
export async function deviceId(page: Page): Promise<string> {
  return page.evaluate(() => JSON.parse(localStorage.getItem('auth-storage') ?? '{}').device_id);
}

/** The signed-in session's id, from `auth-storage`. */
export async function sessionId(page: Page): Promise<string> {
  return page.evaluate(() => JSON.parse(localStorage.getItem('auth-storage') ?? '{}').session_id);
}

/** The value of the browser's HttpOnly refresh cookie, as a thief who copied it would hold it. */
export async function refreshCookie(page: Page): Promise<string> {
  const cookie = (await page.context().cookies()).find((c) => c.name === 'll_refresh');
  expect(cookie?.value).toBeTruthy();
  return cookie!.value;
}

/** Signs in through the form, as a person would. Returns the login response. */
export async function signIn(page: Page, options: { rememberMe: boolean }): Promise<Response> {
  await page.goto('/signin');
  await page.getByLabel('Email').fill(DEMO_USER.email);
  await page.getByLabel('Password', { exact: true }).fill(DEMO_USER.password);
  // The label states the server's policy ("Remember me for 20 days"; tests may shrink it).
  if (options.rememberMe) await page.getByLabel(/^Remember me for /).check();
  const login = page.waitForResponse((r) => r.url().endsWith('/v1/auth/login/'));
  await page.getByRole('button', { name: 'Sign in' }).click();
  const response = await login;
  await expect(page.getByRole('heading', { name: `Welcome, ${DEMO_USER.name}` })).toBeVisible();
  return response;
}

/** Clicks a "Try the API" button and returns the outcome line of that call. */
export async function tryApi(page: Page, label: string): Promise<string> {
  const outcome = page.getByTestId('demo-outcome');
  const previous = (await outcome.count()) ? Number(await outcome.getAttribute('data-call')) : 0;
  await page.getByRole('button', { name: label, exact: true }).click();
  await expect(outcome).toHaveAttribute('data-call', String(previous + 1), { timeout: 20_000 });
  return (await outcome.textContent()) ?? '';
}

export const test = base.extend<{ backend: Backend }>({
  backend: async ({ playwright }, use) => {
    const api = await playwright.request.newContext({ baseURL: BACKEND });
    const backend = new Backend(api);
    await backend.reset();
    await use(backend);
    await backend.reset();
    await api.dispose();
  },
});

export { expect };
