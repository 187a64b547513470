import { ApplicationRef, EnvironmentInjector, inject, provideAppInitializer } from '@angular/core';

import { LogoutLensFeature, logoutLensFeature } from '../config/features';
import { LOGOUT_LENS_CONFIG } from '../config/logout-lens.config';
import { WINDOW } from '../platform/browser.tokens';

/** The debug drawer, once loaded and on the page. */
export interface MountedDevtools {
  /** Opens the drawer, or closes it when it is open. */
  toggle(): void;
}

/** What `@logout-lens/angular/devtools` exports for `withDevtools()`. */
export interface LogoutLensDevtoolsEntry {
  ɵmountDevtools(injector: EnvironmentInjector): MountedDevtools;
}

/** Whether a key press is the debug shortcut, Ctrl+Shift+D. */
export function isDebugShortcut(event: KeyboardEvent): boolean {
  return event.ctrlKey && event.shiftKey && !event.altKey && event.code === 'KeyD';
}

/**
 * The support tools: Ctrl+Shift+D (and the 🔍 button when `showDebugButton` is on) opens the
 * debug drawer with the token timeline, the history, the diagnosis and the exportable report.
 * Their code is in `@logout-lens/angular/devtools`, which the app hands over as a lazy import so
 * that none of it is in the initial bundle:
 *
 * ```ts
 * provideLogoutLens(config, withDevtools(() => import('@logout-lens/angular/devtools')))
 * ```
 * It loads once the app is stable when the button is shown, else on the first Ctrl+Shift+D.
 */
export function withDevtools(load: () => Promise<LogoutLensDevtoolsEntry>): LogoutLensFeature<'Devtools'> {
  return logoutLensFeature('Devtools', [
    provideAppInitializer(() => {
      const injector = inject(EnvironmentInjector);
      const win = inject(WINDOW);
      let mounted: Promise<MountedDevtools> | null = null;
      const mount = () => (mounted ??= load().then((entry) => entry.ɵmountDevtools(injector)));
      // A plain listener: key presses cause no change detection unless they are the shortcut.
      win?.document.addEventListener(
        'keydown',
        (event) => {
          if (!isDebugShortcut(event)) return;
          event.preventDefault();
          void mount().then((devtools) => devtools.toggle());
        },
        { capture: true },
      );
      if (inject(LOGOUT_LENS_CONFIG).showDebugButton) {
        void inject(ApplicationRef).whenStable().then(mount);
      }
    }),
  ]);
}
