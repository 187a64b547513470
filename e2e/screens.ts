import { Page, expect } from '@playwright/test';

import { LOGOUT_TYPES } from '../projects/logout-lens/src/lib/model/logout-type';
import { Backend, DEMO_USER, signIn, tryApi } from './fixtures';

/**
 * Every screen a person can meet, each brought to its state as a person would (or, for the banner
 * of each sign-out type, with the record the app itself writes before its redirect). The page's
 * clock is installed (page.clock) before `open` runs.
 */
export interface Screen {
  name: string;
  open(page: Page, backend: Backend): Promise<void>;
}


/** The record the app leaves in sessionStorage for the sign-in page's banner. */
export function bannerRecord(type: string): Record<string, unknown> {
  return {
    id: `rec-${type}`,
    type,
    message: 'The session ended.',
    code: type === 'TOKEN_EXPIRED' ? 'refresh_expired' : null,
    occurred_at: new Date(Date.now() - 60_000).toISOString(),
    idle_seconds: 42,
    route: '/',
    tab_id: 'tab12345',
    session_id: '6f1c9d7e-2f7c-4a39-9e6b-0d7c1b2a3f4e',
    device_id: 'device-1234',
    user_id: '1',
    remember_me: true,
    access_expires_at: new Date(Date.now() - 120_000).toISOString(),
    refresh_expires_at: new Date(Date.now() + 86_400_000).toISOString(),
    last_refresh: { outcome: 'failed', at: new Date(Date.now() - 60_000).toISOString(), reason: 'refresh_expired' },
    api_failures: [
      { method: 'GET', path: '/v1/demo/data/', status: 401, at: new Date(Date.now() - 61_000).toISOString() },
    ],
    from_other_tab: false,
    reuse_verdict: type === 'TOKEN_REUSE_DETECTED' ? 'likely_theft' : null,
  };
}

export async function bannerFor(page: Page, type: string, expanded: boolean): Promise<void> {
  await page.goto('/signin');
  await page.evaluate((r) => sessionStorage.setItem('last_logout_reason', JSON.stringify(r)), bannerRecord(type));
  await page.reload();
  await expect(page.getByRole('region', { name: 'Why you were signed out' })).toBeVisible();
  if (expanded) {
    await page.getByRole('button', { name: 'Details' }).click();
    await expect(page.getByTestId('banner-diagnosis')).toBeVisible();
  }
}

/** Waits for Material's animations to finish, so a scan or a box sees the settled page. */
export async function settle(page: Page): Promise<void> {
  await page.evaluate(
    () =>
      new Promise<void>((resolve) => {
        // Not on a timer or an animation frame: the page's clock may be paused.
        const animations = document.getAnimations();
        void Promise.all(animations.map((a) => a.finished.catch(() => undefined))).then(() => resolve());
      }),
  );
}

export const SCREENS: Screen[] = [
  {
    name: 'sign-in',
    open: async (page) => {
      await page.goto('/signin');
      await expect(page.getByRole('button', { name: 'Sign in' })).toBeVisible();
    },
  },
  {
    name: 'sign-in, field errors',
    open: async (page) => {
      await page.goto('/signin');
      await page.getByLabel('Email').fill('not-an-email');
      await page.getByRole('button', { name: 'Sign in' }).click();
      await expect(page.getByText('Enter a valid email address')).toBeVisible();
    },
  },
  {
    name: 'sign-in, wrong password',
    open: async (page) => {
      await page.goto('/signin');
      await page.getByLabel('Email').fill(DEMO_USER.email);
      await page.getByLabel('Password', { exact: true }).fill('not-the-password');
      await page.getByRole('button', { name: 'Sign in' }).click();
      await expect(page.getByText('Email or password is wrong')).toBeVisible();
    },
  },
  // Every built-in type, and one of the demo's own (withLogoutReasons).
  ...[...LOGOUT_TYPES, 'LICENSE_EXPIRED'].map((type) => ({
    name: `sign-in, ${type} banner`,
    open: (page: Page) => bannerFor(page, type, false),
  })),
  ...(['TOKEN_EXPIRED', 'TOKEN_REUSE_DETECTED'] as const).map((type) => ({
    name: `sign-in, ${type} banner, details open`,
    open: (page: Page) => bannerFor(page, type, true),
  })),
  {
    name: 'home',
    open: async (page) => {
      await signIn(page, { rememberMe: true });
    },
  },
  ...['Load data 200', 'Forbidden 403', 'Payment required 402', 'Server error 500', 'Network cut offline'].map((label) => ({
    name: `home, outcome of ${label}`,
    open: async (page: Page) => {
      await signIn(page, { rememberMe: true });
      await tryApi(page, label);
    },
  })),
  {
    // The failed call's notice ("… You are still signed in") must not outlive the session: the
    // sign-in page shows the banner alone, and 🔍 has its usual place, clear of the Sign in button.
    name: 'sign-in, right after a failed call',
    open: async (page) => {
      await signIn(page, { rememberMe: true });
      await tryApi(page, 'Server error 500');
      await expect(page.locator('.mat-mdc-snack-bar-container')).toContainText('You are still signed in');
      await page.getByRole('button', { name: /Dana Demo/ }).click();
      await page.getByRole('menuitem', { name: 'Sign out' }).click();
      await expect(page.getByRole('region', { name: 'Why you were signed out' })).toBeVisible();
      await expect(page.locator('.mat-mdc-snack-bar-container')).toHaveCount(0);
    },
  },
  {
    name: 'home, account menu open',
    open: async (page) => {
      await signIn(page, { rememberMe: true });
      await page.getByRole('button', { name: /Dana Demo/ }).click();
      await expect(page.getByRole('menu')).toBeVisible();
    },
  },
  {
    name: 'sign-out dialog',
    open: async (page, backend) => {
      await signIn(page, { rememberMe: false });
      // Another device of the same user ends every other session: this one.
      const token = await backend.accessTokenFor(DEMO_USER);
      const answer = await backend.api.delete('/v1/auth/sessions/?others=1', {
        headers: { Authorization: `Bearer ${token}` },
      });
      expect(answer.status()).toBe(204);
      await backend.advanceClock(3601);
      await page.getByRole('button', { name: 'Load data 200', exact: true }).click();
      await expect(page.getByRole('dialog')).toBeVisible();
    },
  },
  {
    name: 'debug drawer',
    open: async (page) => {
      await signIn(page, { rememberMe: true });
      await tryApi(page, 'Server error 500');
      await page.keyboard.press('Control+Shift+D');
      await expect(page.getByRole('dialog', { name: 'Debug panel' })).toBeVisible();
    },
  },
  {
    name: 'debug drawer, with history',
    open: async (page) => {
      // Two sign-outs in the history: one chosen, one of a long type name.
      await page.goto('/signin');
      await page.evaluate(
        (records) => localStorage.setItem('logout_history', JSON.stringify(records)),
        [bannerRecord('USER_INITIATED'), bannerRecord('TOKEN_REUSE_DETECTED')],
      );
      await signIn(page, { rememberMe: true });
      await page.keyboard.press('Control+Shift+D');
      const drawer = page.getByRole('dialog', { name: 'Debug panel' });
      await expect(drawer.getByText('TOKEN_REUSE_DETECTED').first()).toBeAttached();
      await drawer.getByRole('region', { name: 'Debug details' }).evaluate((el) => (el.scrollTop = el.scrollHeight));
    },
  },
  {
    name: 'active sessions',
    open: async (page, backend) => {
      await backend.accessTokenFor(DEMO_USER);
      await backend.accessTokenFor(DEMO_USER);
      await signIn(page, { rememberMe: true });
      await page.goto('/account/sessions');
      await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
      await expect(page.getByText('This device')).toBeVisible();
    },
  },
  {
    name: 'change password',
    open: async (page) => {
      await signIn(page, { rememberMe: true });
      await page.goto('/account/password');
      await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
    },
  },
  {
    name: 'change password, errors',
    open: async (page) => {
      await signIn(page, { rememberMe: true });
      await page.goto('/account/password');
      await page.getByLabel('Current password', { exact: true }).fill(DEMO_USER.password);
      await page.getByLabel('New password', { exact: true }).fill('short');
      await page.getByLabel('Confirm new password', { exact: true }).fill('other');
      await page.getByRole('button', { name: 'Change password' }).click();
      await expect(page.locator('mat-error').first()).toBeVisible();
    },
  },
  {
    name: 'restoring the session',
    open: async (page) => {
      await signIn(page, { rememberMe: true });
      // The refresh that restores the session gets no answer while the screen is looked at.
      await page.route('**/v1/auth/refresh/', () => {});
      await page.reload();
      await expect(page.getByText('Restoring your session…')).toBeVisible();
    },
  },
  {
    name: 'restoring the session, server unreachable',
    open: async (page) => {
      await signIn(page, { rememberMe: true });
      await page.route('**/v1/auth/refresh/', (route) => route.fulfill({ status: 503, body: '' }));
      await page.reload();
      await expect(page.getByText('Restoring your session…')).toBeVisible();
      await page.clock.runFor(3500);
      await expect(page.getByRole('button', { name: 'Retry' })).toBeVisible();
    },
  },
];
