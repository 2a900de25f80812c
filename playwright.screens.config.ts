import { defineConfig } from '@playwright/test';
import base from './playwright.config';

/** Screenshots for people to look at (e2e/screens/), kept out of `npm test`. */
export default defineConfig({ ...base, testDir: './e2e/screens', testMatch: '**/*.screens.ts' });
