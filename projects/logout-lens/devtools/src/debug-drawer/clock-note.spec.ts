import { clockOffsetText } from '../../../src/lib/diagnosis/diagnosis-text';
import { clockCorrectionNote } from './clock-note';
import { ENGLISH_DRAWER_WORDS } from './drawer-words.en';

const MINUTE = 60_000;

describe('clockCorrectionNote', () => {
  it('says the times were corrected for a clock that is ahead', () => {
    expect(clockCorrectionNote(-10 * MINUTE, ENGLISH_DRAWER_WORDS, clockOffsetText)).toBe('Times corrected for a clock 10 minutes ahead of the server.');
  });

  it('says the times were corrected for a clock that is behind', () => {
    expect(clockCorrectionNote(3 * 60 * MINUTE, ENGLISH_DRAWER_WORDS, clockOffsetText)).toBe('Times corrected for a clock 3 hours behind the server.');
  });

  it('says nothing for a skew within the measurement noise', () => {
    expect(clockCorrectionNote(0, ENGLISH_DRAWER_WORDS, clockOffsetText)).toBeNull();
    expect(clockCorrectionNote(-59_000, ENGLISH_DRAWER_WORDS, clockOffsetText)).toBeNull();
    expect(clockCorrectionNote(59_000, ENGLISH_DRAWER_WORDS, clockOffsetText)).toBeNull();
  });

  it("says it in the words it is given (an app's, merged over the English)", () => {
    const words = { ...ENGLISH_DRAWER_WORDS, ...{ clockNote: (skewMs: number) => `Uhr ${skewMs / MINUTE} min daneben.` } };

    expect(clockCorrectionNote(-10 * MINUTE, words, clockOffsetText)).toBe('Uhr -10 min daneben.');
    expect(clockCorrectionNote(0, words, clockOffsetText)).toBeNull();
  });
});
