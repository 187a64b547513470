/** The Active sessions page: every word it shows. English in its own entry point; translate through `LogoutLensIntl`. */
export interface SessionsWords {
  // Filled in with the part's words.
}
