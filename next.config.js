import { PHASE_DEVELOPMENT_SERVER } from 'next/constants.js';

// Server-only packages with native code, workers or dynamic requires: loaded by Node at
// runtime instead of being bundled (bundling the Temporal SDK is a classic failure).
const serverExternalPackages = [
  '@temporalio/client',
  '@temporalio/common',
  '@temporalio/proto',
  '@temporalio/worker',
  '@temporalio/workflow',
  '@temporalio/activity',
  '@temporalio/core-bridge',
  '@prisma/client',
  '@prisma/adapter-pg',
  'pg',
  'nodemailer',
  'mailparser',
  'libmime',
  'smtp-server',
  'imapflow',
  'mailauth',
  '@anthropic-ai/sdk',
];

/**
 * Customer email is untrusted HTML shown to agents: the policy allows nothing from other
 * origins. Next's inline bootstrap scripts need 'unsafe-inline' without per-request nonces;
 * 'unsafe-eval' only in development, where React's debugging needs it.
 */
function contentSecurityPolicy(dev) {
  return [
    "default-src 'self'",
    `script-src 'self' 'unsafe-inline'${dev ? " 'unsafe-eval'" : ''}`,
    "style-src 'self' 'unsafe-inline'",
    // srcdoc iframes inherit this policy: remote images in a customer email load only after the
    // agent opts in, which lib/web/email-document.ts enforces with the frame's own, stricter CSP.
    "img-src 'self' data: blob: https: http:",
    "font-src 'self' data:",
    `connect-src 'self'${dev ? ' ws: wss:' : ''}`,
    "frame-src 'self'",
    "frame-ancestors 'none'",
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'self'",
  ].join('; ');
}

function securityHeaders(dev) {
  return [
    { key: 'Content-Security-Policy', value: contentSecurityPolicy(dev) },
    { key: 'X-Frame-Options', value: 'DENY' },
    { key: 'X-Content-Type-Options', value: 'nosniff' },
    // Links in customer mail must not learn conversation URLs.
    { key: 'Referrer-Policy', value: 'same-origin' },
    { key: 'Permissions-Policy', value: 'camera=(), microphone=(), geolocation=(), payment=()' },
    { key: 'Cross-Origin-Opener-Policy', value: 'same-origin' },
  ];
}

/** @param {string} phase @returns {import('next').NextConfig} */
export default function nextConfig(phase) {
  const dev = phase === PHASE_DEVELOPMENT_SERVER;
  return {
    poweredByHeader: false,
    reactStrictMode: true,
    serverExternalPackages,
    // `npm run typecheck` (and `npm test`) type-check the whole tree; repeating it in every
    // build costs a minute on small machines and would let a test file's error block `npm start`.
    typescript: { ignoreBuildErrors: true },
    // requireUser calls forbidden() for a role that is too low (renders app/forbidden.tsx, 403).
    experimental: { authInterrupts: true },
    async headers() {
      return [
        { source: '/:path*', headers: securityHeaders(dev) },
        // Customer files: nothing in them may run or load anything, even opened directly (the
        // later rule wins for the same header; the route sets the same value).
        { source: '/api/attachments/:path*', headers: [{ key: 'Content-Security-Policy', value: "default-src 'none'; sandbox" }] },
      ];
    },
  };
}
