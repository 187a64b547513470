import type { DemoEndpointKey } from './demo-words';

/** One button of the "Try the API" panel. */
export interface DemoEndpoint {
  /** Its words: `DemoWords.endpoints[key]`. */
  key: DemoEndpointKey;
  /** Path under `${apiBase}/demo/`, or null for the simulated network cut. */
  path: string | null;
  expected: string;
}

export const DEMO_ENDPOINTS: readonly DemoEndpoint[] = [
  { key: 'data', path: 'data/', expected: '200' },
  { key: 'forbidden', path: 'forbidden/', expected: '403' },
  { key: 'paymentRequired', path: 'payment-required/', expected: '402' },
  { key: 'serverError', path: 'server-error/', expected: '500' },
  { key: 'badGateway', path: 'bad-gateway/', expected: '502' },
  { key: 'unavailable', path: 'unavailable/', expected: '503' },
  { key: 'networkCut', path: null, expected: 'offline' },
];
