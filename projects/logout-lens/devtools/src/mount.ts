import { ApplicationRef, EnvironmentInjector, createComponent } from '@angular/core';

import { MountedDevtools } from '@logout-lens/angular';
import { DebugLauncher } from './debug-launcher/debug-launcher';

/** Puts the 🔍 launcher at the end of the page; `withDevtools()` calls it once the entry is loaded. */
export function ɵmountDevtools(injector: EnvironmentInjector): MountedDevtools {
  const appRef = injector.get(ApplicationRef);
  const launcher = createComponent(DebugLauncher, { environmentInjector: injector });
  appRef.attachView(launcher.hostView);
  document.body.appendChild(launcher.location.nativeElement);
  return { toggle: () => void launcher.instance.toggle() };
}
