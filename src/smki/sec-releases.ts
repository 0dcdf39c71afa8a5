/**
 * Dates of SEC changes that rules depend on. BEIS proposed to designate the November 2020 SEC
 * Release documents (among them the corrected Organisation Certificate Policy) and to bring the
 * XML signing change to Section L3.18 into effect "on 29 November 2020 (or as soon as practicable
 * within one month after this date)" (consultation of 23 October 2020, paras 2.13 and 2.14). The
 * date is the proposed one: the release may have taken effect up to a month later.
 */
export const NOVEMBER_2020_RELEASE = '2020-11-29';

/** How messages and citations speak of that date. */
export const NOVEMBER_2020_RELEASE_NOTE =
  'the date BEIS proposed for the November 2020 SEC Release, "or as soon as practicable within one month after this date" (consultation of 23 October 2020, paras 2.13 and 2.14)';
