import type { DiagnosisWords } from '../intl/diagnosis-words';
import { Diagnosis, Evidence } from './evidence';

/** One cause (or risk) the diagnosis can name, tried in the order of `DIAGNOSIS_RULES`. */
export interface DiagnosisRule {
  /** Stable id, reported as `Diagnosis.rule`. */
  id: string;
  /** Whether the evidence shows this rule's cause. Each rule decides on its own, whatever its position. */
  matches(evidence: Evidence): boolean;
  /** The finding, for evidence this rule matches, in `words` (English when not given). */
  diagnose(evidence: Evidence, words?: DiagnosisWords): Diagnosis;
}
