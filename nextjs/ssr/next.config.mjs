/** @type {import('next').NextConfig} */
const nextConfig = {
  // No "X-Powered-By: Next.js": nothing a page needs, and one header less to measure.
  poweredByHeader: false,
  // Every page depends on the request (session cookie, CSP nonce); nothing is prerendered with data.
  reactStrictMode: true,
  async headers() {
    return [{
      source: '/:path*',
      headers: [
        { key: 'X-Content-Type-Options', value: 'nosniff' },
        { key: 'Referrer-Policy', value: 'same-origin' },
        { key: 'X-Frame-Options', value: 'DENY' },
      ],
    }];
  },
};

export default nextConfig;
