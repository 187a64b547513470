import { ChangeDetectionStrategy, Component } from '@angular/core';
import { RouterOutlet } from '@angular/router';

import { DebugLauncher } from './debug-launcher/debug-launcher';
import { RestoringSession } from './shell/restoring-session';
import { RouteHeadingFocus } from './shell/route-heading-focus';

/**
 * The application shell. It renders at once: while a reload restores the session the guards hold
 * the first page back, and the restoring screen stands in for it.
 */
@Component({
  selector: 'app-root',
  imports: [RouterOutlet, DebugLauncher, RestoringSession, RouteHeadingFocus],
  template: `<app-restoring-session /><router-outlet appRouteHeadingFocus /><app-debug-launcher />`,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class App {}
