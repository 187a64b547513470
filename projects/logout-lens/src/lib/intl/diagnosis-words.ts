/** The diagnosis sentences: every word the diagnosis rules write. */
export interface DiagnosisWords {
  // Filled in with the rules' words.
}
