/** A comment holding the licence notices of the packages named, as installed in node_modules. */
export function licenceBanner(packages: string[]): string;
