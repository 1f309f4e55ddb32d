// `npm run lint` (and a step of `npm test`). The import rules at the end are the
// architecture's boundaries (docs/architecture.md), checked on every run.
import nextPlugin from '@next/eslint-plugin-next';
import reactHooks from 'eslint-plugin-react-hooks';
import { defineConfig } from 'eslint/config';
import tseslint from 'typescript-eslint';

/** An import whose specifier matches `regex` is refused with `message`. */
const forbid = (regex, message) => ({ regex, message });

const relativeOrAliased = (folder) => `^(\\.\\.?/)*(\\.\\./)?${folder}(/|$)|(^|/)server/${folder}(/|$)`;

// A domain module is a folder server/domain/<module>/ whose index.ts is its only door; a file inside it
// imports its siblings directly. `*test-support` files (test helpers) may be imported from tests.
const INNER = '(?!index$)(?![\\w.-]*test-support$)[\\w.-]+$';
const moduleDoorMessage =
  'Modules are used only through their index: import server/domain/<module>, and export what you need from its index.ts.';
/** From anywhere: `…/domain/<module>/<inner file>`, relative or aliased. */
const throughIndex = forbid(`(^|/)domain/[\\w-]+/${INNER}`, moduleDoorMessage);
/** From inside a module (server/domain/<module>/x.ts): a sibling module's inner file. */
const siblingsThroughIndex = forbid(`^\\.\\./[\\w-]+/${INNER}`, moduleDoorMessage);
/** From the shared kernel (server/domain/x.ts): a module's inner file. */
const kernelThroughIndex = forbid(`^\\./[\\w-]+/${INNER}`, moduleDoorMessage);

export default defineConfig(
  {
    ignores: [
      'node_modules/',
      '.next/',
      '.data/',
      'server/db/generated/',
      'test-results/',
      'playwright-report/',
      'next-env.d.ts',
      'public/',
    ],
  },
  // Not type-aware: the type-aware strict set needs a full program per run (slow
  // on 2 cores), and `tsc --noEmit` runs right before this step anyway.
  ...tseslint.configs.strict,
  {
    rules: {
      // `_name` marks a parameter or destructured field left out on purpose.
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_', destructuredArrayIgnorePattern: '^_', ignoreRestSiblings: true },
      ],
    },
  },
  {
    files: ['**/*.test.ts', 'test/**/*.ts', 'e2e/**/*.ts', 'bench/**/*.ts'],
    // A test reads what it just made; a wrong `!` fails the test at that line, which is the point.
    rules: { '@typescript-eslint/no-non-null-assertion': 'off' },
  },
  {
    rules: {
      // With noUncheckedIndexedAccess every `rows[0]` after a length check is `T | undefined`;
      // `!` there says what the check proved. Product code uses it 39 times, each after such a check.
      '@typescript-eslint/no-non-null-assertion': 'off',
      // Only ever a fixed key of a record (a request header, an environment variable), never user input.
      '@typescript-eslint/no-dynamic-delete': 'off',
      // `let` assigned later but read earlier by a callback (server/app.ts's database monitor) cannot be const.
      'prefer-const': ['error', { ignoreReadBeforeAssign: true }],
    },
  },
  {
    files: ['app/_lib/action.ts'],
    // A server action's body may return nothing (`Promise<void>`) or a state; `ActionState | void` says both.
    rules: { '@typescript-eslint/no-invalid-void-type': 'off' },
  },
  {
    files: ['app/**/*.{ts,tsx}'],
    plugins: { 'react-hooks': reactHooks },
    // The classic rules; the React Compiler's rules (set-state-in-effect, immutability…) wait
    // for the compiler itself. A missing dependency fails the run: a warning nobody reads fixes nothing.
    rules: { 'react-hooks/rules-of-hooks': 'error', 'react-hooks/exhaustive-deps': 'error' },
  },
  {
    files: ['app/**/*.{ts,tsx}'],
    plugins: { '@next/next': nextPlugin },
    rules: {
      ...nextPlugin.configs.recommended.rules,
      ...nextPlugin.configs['core-web-vitals'].rules,
      // Pictures come from uploads, S3_PUBLIC_URL or IMAGE_HOSTS, all set at run time; next/image's
      // optimiser needs its hosts at build time, and the pages size and lazy-load their <img> themselves.
      '@next/next/no-img-element': 'off',
    },
    settings: { next: { rootDir: '.' } },
  },
  {
    // Every file; the blocks below that set their own boundaries repeat this pattern (a later block's
    // no-restricted-imports replaces an earlier one's for the files it matches).
    files: ['**/*.{ts,tsx,mjs}'],
    rules: { 'no-restricted-imports': ['error', { patterns: [throughIndex] }] },
  },
  {
    files: ['app/**/*.{ts,tsx}'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            forbid(`(^|/)server/db(/|$)|^@/server/db(/|$)`, 'Pages never reach the database: go through a server/domain function.'),
            forbid('^@prisma/|(^|/)generated/prisma', 'Pages never use the Prisma client or its generated types: use server/domain types.'),
            throughIndex,
          ],
        },
      ],
    },
  },
  // The shared kernel (server/domain/*.ts) and the modules (server/domain/<module>/…) keep the same
  // boundaries; each adds how it may reach a module's inner files (never).
  // Tests may drive the subscribers (server/effects) to see what follows an operation.
  ...[
    ['server/domain/*.ts', kernelThroughIndex, false],
    ['server/domain/*/**/*.ts', siblingsThroughIndex, false],
    ['server/domain/*.test.ts', kernelThroughIndex, true],
    ['server/domain/*/**/*.test.ts', siblingsThroughIndex, true],
  ].map(([files, door, test]) => ({
    files: [files],
    ...(test ? {} : { ignores: ['**/*.test.ts'] }),
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            forbid(
              relativeOrAliased('realtime'),
              'The domain never knows the realtime layer: return what happened and let the caller (or an event subscriber) broadcast it.',
            ),
            forbid('^next(/|$)|^next-auth(/|$)', 'The domain never depends on Next.js: pages and routes call it, not the other way round.'),
            forbid('^socket\\.io(-client)?(/|$)', 'The domain never depends on Socket.io: that is server/realtime.'),
            ...(test
              ? []
              : [
                  forbid(relativeOrAliased('effects'), 'The domain never calls its subscribers (server/effects): it records, they follow.'),
                ]),
            throughIndex,
            door,
          ],
        },
      ],
    },
  })),
  {
    files: ['server/realtime/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            forbid(
              `${relativeOrAliased('db')}|^@prisma/`,
              'server/realtime holds no business rules: it calls server/domain, which owns the database.',
            ),
            throughIndex,
          ],
        },
      ],
    },
  },
  {
    // The domain records jobs, emails and webhook deliveries through these; what runs them and reads
    // the domain back (the job handlers) lives in server/effects, so nothing here imports the domain.
    files: ['server/jobs/**/*.ts', 'server/mail/**/*.ts', 'server/webhooks/**/*.ts'],
    ignores: ['**/*.test.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            forbid(
              '(^|/)domain(/(?!(errors|zoned-time)$)|$)|(^|/)effects(/|$)',
              'Jobs, mail and webhooks never import the domain (only its AppError and the pure zoned-time rules) or server/effects: the domain writes to them, the handlers in server/effects read both.',
            ),
          ],
        },
      ],
    },
  },
);
