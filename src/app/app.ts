import { ChangeDetectionStrategy, Component } from '@angular/core';
import { RouterOutlet } from '@angular/router';

import { RestoringSession } from '@logout-lens/angular/material';
import { RouteHeadingFocus } from './shell/route-heading-focus';

/**
 * The application shell. It renders at once: while a reload restores the session the guards hold
 * the first page back, and the restoring screen stands in for it.
 */
@Component({
  selector: 'app-root',
  imports: [RouterOutlet, RestoringSession, RouteHeadingFocus],
  template: `<ll-restoring-session /><router-outlet appRouteHeadingFocus />`,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class App {}
