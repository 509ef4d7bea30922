#!/usr/bin/env node
// Committed entry point so the bin link exists before the first build; the code lives in dist/.
import('../dist/main.js').catch((error) => {
  if (error?.code === 'ERR_MODULE_NOT_FOUND' && String(error.message).includes('/dist/')) {
    console.error('ntl is not built yet: run `npm ci` (or `npx tsc -b`) in the repository root first.');
    process.exit(1);
  }
  throw error;
});
