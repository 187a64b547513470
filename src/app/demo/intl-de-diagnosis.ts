import { DiagnosisWords } from '@logout-lens/angular';

/** Diagnosis words in German, for the demo's second language. */
export const GERMAN_DIAGNOSIS_WORDS: Partial<DiagnosisWords> = {};
