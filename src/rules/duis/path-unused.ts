import { defineRule } from '../../lint/index.js';
import { formatName } from '../../x509/index.js';
import { at, elementName, issuerLink, pathCertificates, replacements } from './support.js';

export default defineRule({
  id: 'duis.path.unused',
  severity: 'notice',
  documents: ['duis-request'],
  appliesTo: 'all',
  citation: 'DUIS 5.4 XML schema: sr:CertificationPathCertificates (the certification path of the replacement certificates)',
  description: 'A certificate of sr:CertificationPathCertificates issued none of the replacement certificates, nor any path certificate that did.',
  source: 'adopted',
  check({ certificates }, ctx) {
    const path = pathCertificates(certificates);
    const used = new Set<unknown>();
    let frontier = replacements(certificates).map((c) => c.cert);
    // Issuers of the replacement certificates, then their issuers, and so on up the path.
    while (frontier.length > 0) {
      const next = path.filter((p) => !used.has(p) && frontier.some((child) => issuerLink(child, p.cert).linked));
      for (const p of next) used.add(p);
      frontier = next.map((p) => p.cert);
    }
    for (const p of path) {
      if (!used.has(p)) ctx.report({ ...at(p.place.at), message: `${elementName(p.place.at)} ('${formatName(p.cert.subject)}') issued none of the replacement certificates, nor a path certificate above them: the path need not carry it` });
    }
  },
});
