/** Build-time settings of the production build. */
export const environment = {
  /** Whether this is a production build (no store devtools, quieter console, 🔍 button hidden). */
  production: true,
  /** Shown in diagnostic reports. */
  version: '0.1.0',
};
