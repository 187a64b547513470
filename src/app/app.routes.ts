import { Routes } from '@angular/router';

import { signedInGuard, signedOutGuard } from '@logout-lens/angular';
import { loadChangePasswordPage, loadSessionsPage } from '@logout-lens/angular/material';

export const routes: Routes = [
  {
    path: 'signin',
    title: 'Sign in · Logout Lens',
    canActivate: [signedOutGuard],
    loadComponent: () => import('./signin/signin-page').then((m) => m.SignInPage),
  },
  {
    path: '',
    pathMatch: 'full',
    title: 'Home · Logout Lens',
    canActivate: [signedInGuard],
    loadComponent: () => import('./home/home-page').then((m) => m.HomePage),
  },
  {
    path: 'account/sessions',
    title: 'Active sessions · Logout Lens',
    canActivate: [signedInGuard],
    loadComponent: loadSessionsPage,
  },
  {
    path: 'account/password',
    title: 'Change password · Logout Lens',
    canActivate: [signedInGuard],
    loadComponent: loadChangePasswordPage,
  },
  { path: '**', redirectTo: '' },
];
