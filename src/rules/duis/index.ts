import type { Rule } from '../../lint/index.js';
import cellKeyUsage from './cell-key-usage.js';
import cellKind from './cell-kind.js';
import cellNotHeldByParty from './cell-not-held-by-party.js';
import cellRoleMismatch from './cell-role-mismatch.js';
import deviceEuiNotTarget from './device-eui-not-target.js';
import partyEuiMismatch from './party-eui-mismatch.js';
import pathNotCa from './path-not-ca.js';
import pathNotChained from './path-not-chained.js';
import pathUnused from './path-unused.js';
import requestRemotePartyRole from './request-remote-party-role.js';
import requestRequestId from './request-request-id.js';
import requestSchemaVersion from './request-schema-version.js';
import signerEuiMismatch from './signer-eui-mismatch.js';
import signerKeyInfoMismatch from './signer-key-info-mismatch.js';
import signerRole from './signer-role.js';
import signerValidity from './signer-validity.js';

/** The rules of a DUIS service request: what it places on Devices, its certification path, and its signer. */
export const DUIS_RULES: readonly Rule[] = [
  requestRequestId,
  requestRemotePartyRole,
  requestSchemaVersion,
  cellRoleMismatch,
  cellKeyUsage,
  cellKind,
  cellNotHeldByParty,
  partyEuiMismatch,
  pathNotChained,
  pathNotCa,
  pathUnused,
  deviceEuiNotTarget,
  signerRole,
  signerEuiMismatch,
  signerValidity,
  signerKeyInfoMismatch,
] as Rule[];
