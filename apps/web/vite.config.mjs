// The web app: built into dist/web (served by marketplace at / and by nginx in production).
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';

const root = fileURLToPath(new URL('.', import.meta.url));
const api = process.env.JIEBANG_API ?? 'http://localhost:3000';

export default defineConfig({
  root,
  resolve: {
    alias: { '@jiebang/contracts': fileURLToPath(new URL('../../libs/contracts/src/index.ts', import.meta.url)) },
  },
  oxc: { jsx: { runtime: 'automatic' } },
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
        // Libraries change less often than our code: separate chunks stay cached across releases.
        // ECharts needs no group: only the lazily loaded chart imports it, so it is a chunk of its own.
        codeSplitting: {
          groups: [
            { name: 'antd', test: /node_modules[\\/](antd|@ant-design|rc-|@rc-component)/ },
            { name: 'react', test: /node_modules[\\/](react|react-dom|react-router|scheduler)[\\/]/ },
          ],
        },
      },
    },
  },
  // `npm run dev:web` proxies the API to a running `npm start`.
  server: { proxy: { '/api': api, '/health': api } },
});
