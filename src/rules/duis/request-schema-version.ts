import { defineRule } from '../../lint/index.js';
import { at } from './support.js';

export default defineRule({
  id: 'duis.request.schema-version',
  severity: 'warning',
  documents: ['duis-request'],
  appliesTo: 'all',
  citation: 'DUIS 5.4 XML schema: sr:Request/@schemaVersion (required); the placement table follows the 5.4 schema',
  description: 'The request declares a DUIS schema version other than 5.x, whose certificate places may differ from those checked.',
  source: 'adopted',
  check({ request }, ctx) {
    const version = request.schemaVersion;
    if (version !== undefined && /^5(\.\d+)?$/.test(version.trim())) return;
    const said = version === undefined ? 'has no schemaVersion attribute' : `declares schemaVersion '${version}'`;
    ctx.report({ ...at(request.at), path: 'sr:Request/@schemaVersion', message: `the request ${said}; its certificates were read by the DUIS 5.4 schema's places, which may not be this version's` });
  },
});
