/** Build-time settings of the development build (`ng serve`). */
export const environment = {
  production: false,
  /** Shown in diagnostic reports. */
  version: '0.1.0',
};
