import { ChangeDetectorRef, inject } from '@angular/core';
import { takeUntilDestroyed } from '@angular/core/rxjs-interop';

import { LogoutLensIntl } from '@logout-lens/angular';

/** Renders the calling component again when the words change (a language switch). */
export function rerenderOnChanges(intl: LogoutLensIntl): void {
  const cdr = inject(ChangeDetectorRef);
  intl.changes.pipe(takeUntilDestroyed()).subscribe(() => cdr.markForCheck());
}
