import { CERTIFICATE_EXTENSIONS, listInputFiles, UsageError } from '../input/node.js';
import type { InputFile } from '../input/node.js';

/**
 * Expands every input before anything is read (so a bad path is a usage error up front) and
 * refuses a run that found nothing to read, naming the inputs.
 */
export async function listFiles(inputs: string[]): Promise<InputFile[]> {
  if (inputs.length === 0) throw new UsageError('no input given: name files, directories or - for standard input');
  const files = await listInputFiles(inputs);
  if (files.length === 0) throw new UsageError(`no certificate or request files found in ${inputs.map((i) => `'${i}'`).join(', ')} (looked for ${CERTIFICATE_EXTENSIONS.map((e) => `*${e}`).join(', ')})`);
  return files;
}
