import type { Rule } from '../../lint/index.js';
import versionNotV3 from './version-not-v3.js';
import serialNotPositive from './serial-not-positive.js';
import serialTooLong from './serial-too-long.js';
import uniqueIdsPresent from './unique-ids-present.js';
import sigAlgNotEcdsaSha256 from './sig-alg-not-ecdsa-sha256.js';
import sigAlgParametersPresent from './sig-alg-parameters-present.js';
import sigAlgMismatch from './sig-alg-mismatch.js';
import keyAlgorithm from './key-algorithm.js';
import keyCurve from './key-curve.js';
import keyNotUncompressed from './key-not-uncompressed.js';
import keyNotOnCurve from './key-not-on-curve.js';
import kuNotDerMinimal from './ku-not-der-minimal.js';
import sigValueNotDer from './sig-value-not-der.js';
import kuMissing from './ku-missing.js';
import kuNotCritical from './ku-not-critical.js';
import policiesMissing from './policies-missing.js';
import policiesNotCritical from './policies-not-critical.js';
import policiesUnexpectedOid from './policies-unexpected-oid.js';
import skiMissing from './ski-missing.js';
import skiCritical from './ski-critical.js';
import skiLength from './ski-length.js';
import skiMethod from './ski-method.js';
import akiMissing from './aki-missing.js';
import akiCritical from './aki-critical.js';
import akiFields from './aki-fields.js';
import akiLength from './aki-length.js';
import extensionDuplicate from './extension-duplicate.js';
import extensionUndecodable from './extension-undecodable.js';
import extensionUnexpectedCritical from './extension-unexpected-critical.js';
import nameLegacyStringType from './name-legacy-string-type.js';
import nameNotDirectoryString from './name-not-directory-string.js';
import nameTooLong from './name-too-long.js';
import issuerEmpty from './issuer-empty.js';
import policiesDuplicateOid from './policies-duplicate-oid.js';
import validityTimeEncoding from './validity-time-encoding.js';
import validityOrder from './validity-order.js';
import validityExpired from './validity-expired.js';
import validityNotYetValid from './validity-not-yet-valid.js';

/** The rules every SMKI certificate kind must meet, in catalogue order. */
export const CERTIFICATE_RULES: readonly Rule[] = [
  versionNotV3,
  serialNotPositive,
  serialTooLong,
  uniqueIdsPresent,
  issuerEmpty,
  nameNotDirectoryString,
  nameLegacyStringType,
  nameTooLong,
  sigAlgNotEcdsaSha256,
  sigAlgParametersPresent,
  sigAlgMismatch,
  sigValueNotDer,
  keyAlgorithm,
  keyCurve,
  keyNotUncompressed,
  keyNotOnCurve,
  kuMissing,
  kuNotCritical,
  kuNotDerMinimal,
  policiesMissing,
  policiesNotCritical,
  policiesUnexpectedOid,
  policiesDuplicateOid,
  skiMissing,
  skiCritical,
  skiLength,
  skiMethod,
  akiMissing,
  akiCritical,
  akiFields,
  akiLength,
  extensionDuplicate,
  extensionUndecodable,
  extensionUnexpectedCritical,
  validityTimeEncoding,
  validityOrder,
  validityExpired,
  validityNotYetValid,
];
