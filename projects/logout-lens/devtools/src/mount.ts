import { DOCUMENT } from '@angular/common';
import { ApplicationRef, EnvironmentInjector, createComponent } from '@angular/core';

import { MountedDevtools } from '@logout-lens/angular';
import { DebugLauncher } from './debug-launcher/debug-launcher';

/** Puts the 🔍 launcher at the end of the page; `withDevtools()` calls it once the entry is loaded. */
export function ɵmountDevtools(injector: EnvironmentInjector): MountedDevtools {
  const launcher = createComponent(DebugLauncher, { environmentInjector: injector });
  injector.get(ApplicationRef).attachView(launcher.hostView);
  injector.get(DOCUMENT).body.appendChild(launcher.location.nativeElement);
  return { toggle: () => void launcher.instance.toggle() };
}
