import { Injectable, inject } from '@angular/core';

import { LOGOUT_LENS_CONFIG } from '../config/logout-lens.config';
import { LogoutLensIntl } from '../intl/logout-lens-intl';
import { ENGLISH_LOGOUT_REASONS } from '../intl/logout-reasons.en';
import { LogoutPresentation } from '../model/logout-presentation';
import { LogoutType, isBuiltInLogoutType } from '../model/logout-type';
import { LOGOUT_REASONS, LogoutReason } from './logout-messages';

/** Puts a sign-out of any type into words: the app's own reasons first, then the built-in ones. */
@Injectable({ providedIn: 'root' })
export class LogoutPresenter {
  private readonly config = inject(LOGOUT_LENS_CONFIG);
  private readonly intl = inject(LogoutLensIntl);
  private readonly appReasons: Record<string, LogoutReason> = Object.assign(
    {},
    ...(inject(LOGOUT_REASONS, { optional: true }) ?? []),
  );

  present(type: LogoutType): LogoutPresentation {
    const presentation =
      this.appReasons[type] ??
      (isBuiltInLogoutType(type)
        ? (this.intl.reasons[type] ?? ENGLISH_LOGOUT_REASONS[type])
        : { ...(this.intl.reasons.UNKNOWN ?? ENGLISH_LOGOUT_REASONS.UNKNOWN), sentence: this.intl.unknownReason(type) });
    return presentLogout(presentation, this.config);
  }
}

/** Fills `{app}` and `{contact}` in with the configured `appName` and `supportContact`. */
export function presentLogout(
  presentation: LogoutPresentation,
  config: { supportContact: string; appName: string },
): LogoutPresentation {
  const fill = (text: string) => text.replaceAll('{contact}', config.supportContact).replaceAll('{app}', config.appName);
  return {
    ...presentation,
    title: fill(presentation.title),
    sentence: fill(presentation.sentence),
    ...(presentation.nextStep ? { nextStep: fill(presentation.nextStep) } : {}),
  };
}
