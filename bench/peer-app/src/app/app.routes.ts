import { Routes } from '@angular/router';

import { signedInGuard, signedOutGuard } from './auth/auth.guards';

export const routes: Routes = [
  {
    path: 'signin',
    title: 'Sign in',
    canActivate: [signedOutGuard],
    loadComponent: () => import('./signin/signin-page').then((m) => m.SignInPage),
  },
  {
    path: '',
    pathMatch: 'full',
    title: 'Home',
    canActivate: [signedInGuard],
    loadComponent: () => import('./home/home-page').then((m) => m.HomePage),
  },
  { path: '**', redirectTo: '' },
];
