import type { Rule } from '../../lint/index.js';
import attributeUnexpected from './attribute-unexpected.js';
import extensionRequestValues from './extension-request-values.js';
import extensionSetByCa from './extension-set-by-ca.js';
import extensionUnexpected from './extension-unexpected.js';
import signatureInvalid from './signature-invalid.js';
import version from './version.js';

/** The rules of certification requests alone, in catalogue order (the subject, key and key-usage rules are shared with certificates). */
export const REQUEST_RULES: readonly Rule[] = [version, signatureInvalid, attributeUnexpected, extensionRequestValues, extensionUnexpected, extensionSetByCa];
