// @ts-check
const dev = process.env.NODE_ENV !== 'production';

/**
 * The app works under this policy: scripts only from our origin (Next's inline bootstrap needs
 * 'unsafe-inline'; dev's hot reload needs 'unsafe-eval'), websockets only to our origin, no
 * framing (a board must never be embedded elsewhere), no referrer (invite links carry tokens).
 */
const contentSecurityPolicy = [
  "default-src 'self'",
  `script-src 'self' 'unsafe-inline'${dev ? " 'unsafe-eval'" : ''}`,
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data: blob:",
  "font-src 'self'",
  "connect-src 'self'",
  "frame-ancestors 'none'",
  "base-uri 'self'",
  "form-action 'self'",
  "object-src 'none'",
].join('; ');

/**
 * While a page was hidden (the cookie of lib/hidden.ts), Back, reload or a typed address land on
 * the neutral page instead of a board; only the sign-in (the way back) and the API stay reachable.
 */
const HIDDEN_COOKIE = 'harbor-hidden';
const whileHidden = [
  { source: '/', has: [{ type: 'cookie', key: HIDDEN_COOKIE }], destination: '/notes', permanent: false },
  {
    source: '/:path((?!notes$|signin$|api/|_next/|favicon).+)',
    has: [{ type: 'cookie', key: HIDDEN_COOKIE }],
    destination: '/notes',
    permanent: false,
  },
];

/** @type {import('next').NextConfig} */
const nextConfig = {
  reactStrictMode: true,
  poweredByHeader: false,
  // Types are checked once by `tsc --noEmit` in the test command; the build need not repeat it.
  typescript: { ignoreBuildErrors: true },
  serverExternalPackages: ['better-sqlite3', '@node-rs/argon2', 'yjs'],
  turbopack: {
    resolveAlias: {
      // The bundler answers any mention of the global `Buffer` in browser code with Next's copy
      // of Node's Buffer (5.2 KB gzipped on the board page); only lib0 mentions it, in a branch
      // browsers never take (components/browser/no-node-buffer.ts). An alias of `buffer` or
      // `node:buffer` does not reach that injection; one of the copy itself does.
      'next/dist/compiled/buffer': { browser: './components/browser/no-node-buffer.ts' },
    },
  },
  experimental: {
    // Measured on the bench's slow phone (1.6 Mbit/s, 150 ms round trips, HTTP/1.1's six
    // connections): every request is a round trip, so the board page is better as a few larger
    // scripts (8 instead of 15) than as many small ones shared with other pages.
    turbopackChunking: {
      maxChunkCountPerGroup: 4,
      minChunkSize: 300000,
      requestCost: 2000000,
      firstPageLoadPriority: 1,
    },
    // The styles (about 6 KB gzipped) come inside the HTML instead of seven stylesheets, each
    // a round trip before the scripts could start: 0.3 s sooner on that phone. The price is
    // styles sent with every page instead of cached.
    inlineCss: true,
  },
  async redirects() {
    return whileHidden;
  },
  async headers() {
    return [
      {
        source: '/:path*',
        headers: [
          { key: 'Content-Security-Policy', value: contentSecurityPolicy },
          { key: 'X-Frame-Options', value: 'DENY' },
          { key: 'X-Content-Type-Options', value: 'nosniff' },
          { key: 'Referrer-Policy', value: 'no-referrer' },
          { key: 'Permissions-Policy', value: 'camera=(), microphone=(), geolocation=()' },
          { key: 'X-Robots-Tag', value: 'noindex, nofollow' },
        ],
      },
      {
        // API answers hold plans, letters and notes: no cache may keep one. The route wrapper
        // (server/http/edge.ts) says so on every answer; this covers what it does not wrap.
        source: '/api/:path*',
        headers: [{ key: 'Cache-Control', value: 'no-store' }],
      },
    ];
  },
};

module.exports = nextConfig;
