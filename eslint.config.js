import js from '@eslint/js';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';
import tseslint from 'typescript-eslint';

const features = ['catalogs', 'sessions', 'reviews', 'upload', 'readiness'];
const sharedLayers = ['graph', 'auth', 'components', 'config'];

const outsideTheApp = ['emulator', 'demo', 'e2e', 'hosting', 'scripts'];

/** Relative imports that climb out of the current folder into one of `folders` are refused with `message`. */
const refuseImportsFrom = (folders, message) => [
  'error',
  { patterns: [{ regex: `^(\\.\\./)+(features/)?(${folders.join('|')})/`, message }] },
];

/**
 * docs/architecture.md's boundaries (one rule per folder, since a later flat-config entry replaces a rule, not merges it):
 * features never import each other or the app; shared layers never import features or the app; nothing in src/
 * imports the emulator, the demo set-up, the tests or the hosting tools.
 */
const boundaries = [
  {
    files: ['src/app/**', 'src/*.{ts,tsx}', 'src/test/**'],
    rules: { 'no-restricted-imports': refuseImportsFrom(outsideTheApp, 'The app never ships emulator, demo or test code.') },
  },
  ...features.map((feature) => ({
    files: [`src/features/${feature}/**`],
    rules: {
      'no-restricted-imports': refuseImportsFrom(
        [...features.filter((other) => other !== feature), 'app', ...outsideTheApp],
        'Features never import each other or the app: compose them in src/app.',
      ),
    },
  })),
  ...sharedLayers.map((layer) => ({
    files: [`src/${layer}/**`],
    rules: {
      'no-restricted-imports': refuseImportsFrom(['features', 'app', ...outsideTheApp], 'Shared layers never import features or the app.'),
    },
  })),
];

export default tseslint.config(
  { ignores: ['dist', 'node_modules', 'test-results', 'playwright-report', 'coverage'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
    },
  },
  ...boundaries,
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
    files: ['emulator/**', 'e2e/**', 'bench/**', 'demo/**', 'hosting/**', 'scripts/**', '*.config.{ts,js}'],
    languageOptions: { globals: { ...globals.node, ...globals.browser } },
  },
  {
    // Playwright fixtures must destructure their (empty) dependencies.
    files: ['e2e/**'],
    rules: { 'no-empty-pattern': 'off' },
  },
);
