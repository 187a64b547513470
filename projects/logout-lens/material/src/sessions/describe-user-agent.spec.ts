import { describeUserAgent } from './describe-user-agent';
import { ENGLISH_SESSIONS_WORDS } from './sessions-words.en';

const CHROME_LINUX =
  'Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/156.0.0.0 Safari/537.36';
const FIREFOX_WINDOWS = 'Mozilla/5.0 (Windows NT 10.0; Win64; x64; rv:128.0) Gecko/20100101 Firefox/128.0';
const SAFARI_IOS =
  'Mozilla/5.0 (iPhone; CPU iPhone OS 17_4 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.4 Mobile/15E148 Safari/604.1';

describe('describeUserAgent', () => {
  it('names Chrome on Linux with the major version', () => {
    expect(describeUserAgent(CHROME_LINUX)).toEqual({
      full: 'Chrome 156 on Linux',
      short: 'Chrome on Linux',
      mobile: false,
    });
  });

  it('names Firefox on Windows with the Windows release', () => {
    expect(describeUserAgent(FIREFOX_WINDOWS)).toEqual({
      full: 'Firefox 128 on Windows 10',
      short: 'Firefox on Windows',
      mobile: false,
    });
  });

  it('names Safari on iOS and knows it is a phone', () => {
    expect(describeUserAgent(SAFARI_IOS)).toEqual({
      full: 'Safari 17 on iOS 17',
      short: 'Safari on iOS',
      mobile: true,
    });
  });

  it.each(['', '   ', null, undefined, 'garbage!!', 'python-requests/2.31'])(
    'calls %p an unknown browser',
    (userAgent) => {
      expect(describeUserAgent(userAgent)).toEqual({
        full: 'Unknown browser',
        short: 'Unknown browser',
        mobile: false,
      });
    },
  );

  it('puts the names into the words it is given', () => {
    const german = { ...ENGLISH_SESSIONS_WORDS, browserOnOs: (browser: string, os: string) => `${browser} unter ${os}` };
    expect(describeUserAgent(FIREFOX_WINDOWS, german)).toEqual({
      full: 'Firefox 128 unter Windows 10',
      short: 'Firefox unter Windows',
      mobile: false,
    });
    expect(describeUserAgent('', { ...german, unknownBrowser: 'Unbekannter Browser' })).toEqual({
      full: 'Unbekannter Browser',
      short: 'Unbekannter Browser',
      mobile: false,
    });
  });
});
