import { defineConfig } from '@playwright/test';
import base from '../playwright.config';

/** `npm run screenshots`: e2e/screenshots.spec.ts alone, which writes docs/screenshots/*.png; `npx playwright test` leaves it out. */
export default defineConfig({ ...base, testIgnore: undefined, testMatch: 'screenshots.spec.ts' });
