// The web app: built into dist/web (served by marketplace at / and by nginx in production).
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';
import { compression } from 'vite-plugin-compression2';

const root = fileURLToPath(new URL('.', import.meta.url));
const api = process.env.JIEBANG_API ?? 'http://localhost:3000';

export default defineConfig({
  root,
  resolve: {
    alias: { '@jiebang/contracts': fileURLToPath(new URL('../../libs/contracts/src/index.ts', import.meta.url)) },
  },
  oxc: { jsx: { runtime: 'automatic' } },
  // Each text asset also as .br (best ratio) and .gz, compressed once at build: marketplace serves
  // them to browsers that accept them, with or without nginx in front, at no cost per request.
  plugins: [
    compression({
      include: /\.(js|css|html|svg|json)$/,
      threshold: 1024,
      algorithms: [
        ['gzip', { level: 9 }],
        ['brotliCompress', {}],
      ],
    }),
  ],
  build: {
    outDir: fileURLToPath(new URL('../../dist/web', import.meta.url)),
    emptyOutDir: true,
    chunkSizeWarningLimit: 1500,
    rolldownOptions: {
      // antd marks its modules "use client" for React Server Components, which a SPA has no use for.
      onwarn(warning, warn) {
        if (warning.code !== 'MODULE_LEVEL_DIRECTIVE') warn(warning);
      },
      output: {
        // React changes less often than our code: its own chunk stays cached across releases. Ant
        // Design and ECharts are left to per-page splitting (lazyPage, the lazy chart), so the hall
        // loads only the components it uses: 466 KB gzip on a first visit instead of 516 KB.
        codeSplitting: {
          groups: [{ name: 'react', test: /node_modules[\\/](react|react-dom|react-router|scheduler)[\\/]/ }],
        },
      },
    },
  },
  // `npm run dev:web` proxies the API to a running `npm start`.
  server: { proxy: { '/api': api, '/health': api } },
});
