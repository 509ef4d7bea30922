import js from '@eslint/js';
import tseslint from 'typescript-eslint';

export default tseslint.config(
  { ignores: ['**/dist/**', '**/node_modules/**', 'out/**', 'coverage/**', '.nx/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { process: 'readonly', console: 'readonly', Buffer: 'readonly', URL: 'readonly', performance: 'readonly' } },
    rules: {
      // Writer steps are async generators that drain their input and yield nothing (Step contract).
      'require-yield': 'off',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_', destructuredArrayIgnorePattern: '^_' }],
      // Packages talk to each other only through their public index (ARCHITECTURE §2).
      'no-restricted-imports': ['error', { patterns: [{ group: ['@ntl/*/*', '**/packages/*/src/**'], message: 'import another package through its index (@ntl/<name>)' }] }],
    },
  },
);
