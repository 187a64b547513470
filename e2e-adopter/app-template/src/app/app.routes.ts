import { Routes } from '@angular/router';
import { signedInGuard, signedOutGuard } from '@logout-lens/angular';

import { HomePage } from './home';
import { SignInPage } from './signin';

export const routes: Routes = [
  { path: 'signin', title: 'Sign in', canActivate: [signedOutGuard], component: SignInPage },
  { path: '', pathMatch: 'full', title: 'Home', canActivate: [signedInGuard], component: HomePage },
  { path: '**', redirectTo: '' },
];
