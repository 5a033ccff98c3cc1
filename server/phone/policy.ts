/** The limits of phone confirmation by SMS code and of the face match that follows it. */
export const CODE_ATTEMPTS = 3;
export const CODE_LIFETIME_S = 5 * 60;
export const RESEND_AFTER_S = 60;
/** A verification can be resent for this long after it started; then the citizen starts again. */
export const VERIFICATION_LIFETIME_S = 15 * 60;
export const LOCK_AFTER_WRONG_CODES_S = 30 * 60;
export const IDENTIFY_ATTEMPTS = 3;
