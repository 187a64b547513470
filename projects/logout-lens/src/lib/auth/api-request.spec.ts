import { isApiRequest, isCookieEndpoint } from './api-request';

describe('isApiRequest', () => {
  const origin = 'https://app.example.com';

  it.each([
    ['/v1/demo/data/', true],
    ['/v1', true],
    ['https://app.example.com/v1/auth/me/', true],
    ['/v10/other', false],
    ['/assets/config.json', false],
    ['https://evil.example.net/v1/auth/me/', false],
    ['//evil.example.net/v1/auth/me/', false],
    ['http://app.example.com/v1/auth/me/', false],
  ])('%s → %s', (url, expected) => {
    expect(isApiRequest(url, { apiBase: '/v1', tokenUrls: [] }, origin)).toBe(expected);
  });

  it('matches an absolute API base by prefix only', () => {
    expect(isApiRequest('https://api.example.com/v1/me', { apiBase: 'https://api.example.com/v1', tokenUrls: [] }, origin)).toBe(true);
    expect(isApiRequest('https://api.example.com.evil/v1', { apiBase: 'https://api.example.com/v1', tokenUrls: [] }, origin)).toBe(false);
  });
});

describe('isCookieEndpoint', () => {
  it('covers login, refresh and logout only', () => {
    expect(isCookieEndpoint('/v1/auth/refresh/', { apiBase: '/v1', authPath: '/auth' })).toBe(true);
    expect(isCookieEndpoint('/v1/auth/login/', { apiBase: '/v1', authPath: '/auth' })).toBe(true);
    expect(isCookieEndpoint('/v1/auth/logout/', { apiBase: '/v1', authPath: '/auth' })).toBe(true);
    expect(isCookieEndpoint('/v1/auth/me/', { apiBase: '/v1', authPath: '/auth' })).toBe(false);
    expect(isCookieEndpoint('/v1/auth/logout-event/', { apiBase: '/v1', authPath: '/auth' })).toBe(false);
  });
});
