import type { DiagnosisWords } from '../intl/diagnosis-words';
import { DIAGNOSIS_RULES } from './diagnosis-rules';
import { ENGLISH_DIAGNOSIS_WORDS } from './diagnosis-words.en';
import { Diagnosis, Evidence } from './evidence';
import { healthy } from './risk-rules';

/**
 * Names the most likely cause of the last sign-out, or the biggest risk to the current session,
 * in one sentence a support engineer can pass on: the finding of the first rule that matches.
 * `words` are an app's own (`LogoutLensIntl.diagnosis`); any it leaves out stay English.
 */
export function diagnose(evidence: Evidence, words: Partial<DiagnosisWords> = {}): Diagnosis {
  const rule = DIAGNOSIS_RULES.find((r) => r.matches(evidence)) ?? healthy;
  return rule.diagnose(evidence, { ...ENGLISH_DIAGNOSIS_WORDS, ...words });
}
