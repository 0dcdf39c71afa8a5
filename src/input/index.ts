// Browser-safe input stage: finding DER items in bytes. File and stdin reading is in './node.js'.
export { detectItems, detectedCount } from './detect.js';
export type { DetectedInput, DetectedRequest, InputItem, InputProblem, InputProblemKind, ItemEncoding } from './detect.js';
