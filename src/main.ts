import { bootstrapApplication } from '@angular/platform-browser';

import { App } from './app/app';
import { appConfig } from './app/app.config';
import { demoLanguage, loadLanguage } from './app/demo/language';

loadLanguage(demoLanguage())
  .then((language) => bootstrapApplication(App, appConfig(language)))
  .catch((err) => console.error(err));
