import { DIAGNOSIS_RULES } from './diagnosis-rules';
import { Diagnosis, Evidence } from './evidence';
import { healthy } from './risk-rules';

/**
 * Names the most likely cause of the last sign-out, or the biggest risk to the current session,
 * in one sentence a support engineer can pass on: the finding of the first rule that matches.
 */
export function diagnose(evidence: Evidence): Diagnosis {
  const rule = DIAGNOSIS_RULES.find((r) => r.matches(evidence)) ?? healthy;
  return rule.diagnose(evidence);
}
