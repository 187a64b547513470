import { clockCorrectionNote } from './clock-note';

const MINUTE = 60_000;

describe('clockCorrectionNote', () => {
  it('says the times were corrected for a clock that is ahead', () => {
    expect(clockCorrectionNote(-10 * MINUTE)).toBe('Times corrected for a clock 10 minutes ahead of the server.');
  });

  it('says the times were corrected for a clock that is behind', () => {
    expect(clockCorrectionNote(3 * 60 * MINUTE)).toBe('Times corrected for a clock 3 hours behind the server.');
  });

  it('says nothing for a skew within the measurement noise', () => {
    expect(clockCorrectionNote(0)).toBeNull();
    expect(clockCorrectionNote(-59_000)).toBeNull();
    expect(clockCorrectionNote(59_000)).toBeNull();
  });
});
