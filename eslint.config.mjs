// ESLint with the TypeScript rules (type-aware) for the extension, server and tests.
import js from '@eslint/js';
import tseslint from 'typescript-eslint';

export default tseslint.config(
  { ignores: ['dist/**', 'node_modules/**', '.e2e/**', 'bench/work/**', 'test/e2e/artifacts/**', '**/*.mjs'] },
  js.configs.recommended,
  ...tseslint.configs.recommendedTypeChecked,
  {
    languageOptions: {
      parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname },
    },
    rules: {
      '@typescript-eslint/no-explicit-any': 'error',
      '@typescript-eslint/no-non-null-assertion': 'off',
      '@typescript-eslint/consistent-type-imports': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_' }],
      'prefer-const': 'error',
      eqeqeq: ['error', 'always'],
    },
  },
  {
    // The code a keystroke runs; requests and settings are read too rarely to matter.
    files: ['server/src/{model,checks,edits,features,workspace}/**/*.ts'],
    rules: {
      // V8 (Node 20) defines each property written after a spread through its runtime, about twenty times
      // slower than a plain literal or Object.assign: a keystroke in a 1 MB issue spent over a third of its checks so.
      'no-restricted-syntax': [
        'error',
        {
          selector: 'ObjectExpression > SpreadElement ~ Property',
          message: 'A property after a spread is slow in V8: put the spreads last, or use Object.assign({}, value, { ... }).',
        },
      ],
    },
  },
);
