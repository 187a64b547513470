/** The change-password form: every word it shows. English in its own entry point; translate through `LogoutLensIntl`. */
export interface ChangePasswordWords {
  // The top bar.
  /** The back button's aria-label (an icon button at the start of the top bar). */
  back: string;
  /** The page's heading in the top bar. */
  title: string;

  // The form.
  /** The sentence above the fields: what a change does to the other devices. */
  intro: string;
  /** The first field's label. */
  currentPasswordLabel: string;
  /** The second field's label. */
  newPasswordLabel: string;
  /** The hint under the new password. */
  newPasswordHint: string;
  /** The third field's label. */
  confirmationLabel: string;
  /** What the current password's show/hide button names, in `LogoutLensIntl.showSecret`/`hideSecret`: "Show current password". */
  currentPasswordSecret: string;
  /** What the new password's show/hide button names: "Show new password". */
  newPasswordSecret: string;
  /** What the confirmation's show/hide button names: "Show confirmation". */
  confirmationSecret: string;
  /** The link that leaves the form unchanged. */
  cancel: string;
  /** The submit button. */
  submit: string;
  /** The submit button while the change is under way. */
  submitting: string;

  // Checked before anything is sent (the server's own messages show as it wrote them).
  /** Under the current password, when it is empty. */
  currentPasswordRequired: string;
  /** Under the new password, when it is empty. */
  newPasswordRequired: string;
  /** Under the confirmation, when it is empty. */
  confirmationRequired: string;
  /** Under the confirmation, when it differs from the new password. */
  confirmationMismatch: string;

  // Done.
  /** The heading once the password is changed (it takes the focus). */
  doneTitle: string;
  /** The sentence under it: this device stays signed in, the others are signed out. */
  doneMessage: string;
  /** The button that leaves the page once done. */
  done: string;
}
