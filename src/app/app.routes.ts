import { inject } from '@angular/core';
import { ResolveFn, Routes } from '@angular/router';

import { signedInGuard, signedOutGuard } from '@logout-lens/angular';
import { loadChangePasswordPage, loadSessionsPage } from '@logout-lens/angular/material';
import { DEMO_WORDS, DemoWords } from './demo/demo-words';

/** A page's title in the language the demo shows. */
const title =
  (page: keyof DemoWords['titles']): ResolveFn<string> =>
  () =>
    `${inject(DEMO_WORDS).titles[page]} · Logout Lens`;

export const routes: Routes = [
  {
    path: 'signin',
    title: title('signIn'),
    canActivate: [signedOutGuard],
    loadComponent: () => import('./signin/signin-page').then((m) => m.SignInPage),
  },
  {
    path: '',
    pathMatch: 'full',
    title: title('home'),
    canActivate: [signedInGuard],
    loadComponent: () => import('./home/home-page').then((m) => m.HomePage),
  },
  {
    path: 'account/sessions',
    title: title('sessions'),
    canActivate: [signedInGuard],
    loadComponent: loadSessionsPage,
  },
  {
    path: 'account/password',
    title: title('changePassword'),
    canActivate: [signedInGuard],
    loadComponent: loadChangePasswordPage,
  },
  { path: '**', redirectTo: '' },
];
