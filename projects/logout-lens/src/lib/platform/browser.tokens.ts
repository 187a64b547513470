import { InjectionToken } from '@angular/core';

/** The browser window, or null where there is none (server rendering, some tests). */
export const WINDOW = new InjectionToken<Window | null>(
  typeof ngDevMode !== 'undefined' && ngDevMode ? 'WINDOW' : '',
  {
    providedIn: 'root',
    factory: () => (typeof window === 'undefined' ? null : window),
  },
);

/** Wall-clock time in epoch milliseconds. Replaced in tests to move time deterministically. */
export const CLOCK = new InjectionToken<() => number>(
  typeof ngDevMode !== 'undefined' && ngDevMode ? 'CLOCK' : '',
  {
    providedIn: 'root',
    factory: () => () => Date.now(),
  },
);

/** localStorage, or null when the browser refuses it (privacy modes, sandboxed frames). */
export const LOCAL_STORAGE = new InjectionToken<Storage | null>(
  typeof ngDevMode !== 'undefined' && ngDevMode ? 'LOCAL_STORAGE' : '',
  {
    providedIn: 'root',
    factory: () => probeStorage(() => window.localStorage),
  },
);

/** sessionStorage, or null when the browser refuses it. */
export const SESSION_STORAGE = new InjectionToken<Storage | null>(
  typeof ngDevMode !== 'undefined' && ngDevMode ? 'SESSION_STORAGE' : '',
  {
    providedIn: 'root',
    factory: () => probeStorage(() => window.sessionStorage),
  },
);

/** Returns the storage when it can be read and written; access itself may throw in some browsers. */
export function probeStorage(get: () => Storage): Storage | null {
  try {
    const storage = get();
    const probe = '__logout_lens_probe__';
    storage.setItem(probe, '1');
    storage.removeItem(probe);
    return storage;
  } catch {
    return null;
  }
}

/** Opens a BroadcastChannel, or returns null where the browser has none. */
export const BROADCAST_CHANNEL_FACTORY = new InjectionToken<(name: string) => BroadcastChannel | null>(
  typeof ngDevMode !== 'undefined' && ngDevMode ? 'BROADCAST_CHANNEL_FACTORY' : '',
  {
    providedIn: 'root',
    factory: () => (name: string) =>
      typeof BroadcastChannel === 'function' ? new BroadcastChannel(name) : null,
  },
);

/** The Web Locks API, or null where the browser has none. */
export const LOCK_MANAGER = new InjectionToken<LockManager | null>(
  typeof ngDevMode !== 'undefined' && ngDevMode ? 'LOCK_MANAGER' : '',
  {
    providedIn: 'root',
    factory: () => (typeof navigator !== 'undefined' && navigator.locks ? navigator.locks : null),
  },
);
