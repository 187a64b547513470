import { withSimpleJwt, withStockSimpleJwt } from '@logout-lens/angular/simplejwt';

import type { DemoBackend, DemoBackendSetup } from './backend';

/** The features and configuration that talk to that backend. */
export function demoBackendSetup(backend: DemoBackend): DemoBackendSetup {
  switch (backend) {
    case 'simplejwt':
      return {
        authPath: '/token',
        features: [
          withSimpleJwt({
            obtainUrl: '/v1/token/',
            refreshUrl: '/v1/token/refresh/',
            logoutUrl: '/v1/token/logout/',
            policyUrl: '/v1/token/policy/',
          }),
        ],
      };
    case 'stock-simplejwt':
      return {
        features: [
          withStockSimpleJwt({
            obtainUrl: '/v1/token/',
            refreshUrl: '/v1/token/refresh/',
            blacklistUrl: '/v1/token/blacklist/',
          }),
        ],
      };
    default:
      return { features: [] };
  }
}
