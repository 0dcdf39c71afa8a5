import { DerNode, OID, Tag, latin1, oidOf, toHex, viewOf } from '../../der/index.js';
import type { GeneralName, GeneralNameType, HardwareModuleName } from '../types.js';

const TYPES: GeneralNameType[] = [
  'otherName',
  'rfc822Name',
  'dNSName',
  'x400Address',
  'directoryName',
  'ediPartyName',
  'uniformResourceIdentifier',
  'iPAddress',
  'registeredID',
];

/** GeneralNames ::= SEQUENCE SIZE (1..MAX) OF GeneralName (RFC 5280 4.2.1.6). */
export function decodeGeneralNames(bytes: Uint8Array, root: DerNode): GeneralName[] | string {
  if (!root.is(Tag.Sequence) || root.children === null) return 'GeneralNames is not a SEQUENCE';
  const names: GeneralName[] = [];
  for (const k of root.children) {
    if (k.tagClass !== 2 || k.tagNumber > 8) return `GeneralName at offset ${k.offset} has an unknown tag`;
    const type = TYPES[k.tagNumber];
    const name: GeneralName = { type, value: '', offset: k.offset };
    if (type === 'otherName') {
      const other = decodeOtherName(bytes, k);
      if (typeof other === 'string') return other;
      Object.assign(name, other);
    } else if (type === 'rfc822Name' || type === 'dNSName' || type === 'uniformResourceIdentifier') {
      name.value = latin1(bytes, k.valueOffset, k.end);
    } else if (type === 'registeredID') {
      name.value = oidOf(bytes, k);
    } else {
      name.value = toHex(bytes.subarray(k.valueOffset, k.end));
    }
    names.push(name);
  }
  return names;
}

/** OtherName ::= SEQUENCE { type-id OID, value [0] EXPLICIT ANY } with IMPLICIT [0] outer tag. */
function decodeOtherName(bytes: Uint8Array, node: DerNode): Partial<GeneralName> | string {
  const [typeId, explicit] = node.children ?? [];
  if (!typeId?.is(Tag.Oid) || !explicit?.isContext(0) || !explicit.children) return `otherName at offset ${node.offset} is not { type-id OID, [0] value }`;
  const otherNameType = oidOf(bytes, typeId);
  const out: Partial<GeneralName> = { otherNameType, value: otherNameType };
  if (otherNameType === OID.hardwareModuleName) {
    const hw = decodeHardwareModuleName(bytes, explicit.children[0]);
    if (typeof hw === 'string') return hw;
    out.hardwareModuleName = hw;
    out.value = `hardwareModuleName ${hw.hwType} ${toHex(hw.hwSerialNum)}`;
  }
  return out;
}

/** HardwareModuleName ::= SEQUENCE { hwType OID, hwSerialNum OCTET STRING } (RFC 4108 5). */
function decodeHardwareModuleName(bytes: Uint8Array, node: DerNode | undefined): HardwareModuleName | string {
  const [hwType, hwSerial] = node?.children ?? [];
  if (!node?.is(Tag.Sequence) || !hwType?.is(Tag.Oid) || !hwSerial?.is(Tag.OctetString) || hwSerial.children !== null || node.children!.length !== 2) {
    return 'hardwareModuleName is not SEQUENCE { hwType OID, hwSerialNum OCTET STRING }';
  }
  return { hwType: oidOf(bytes, hwType), hwSerialNum: viewOf(bytes, hwSerial.valueOffset, hwSerial.end) };
}
