import js from '@eslint/js';
import { createNodeResolver, importX } from 'eslint-plugin-import-x';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';
import tseslint from 'typescript-eslint';

const features = ['catalogs', 'sessions', 'reviews', 'upload'];

/** DESIGN.md's boundaries: features never import each other; shared layers never import features or the app. */
const boundaryZones = [
  ...features.map((feature) => ({
    target: `./src/features/${feature}`,
    from: './src/features',
    except: [`./${feature}`],
    message: 'Features never import each other: compose them in src/app.',
  })),
  ...['graph', 'auth', 'components', 'config'].map((layer) => ({
    target: `./src/${layer}`,
    from: ['./src/features', './src/app'],
    message: 'Shared layers never import features or the app.',
  })),
  { target: './src/features', from: './src/app', message: 'Features never import the app.' },
  { target: './src', from: ['./emulator', './demo', './e2e'], message: 'The app never ships emulator or test code.' },
];

export default tseslint.config(
  { ignores: ['dist', 'node_modules', 'test-results', 'playwright-report', 'coverage'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    plugins: { 'import-x': importX },
    settings: {
      'import-x/resolver-next': [createNodeResolver({ extensions: ['.ts', '.tsx', '.js', '.mjs', '.json'] })],
    },
    rules: {
      'import-x/no-restricted-paths': ['error', { zones: boundaryZones }],
      'import-x/no-cycle': 'error',
      'import-x/no-self-import': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
    },
  },
  {
    files: ['src/**/*.{ts,tsx}'],
    languageOptions: { globals: globals.browser },
    plugins: { 'react-hooks': reactHooks },
    rules: {
      ...reactHooks.configs.recommended.rules,
      'no-console': ['error', { allow: ['warn', 'error'] }],
      'no-restricted-globals': [
        'error',
        { name: 'fetch', message: 'Only src/graph talks to the network: call a hook or the graph client.' },
        { name: 'XMLHttpRequest', message: 'Only src/graph talks to the network.' },
        { name: 'localStorage', message: 'Tokens never go to localStorage; use a helper that stores only non-secret state.' },
      ],
    },
  },
  {
    // The network layer, the config loader that runs before it exists, and the one preference store.
    files: ['src/graph/**', 'src/config/app-config.ts', 'src/components/preference-storage.ts', 'src/**/*.test.{ts,tsx}'],
    rules: { 'no-restricted-globals': 'off' },
  },
  {
    files: ['emulator/**', 'e2e/**', 'bench/**', 'demo/**', '*.config.{ts,js}'],
    languageOptions: { globals: { ...globals.node, ...globals.browser } },
  },
  {
    // Playwright fixtures must destructure their (empty) dependencies.
    files: ['e2e/**'],
    rules: { 'no-empty-pattern': 'off' },
  },
);
