import { ChangeDetectionStrategy, Component, inject } from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import { MatIconModule } from '@angular/material/icon';
import { MatMenuModule } from '@angular/material/menu';
import { MatToolbarModule } from '@angular/material/toolbar';
import { Store } from '@ngrx/store';

import { UserMenuActions } from '../auth/state/auth.actions';
import { authFeature } from '../auth/state/auth.feature';
import { DemoPanel } from '../demo/demo-panel';

/** The signed-in home page: the user, their menu, and the API test bench. */
@Component({
  selector: 'app-home-page',
  imports: [MatButtonModule, MatIconModule, MatMenuModule, MatToolbarModule, DemoPanel],
  templateUrl: './home-page.html',
  styleUrl: './home-page.scss',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class HomePage {
  private readonly store = inject(Store);
  protected readonly user = this.store.selectSignal(authFeature.selectUser);
  protected readonly session = this.store.selectSignal(authFeature.selectSession);

  protected signOut(): void {
    this.store.dispatch(UserMenuActions.signOutClicked());
  }
}
