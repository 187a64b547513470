import { redactSecrets, redactText } from './redact-secrets';

describe('redactSecrets', () => {
  it('replaces secret strings at any depth and walks objects under secret-looking keys', () => {
    const value = {
      password: 'hunter2',
      nested: [{ access: 'eyJabc.def.ghi', refresh: 'raw-refresh' }],
      token_status: { access: { secondsLeft: 60 }, refresh: { level: 'ok' } },
      Authorization: 'Bearer abc',
      email: 'dana@example.com',
    };

    expect(redactSecrets(value)).toEqual({
      password: '[redacted]',
      nested: [{ access: '[redacted]', refresh: '[redacted]' }],
      token_status: { access: { secondsLeft: 60 }, refresh: { level: 'ok' } },
      Authorization: '[redacted]',
      email: 'dana@example.com',
    });
  });

  it('scrubs JWT-shaped text and bearer credentials from free text', () => {
    const jwt = 'eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiIxIn0.c2lnbmF0dXJl';
    expect(redactText(`failed with ${jwt} and Bearer abc.def`)).toBe('failed with [redacted-jwt] and Bearer [redacted]');
  });
});
