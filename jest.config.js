// Jest runs the unit specs (src/**/*.spec.ts) in jsdom; *.karma.spec.ts run in real Chromium.
// The specs' expected local times are written for UTC: the same result on every machine.
process.env.TZ = 'UTC';

const { createCjsPreset } = require('jest-preset-angular/presets');

/** @type {import('jest').Config} */
module.exports = {
  ...createCjsPreset({ tsconfig: '<rootDir>/tsconfig.jest.json' }),
  testEnvironment: 'jest-preset-angular/environments/jest-jsdom-env',
  setupFilesAfterEnv: ['<rootDir>/setup-jest.ts'],
  testMatch: ['<rootDir>/src/**/*.spec.ts'],
  testPathIgnorePatterns: ['/node_modules/', '\\.karma\\.spec\\.ts$'],
};
