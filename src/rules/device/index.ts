import type { Rule } from '../../lint/index.js';
import extensionUnexpected from './extension-unexpected.js';
import issuerNotDeviceCa from './issuer-not-device-ca.js';
import policiesCount from './policies-count.js';
import sanHwSerialLength from './san-hw-serial-length.js';
import sanMissing from './san-missing.js';
import sanNotCritical from './san-not-critical.js';
import sanNotSingleHwModule from './san-not-single-hw-module.js';
import subjectNotEmpty from './subject-not-empty.js';
import validityNotAfter from './validity-not-after.js';

/** In catalogue order. */
export const DEVICE_RULES: readonly Rule[] = [
  subjectNotEmpty,
  validityNotAfter,
  policiesCount,
  sanMissing,
  sanNotCritical,
  sanNotSingleHwModule,
  sanHwSerialLength,
  extensionUnexpected,
  issuerNotDeviceCa,
];
