import assert from 'node:assert/strict';
import { test } from 'node:test';
import { describeUserAgent } from './user-agent';

test('common browsers are named with their system', () => {
  const cases: Array<[string, string]> = [
    [
      'Mozilla/5.0 (Linux; Android 14; Pixel 8) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/130.0 Mobile Safari/537.36',
      'Chrome on Android',
    ],
    [
      'Mozilla/5.0 (iPhone; CPU iPhone OS 17_5 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.5 Mobile/15E148 Safari/604.1',
      'Safari on iPhone',
    ],
    ['Mozilla/5.0 (Windows NT 10.0; Win64; x64; rv:133.0) Gecko/20100101 Firefox/133.0', 'Firefox on Windows'],
    [
      'Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/130.0 Safari/537.36 Edg/130.0',
      'Edge on Mac',
    ],
    [
      'Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/156.0 Safari/537.36',
      'Chrome on Linux',
    ],
    // Chrome run by a script (a test, a kiosk) says so in one word.
    [
      'Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) HeadlessChrome/156.0 Safari/537.36',
      'Chrome on Linux',
    ],
  ];
  for (const [ua, expected] of cases) assert.equal(describeUserAgent(ua), expected, ua);
});

test('anything else is said plainly', () => {
  assert.equal(describeUserAgent(''), 'Unknown browser');
  assert.equal(describeUserAgent('node'), 'Unknown browser');
  assert.equal(describeUserAgent('curl/8.0 (Linux)'), 'Linux');
});
