// Jest runs the unit specs (src/ and projects/ **/*.spec.ts) in jsdom; *.karma.spec.ts run in real Chromium.
// The specs' expected local times are written for UTC: the same result on every machine.
process.env.TZ = 'UTC';

const { createCjsPreset } = require('jest-preset-angular/presets');

/** @type {import('jest').Config} */
module.exports = {
  ...createCjsPreset({ tsconfig: '<rootDir>/tsconfig.jest.json' }),
  testEnvironment: 'jest-preset-angular/environments/jest-jsdom-env',
  setupFilesAfterEnv: ['<rootDir>/setup-jest.ts'],
  testMatch: ['<rootDir>/src/**/*.spec.ts', '<rootDir>/projects/**/*.spec.ts'],
  moduleNameMapper: {
    '^@logout-lens/angular$': '<rootDir>/projects/logout-lens/src/public-api.ts',
    '^@logout-lens/angular/(material|devtools|simplejwt)$': '<rootDir>/projects/logout-lens/$1/src/public-api.ts',
  },
  testPathIgnorePatterns: ['/node_modules/', '\\.karma\\.spec\\.ts$'],
  // The built package (ng build logout-lens) is not a second copy of the sources.
  modulePathIgnorePatterns: ['<rootDir>/dist/'],
};
