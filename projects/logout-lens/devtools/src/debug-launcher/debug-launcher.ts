import { ChangeDetectionStrategy, Component, inject } from '@angular/core';
import { MatDialog, MatDialogRef } from '@angular/material/dialog';
import { MatIconModule } from '@angular/material/icon';

import { LOGOUT_LENS_CONFIG, LogoutLensIntl, intlWords, loadLogoutLensKit } from '@logout-lens/angular';
import { ENGLISH_DRAWER_WORDS } from '../debug-drawer/drawer-words.en';

/**
 * Opens and closes the debug drawer: the 🔍 button at the bottom right (shown in development by
 * default), and Ctrl+Shift+D anywhere (which `withDevtools()` listens for).
 */
@Component({
  selector: 'll-debug-launcher',
  imports: [MatIconModule],
  template: `
    @if (showButton) {
      <button
        type="button"
        class="debug-button"
        (click)="toggle()"
        [attr.aria-label]="words().launcherLabel"
        [title]="words().launcherTooltip"
      >
        <mat-icon aria-hidden="true">search</mat-icon>
      </button>
    }
  `,
  host: { '[class.reserve-space]': 'showButton' },
  styles: `
    /* On a narrow screen the page ends with room for the button (and a snack bar under it), so
       scrolled to its end nothing is hidden. */
    @media (max-width: 599.98px) {
      :host(.reserve-space) { display: block; height: 80px; }
      :host-context(body:has(.mat-mdc-snack-bar-container)):host(.reserve-space) { height: 184px; }
    }
    /* Like a Material FAB, the button moves up above an open snack bar. */
    :host-context(body:has(.mat-mdc-snack-bar-container)) .debug-button { bottom: 120px; }
    .debug-button {
      position: fixed;
      right: 16px;
      bottom: 16px;
      z-index: 1100;
      transition: bottom 150ms ease-out;
      width: 48px;
      height: 48px;
      border-radius: 50%;
      border: 1px solid var(--mat-sys-outline-variant);
      background: var(--mat-sys-surface-container-highest);
      box-shadow: var(--mat-sys-level2);
      display: grid;
      place-items: center;
      color: var(--mat-sys-primary);
      cursor: pointer;
    }
    .debug-button:focus-visible { outline: 3px solid var(--mat-sys-primary); outline-offset: 2px; }
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class DebugLauncher {
  private readonly dialog = inject(MatDialog);
  private readonly intl = inject(LogoutLensIntl);
  /** The launcher's words (and the drawer dialog's name): the app's where it set them, English for the rest. */
  protected readonly words = intlWords(this.intl, (i) => i.drawer, ENGLISH_DRAWER_WORDS);
  protected readonly showButton = inject(LOGOUT_LENS_CONFIG).showDebugButton;
  private drawer: MatDialogRef<unknown> | null = null;
  private opening = false;

  async toggle(): Promise<void> {
    if (this.drawer) {
      this.drawer.close();
      return;
    }
    if (this.opening) return;
    this.opening = true;
    try {
      const [{ DebugDrawer }, kit] = await Promise.all([import('../debug-drawer/debug-drawer'), loadLogoutLensKit()]);
      this.drawer = this.dialog.open(DebugDrawer, {
        data: kit,
        position: { right: '0', top: '0' },
        height: '100%',
        width: '520px',
        maxWidth: '100vw',
        panelClass: 'debug-drawer-panel',
        ariaLabel: this.words().dialogLabel,
        autoFocus: 'first-heading',
        restoreFocus: true,
      });
      this.drawer.afterClosed().subscribe(() => (this.drawer = null));
    } finally {
      this.opening = false;
    }
  }
}
