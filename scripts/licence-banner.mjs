// The licence notices of third-party packages a bundle inlines: their licences (MIT) ask that
// the notice travel with every copy of the code.
import { readFileSync } from 'node:fs';

export function licenceBanner(packages) {
  const notices = packages.map((name) => {
    const dir = new URL(`../node_modules/${name}/`, import.meta.url);
    const { version } = JSON.parse(readFileSync(new URL('package.json', dir), 'utf8'));
    return `${name} ${version}:\n\n${readFileSync(new URL('LICENSE', dir), 'utf8').trim()}`;
  });
  return `/*! This file includes third-party code:\n\n${notices.join('\n\n')}\n*/`;
}
