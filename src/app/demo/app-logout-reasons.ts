import { LogoutReason } from '@logout-lens/angular';

/** The demo app's own reasons a session ends (the backend lists them in APP_LOGOUT_TYPES). */
export const APP_LOGOUT_REASONS: Record<string, LogoutReason> = {
  LICENSE_EXPIRED: {
    icon: 'workspace_premium',
    tone: 'warning',
    title: "Your organisation's licence has expired",
    sentence: 'The licence for {app} ran out, so you were signed out. Your administrator can renew it.',
  },
  TENANT_SWITCHED: {
    icon: 'swap_horiz',
    tone: 'neutral',
    title: 'You switched organisation',
    sentence: 'You chose another organisation, so you were signed out of this one. Sign in to continue there.',
  },
};
