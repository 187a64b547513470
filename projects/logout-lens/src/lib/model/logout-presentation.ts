/** How a sign-out is presented to the person it happened to. */
export interface LogoutPresentation {
  icon: string;
  tone: 'neutral' | 'warning' | 'error';
  title: string;
  sentence: string;
  /** For a sign-out the user may not have caused: what to do "if this wasn't you". */
  nextStep?: string;
}
