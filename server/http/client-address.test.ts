import assert from 'node:assert/strict';
import { test } from 'node:test';
import { resolveClientAddress } from './client-address';
import { parseProxyRange, parseTrustedProxies, TrustedProxies } from './trusted-proxies';

const proxies = new TrustedProxies([
  { address: '10.0.0.1', prefix: 32, family: 'ipv4' },
  { address: '10.1.0.0', prefix: 16, family: 'ipv4' },
  { address: 'fd00::', prefix: 8, family: 'ipv6' },
]);
const none = new TrustedProxies([]);

test('X-Forwarded-For is believed only from a trusted proxy, read from the right', () => {
  const cases: Array<[string | undefined, string | undefined, TrustedProxies, string]> = [
    // No proxy configured: the socket's address, whatever the header says.
    ['203.0.113.5', '198.51.100.1', none, '203.0.113.5'],
    // A client that is not a trusted proxy cannot choose its address.
    ['203.0.113.5', '198.51.100.1', proxies, '203.0.113.5'],
    // Through the proxy: the address it saw.
    ['10.0.0.1', '198.51.100.1', proxies, '198.51.100.1'],
    ['::ffff:10.0.0.1', '198.51.100.1', proxies, '198.51.100.1'],
    // What the client wrote left of it is never believed.
    ['10.0.0.1', '1.1.1.1, 198.51.100.1', proxies, '198.51.100.1'],
    // Through two trusted proxies: the first address that is not one.
    ['10.0.0.1', '1.1.1.1, 198.51.100.1, 10.1.2.3', proxies, '198.51.100.1'],
    ['fd12::1', '2001:db8::7', proxies, '2001:db8::7'],
    // Nothing forwarded: the proxy's own request.
    ['10.0.0.1', undefined, proxies, '10.0.0.1'],
    // Ports and brackets as some proxies write them.
    ['10.0.0.1', '198.51.100.1:4711', proxies, '198.51.100.1'],
    ['10.0.0.1', '[2001:db8::7]:4711', proxies, '2001:db8::7'],
    ['10.0.0.1', '::FFFF:198.51.100.1', proxies, '198.51.100.1'],
    // Garbage stops the walk at the proxy that forwarded it.
    ['10.0.0.1', '198.51.100.1, not-an-address', proxies, '10.0.0.1'],
    ['10.0.0.1', '', proxies, '10.0.0.1'],
    [undefined, '198.51.100.1', proxies, 'unknown'],
  ];
  for (const [socket, header, trusted, expected] of cases) {
    assert.equal(resolveClientAddress(socket, header, trusted), expected, `${socket} / ${header}`);
  }
  // Several headers are one list, in order.
  assert.equal(resolveClientAddress('10.0.0.1', ['1.1.1.1', '198.51.100.9'], proxies), '198.51.100.9');
});

test('TRUSTED_PROXIES takes addresses and CIDR ranges, and refuses anything else', () => {
  assert.deepEqual(parseProxyRange('10.0.0.0/8'), { address: '10.0.0.0', prefix: 8, family: 'ipv4' });
  assert.deepEqual(parseProxyRange(' ::1 '), { address: '::1', prefix: 128, family: 'ipv6' });
  for (const bad of ['10.0.0.0/33', '10.0.0/8', 'proxy.local', '10.0.0.1/8/8', '10.0.0.1/x', '::1/129', '']) {
    assert.equal(parseProxyRange(bad), null, bad);
  }
  assert.deepEqual(parseTrustedProxies(undefined), { ranges: [], issues: [] });
  assert.equal(parseTrustedProxies('127.0.0.1, 10.0.0.0/8,').ranges.length, 2);
  assert.deepEqual(parseTrustedProxies('127.0.0.1,localhost').issues, [
    '"localhost" is not an IP address or CIDR range',
  ]);
});
