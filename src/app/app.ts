import { ChangeDetectionStrategy, Component } from '@angular/core';
import { RouterOutlet } from '@angular/router';

import { DebugLauncher } from './debug-launcher/debug-launcher';

/** The application shell. */
@Component({
  selector: 'app-root',
  imports: [RouterOutlet, DebugLauncher],
  template: `<router-outlet /><app-debug-launcher />`,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class App {}
