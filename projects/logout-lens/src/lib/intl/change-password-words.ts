/** The change-password form: every word it shows. English in its own entry point; translate through `LogoutLensIntl`. */
export interface ChangePasswordWords {
  // Filled in with the part's words.
}
