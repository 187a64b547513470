import { LogoutReason } from '@logout-lens/angular';

import { APP_LOGOUT_REASONS } from './app-logout-reasons';

/** The demo's own reasons in German, for its second language. */
export const GERMAN_APP_LOGOUT_REASONS: Record<string, LogoutReason> = {
  LICENSE_EXPIRED: {
    ...APP_LOGOUT_REASONS['LICENSE_EXPIRED']!,
    title: 'Die Lizenz Ihrer Organisation ist abgelaufen',
    sentence: 'Die Lizenz für {app} ist abgelaufen, daher wurden Sie abgemeldet. Ihre Administration kann sie verlängern.',
  },
  TENANT_SWITCHED: {
    ...APP_LOGOUT_REASONS['TENANT_SWITCHED']!,
    title: 'Sie haben die Organisation gewechselt',
    sentence: 'Sie haben eine andere Organisation gewählt und wurden daher von dieser abgemeldet. Melden Sie sich dort an, um fortzufahren.',
  },
};
