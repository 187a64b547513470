import { parseSessionUser } from './session.model';

describe('parseSessionUser', () => {
  it('keeps a well-formed user, with a number or a short string id', () => {
    expect(parseSessionUser({ id: 7, email: 'dana@example.com', name: 'Dana', extra: 'dropped' })).toEqual({
      id: 7,
      email: 'dana@example.com',
      name: 'Dana',
    });
    expect(parseSessionUser({ id: 'u-7', email: 'dana@example.com', name: 'Dana' })).toEqual({
      id: 'u-7',
      email: 'dana@example.com',
      name: 'Dana',
    });
  });

  it.each([
    ['nothing', null],
    ['no id', { email: 'dana@example.com', name: 'Dana' }],
    ['an id that is not finite', { id: Number.NaN, email: 'dana@example.com', name: 'Dana' }],
    ['an id over 64 characters', { id: 'x'.repeat(65), email: 'dana@example.com', name: 'Dana' }],
    ['an email over 254 characters', { id: 7, email: `${'d'.repeat(250)}@example.com`, name: 'Dana' }],
    ['a name over 300 characters', { id: 7, email: 'dana@example.com', name: 'D'.repeat(301) }],
    ['a name that is not text', { id: 7, email: 'dana@example.com', name: 42 }],
  ])('drops a user with %s', (_case, value) => {
    expect(parseSessionUser(value)).toBeNull();
  });
});
