// ESLint flat config: @eslint/js recommended everywhere, with the globals of
// the context each file runs in.
import js from '@eslint/js';
import globals from 'globals';

/** Globals of Firefox's privileged (chrome) context, where the Firefox e2e
    helpers run some functions through WebDriver. */
const firefoxChromeContext = {
  Cc: 'readonly',
  Ci: 'readonly',
  Cu: 'readonly',
  ChromeUtils: 'readonly',
  Services: 'readonly',
  gBrowser: 'readonly',
};

export default [
  // *.tmp.*: scratch files, never committed.
  { ignores: ['dist/', 'build/', 'pkg/', 'target/', 'node_modules/', 'tests/e2e/screenshots/', '**/*.tmp.*'] },
  js.configs.recommended,
  {
    rules: {
      eqeqeq: ['error', 'always', { null: 'ignore' }],
      'no-var': 'error',
      'prefer-const': 'error',
    },
  },
  {
    // Background modules and extension pages.
    files: ['extension/**/*.js'],
    languageOptions: {
      sourceType: 'module',
      globals: { ...globals.browser, ...globals.serviceworker, ...globals.webextensions },
    },
    rules: {
      // Page and policy text enters the DOM only as text nodes, messages go
      // only through the extension's runtime, and no string becomes code.
      'no-restricted-properties': ['error',
        ...['innerHTML', 'outerHTML', 'insertAdjacentHTML'].map((property) => ({
          property, message: 'Insert text with textContent or createTextNode.',
        })),
        { object: 'document', property: 'write', message: 'Build elements with the dom helpers.' },
        { object: 'document', property: 'writeln', message: 'Build elements with the dom helpers.' },
        { property: 'postMessage', message: 'Use runtime.sendMessage: pages can read and forge window messages.' },
      ],
      'no-eval': 'error',
      'no-implied-eval': 'error',
      'no-new-func': 'error',
    },
  },
  {
    // Content script modules, bundled into one classic script (scripts/build-extension.mjs),
    // which defines the core's input cap.
    files: ['extension/content/**/*.js'],
    languageOptions: {
      globals: { ...globals.browser, ...globals.webextensions, __MAX_INPUT_BYTES__: 'readonly' },
    },
  },
  {
    files: ['scripts/**/*.{js,mjs}', 'bench/**/*.{js,mjs}', 'tests/**/*.{js,mjs}', 'eslint.config.js'],
    languageOptions: { sourceType: 'module', globals: globals.node },
  },
  {
    // Tests hand functions to pages, to the extension's worker and to
    // Firefox's chrome context, so those globals are in scope too.
    files: ['tests/e2e/**/*.mjs'],
    languageOptions: {
      globals: { ...globals.node, ...globals.browser, ...globals.webextensions, ...firefoxChromeContext },
    },
  },
  {
    // Scripts of the hand-written fixture pages.
    files: ['tests/e2e/pages/**/*.js'],
    languageOptions: { sourceType: 'script', globals: globals.browser },
  },
];
