// Browser-safe input stage: finding DER items in bytes. File and stdin reading is in './node.js'.
export { detectItems } from './detect.js';
export type { DetectedInput, InputItem, InputProblem, InputProblemKind, ItemEncoding } from './detect.js';
