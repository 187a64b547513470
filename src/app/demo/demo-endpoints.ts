/** One button of the "Try the API" panel. */
export interface DemoEndpoint {
  /** Path under `${apiBase}/demo/`, or null for the simulated network cut. */
  path: string | null;
  label: string;
  expected: string;
}

export const DEMO_ENDPOINTS: readonly DemoEndpoint[] = [
  { path: 'data/', label: 'Load data', expected: '200' },
  { path: 'forbidden/', label: 'Forbidden', expected: '403' },
  { path: 'payment-required/', label: 'Payment required', expected: '402' },
  { path: 'server-error/', label: 'Server error', expected: '500' },
  { path: 'bad-gateway/', label: 'Bad gateway', expected: '502' },
  { path: 'unavailable/', label: 'Unavailable', expected: '503' },
  { path: null, label: 'Network cut', expected: 'offline' },
];
