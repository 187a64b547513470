import { bootstrapApplication } from '@angular/platform-browser';

import { App } from './app/app';
import { appConfig } from './app/app.config';
import { demoBackend, loadBackend } from './app/demo/backend';
import { demoLanguage, loadLanguage } from './app/demo/language';

Promise.all([loadLanguage(demoLanguage()), loadBackend(demoBackend())])
  .then(([language, backend]) => bootstrapApplication(App, appConfig(language, backend)))
  .catch((err) => console.error(err));
