/** The debug drawer and its launcher: every word it shows. English in its own entry point; translate through `LogoutLensIntl`. */
export interface DrawerWords {
  // Filled in with the part's words.
}
