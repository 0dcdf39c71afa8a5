import { defineRule } from '../../lint/index.js';
import { PATH } from '../paths.js';

export default defineRule({
  id: 'org.subject.multi-valued-rdn',
  severity: 'error',
  appliesTo: ['organisation'],
  citation: 'SEC Appendix M, Appendix F (subject: CN, OU and x500UniqueIdentifier, each its own RDN); DCC test PKI',
  description: 'A subject RDN holds more than one attribute; every attribute of an Organisation Certificate subject is its own single-valued RDN.',
  source: 'spec',
  check({ cert }, ctx) {
    const rdns = cert.subject?.rdns ?? [];
    rdns.forEach((rdn, i) => {
      if (rdn.attributes.length < 2) return;
      const names = rdn.attributes.map((a) => a.name ?? a.oid).join(' + ');
      ctx.report({
        path: `${PATH.subject}.rdn[${i}]`,
        offset: rdn.offset,
        message:
          `Subject RDN ${i + 1} holds ${rdn.attributes.length} attributes in one SET (${names}); ` +
          'each attribute must be a separate single-valued RDN, e.g. CN=..., OU=02, x500UniqueIdentifier=...',
      });
    });
  },
});
