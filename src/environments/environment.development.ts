/** Build-time settings of the development build (`ng serve`). */
export const environment = {
  production: false,
};
