import { ChangeDetectionStrategy, Component, computed, inject } from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import { MatIconModule } from '@angular/material/icon';
import { MatMenuModule } from '@angular/material/menu';
import { MatToolbarModule } from '@angular/material/toolbar';
import { RouterLink } from '@angular/router';
import { Store } from '@ngrx/store';

import { LogoutLensIntl, UserMenuActions, authFeature } from '@logout-lens/angular';
import { AppReasonsPanel } from '../demo/app-reasons-panel';
import { DemoPanel } from '../demo/demo-panel';
import { DEMO_WORDS } from '../demo/demo-words';

/** The signed-in home page: the user, their menu, and the API test bench. */
@Component({
  selector: 'app-home-page',
  imports: [MatButtonModule, MatIconModule, MatMenuModule, MatToolbarModule, RouterLink, DemoPanel, AppReasonsPanel],
  templateUrl: './home-page.html',
  styleUrl: './home-page.scss',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class HomePage {
  private readonly store = inject(Store);
  private readonly intl = inject(LogoutLensIntl);
  protected readonly words = inject(DEMO_WORDS);
  private readonly liveSession = this.store.selectSignal(authFeature.selectSession);
  private readonly lastLogout = this.store.selectSignal(authFeature.selectLastLogout);
  /** The live session, or the one that just ended while the sign-out dialog is up. */
  protected readonly session = computed(
    () => this.liveSession() ?? this.lastLogout()?.session ?? null,
  );
  protected readonly user = computed(() => this.session()?.user ?? null);
  /** The session's lifetime as the server gave it ("20 days"), in the words Logout Lens speaks. */
  protected readonly lifetime = computed(() => {
    const seconds = this.session()?.lifetimeSeconds;
    return seconds ? this.intl.lifetime(seconds) : null;
  });

  protected signOut(): void {
    this.store.dispatch(UserMenuActions.signOutClicked());
  }
}
