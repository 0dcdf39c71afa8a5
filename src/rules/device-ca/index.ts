import type { Rule } from '../../lint/index.js';
import profileUnavailable from './profile-unavailable.js';

/** Device CA rules, in catalogue order. */
export const DEVICE_CA_RULES: readonly Rule[] = [profileUnavailable];
