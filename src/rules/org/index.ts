import type { Rule } from '../../lint/index.js';
import cnLooksLikeRoleCode from './cn-looks-like-role-code.js';
import cnNotPermittedForRole from './cn-not-permitted-for-role.js';
import euiLength from './eui-length.js';
import euiMissing from './eui-missing.js';
import euiMultiple from './eui-multiple.js';
import euiNotBitString from './eui-not-bit-string.js';
import extensionUnexpected from './extension-unexpected.js';
import issuerNotIssuingOca from './issuer-not-issuing-oca.js';
import roleBeforeInForce from './role-before-in-force.js';
import roleKeyUsageUnusual from './role-key-usage-unusual.js';
import roleLowercase from './role-lowercase.js';
import roleMissing from './role-missing.js';
import roleMultiple from './role-multiple.js';
import roleNotEndEntity from './role-not-end-entity.js';
import roleNotHex from './role-not-hex.js';
import roleReserved from './role-reserved.js';
import roleUnknown from './role-unknown.js';
import subjectMultiValuedRdn from './subject-multi-valued-rdn.js';
import subjectUnexpectedAttribute from './subject-unexpected-attribute.js';

/** In catalogue order. */
export const ORGANISATION_RULES: readonly Rule[] = [
  roleMissing,
  roleMultiple,
  roleNotHex,
  roleLowercase,
  roleReserved,
  roleUnknown,
  roleNotEndEntity,
  roleKeyUsageUnusual,
  roleBeforeInForce,
  cnNotPermittedForRole,
  cnLooksLikeRoleCode,
  subjectMultiValuedRdn,
  subjectUnexpectedAttribute,
  euiMissing,
  euiMultiple,
  euiNotBitString,
  euiLength,
  extensionUnexpected,
  issuerNotIssuingOca,
];
