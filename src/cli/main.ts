import process from 'node:process';
import { Command, CommanderError, InvalidArgumentError, Option } from 'commander';
import { OptionsError, parseIsoInstant } from '../check/options.js';
import { UsageError } from '../input/node.js';
import { CERTIFICATE_KINDS } from '../smki/index.js';
import type { CertificateKind } from '../smki/index.js';
import { runRoles, runRules } from './catalogue-commands.js';
import { runCheck } from './check-command.js';
import { defaultJobs } from './check-command.js';
import type { FailOn, LintCommandOptions } from './check-command.js';
import type { FormatName } from '../report/formats.js';
import { runCompare } from './compare-command.js';
import { runDecode } from './decode-command.js';
import { addServeCommand } from './serve-command.js';
import { BufferedOutput, useColour } from './output.js';
import { TOOL } from './version.js';

/** Exit codes: 0 ok, 1 findings reached --fail-on (or decode failed), 2 usage error. */
export const EXIT = { ok: 0, findings: 1, usage: 2 } as const;

const list = (value: string, previous: string[] = []) => previous.concat(value.split(',').map((s) => s.trim()).filter(Boolean));

function isoDate(value: string): string {
  if (Number.isNaN(parseIsoInstant(value))) throw new InvalidArgumentError(`'${value}' is not an ISO 8601 date (e.g. 2026-01-31 or 2026-01-31T12:00:00Z)`);
  return value;
}

function positiveInteger(value: string): number {
  const n = Number(value);
  if (!Number.isInteger(n) || n < 1) throw new InvalidArgumentError(`'${value}' is not a whole number of 1 or more`);
  return n;
}

/** The options check and compare share, as commander parses them. */
interface ParsedLintOptions {
  format: FormatName;
  failOn: FailOn;
  at?: string;
  only?: string[];
  ignore?: string[];
  environment?: string;
  config?: string;
  issuer?: string[];
  requireIssuer?: boolean;
  color: boolean;
}

function lintCommandOptions(o: ParsedLintOptions): LintCommandOptions {
  return {
    format: o.format,
    failOn: o.failOn,
    at: o.at,
    only: o.only,
    ignore: o.ignore,
    environment: o.environment,
    config: o.config,
    colour: useColour(process.stdout, o.color),
    issuers: o.issuer ?? [],
    requireIssuer: o.requireIssuer === true,
  };
}

export function buildProgram(out: BufferedOutput, setExit: (code: number) => void): Command {
  const program = new Command()
    .name('smki-lint')
    .description('Decode and lint GB smart metering SMKI certificates and certificate requests (CSRs): Remote Party Role Codes, EUI-64s and every field of the SMKI profiles.')
    .version(TOOL.version, '-V, --version')
    .showHelpAfterError('(run smki-lint --help for usage)')
    .configureOutput({ writeOut: (s) => out.write(s), writeErr: (s) => process.stderr.write(s) })
    .addHelpText('after', '\nExit codes: 0 nothing reached --fail-on, 1 findings at or above --fail-on, 2 usage error.\nColour only on a terminal; NO_COLOR or --no-color turn it off.');

  const kindOption = () => new Option('--kind <kind>', 'treat every certificate or request as this kind instead of classifying it').choices(CERTIFICATE_KINDS as string[]);
  const repeatable = (v: string, prev: string[] = []) => prev.concat(v);
  // The options check and compare share, in the order their help lists them.
  const withLintOptions = (command: Command) =>
    command
      .addOption(new Option('-f, --format <format>', 'output format (sarif: SARIF 2.1.0 for code scanning; junit: JUnit XML for CI test reports)').choices(['text', 'json', 'jsonl', 'sarif', 'junit']).default('text'))
      .addOption(new Option('--fail-on <severity>', 'exit 1 when a finding reaches this severity').choices(['error', 'warning', 'notice', 'never']).default('error'))
      .option('--at <date>', 'evaluation time for validity checks, ISO 8601 (default: now)', isoDate)
      .option('--only <ids>', 'run only these rule ids or prefixes (comma-separated, repeatable)', list)
      .option('--ignore <ids>', 'skip these rule ids or prefixes (comma-separated, repeatable)', list)
      .option('--environment <name>', "policy OID environment (default: the config file's, else 'test')")
      .option('--config <file>', 'JSON configuration: environments and their policy OIDs, extra roles, CN roles');

  withLintOptions(
    program
      .command('check')
      .description('lint certificates, certificate requests (PKCS#10 CSRs) and the certificates in DUIS service requests against the SMKI profiles (files, directories, PEM bundles, - for stdin)')
      .argument('<inputs...>', 'files, directories (recursive: *.pem *.crt *.cer *.der *.cert *.csr *.req *.xml) or - for standard input'),
  )
    .addOption(kindOption())
    .option('--issuer <file|dir>', 'issuer certificates to check signatures and links against (repeatable); CA certificates in the inputs are used too', repeatable)
    .option('--require-issuer', 'a certificate whose issuer is not available gets the error chain.issuer.unavailable, not the notice chain.not-checked')
    .option('--signer <file>', 'the XML signing certificate that will sign the DUIS requests checked: role 0x87, the RequestID\'s sender, valid at --at, the issuer and serial ds:KeyInfo names (the XML signature itself is not verified)')
    .option('-j, --jobs <n>', `worker threads (default: ${defaultJobs()}, the available cores, once a run is large enough for threads to pay off)`, positiveInteger)
    .option('--no-color', 'never colour the output')
    .addHelpText('after', '\nA DUIS service request (XML, sr:Request) is recognised by its content: each certificate in it is an item of its own,\nfound at its element and line, then the request\'s rules check what it will place on Devices (duis.*).\n\nExamples:\n  smki-lint check request.xml --signer xml-signer.pem\n  smki-lint check outgoing/ --issuer issuing-oca.pem --format sarif')
    .action(async (inputs: string[], o: ParsedLintOptions & { kind?: CertificateKind; jobs?: number; signer?: string }) => {
      setExit(await runCheck(inputs, { ...lintCommandOptions(o), kind: o.kind, jobs: o.jobs, signer: o.signer }, out.write));
    });

  withLintOptions(
    program
      .command('compare')
      .description('the acceptance check: each certificate against the request (CSR) whose public key it carries (key, subject, keyUsage, subjectAltName), and on its own (policy, key identifiers, validity)')
      .argument('[request]', 'a request file (with [certificate]: compare the two)')
      .argument('[certificate]', 'the certificate issued for it')
      .option('--requests <file|dir>', 'requests to pair by public key (repeatable)', repeatable)
      .option('--certificates <file|dir>', 'certificates to pair with them (repeatable); a request with no certificate, a certificate with no request and two certificates for one request are findings', repeatable),
  )
    .option('--issuer <file|dir>', 'issuer certificates, to check signatures, key identifiers and validity against (repeatable); CA certificates among the certificates are used too', repeatable)
    .option('--require-issuer', 'a certificate whose issuer is not available gets the error chain.issuer.unavailable, not the notice chain.not-checked')
    .option('--no-color', 'never colour the output')
    .addHelpText('after', '\nExamples:\n  smki-lint compare supplier.csr supplier.pem\n  smki-lint compare --requests submitted/ --certificates issued/ --issuer issuing-oca.pem --fail-on warning')
    .action(async (request: string | undefined, certificate: string | undefined, o: ParsedLintOptions & { requests?: string[]; certificates?: string[] }) => {
      const requests = [...(request ? [request] : []), ...(o.requests ?? [])];
      const certificates = [...(certificate ? [certificate] : []), ...(o.certificates ?? [])];
      if (requests.length === 0 || certificates.length === 0) throw new UsageError('compare needs requests and certificates: name a request and a certificate, or use --requests and --certificates');
      setExit(await runCompare({ ...lintCommandOptions(o), requests, certificates }, out.write));
    });

  program
    .command('decode')
    .description('show certificates and requests the way an SMKI engineer reads them: kind, role, EUI-64, key usage, policy, validity (a request: what it asks for), then every field')
    .argument('<inputs...>', 'files, directories or - for standard input')
    .addOption(new Option('-f, --format <format>', 'output format (json: the full decoded model)').choices(['text', 'json']).default('text'))
    .addOption(kindOption())
    .option('--config <file>', 'JSON configuration (its roles are used to name role codes)')
    .option('--no-color', 'never colour the output')
    .action(async (inputs: string[], o: { format: 'text' | 'json'; kind?: CertificateKind; config?: string; color: boolean }) => {
      setExit(await runDecode(inputs, { format: o.format, kind: o.kind, config: o.config, colour: useColour(process.stdout, o.color) }, out.write));
    });

  program
    .command('rules')
    .description('list the rule catalogue: id, severity, kinds, citation')
    .addOption(new Option('-f, --format <format>', 'output format').choices(['text', 'json']).default('text'))
    .action((o: { format: 'text' | 'json' }) => setExit(runRules(o.format, out.write)));

  program
    .command('roles')
    .description('list the Remote Party Role Codes: hex OU form, decimal repository code, meaning')
    .addOption(new Option('-f, --format <format>', 'output format').choices(['text', 'json']).default('text'))
    .option('--config <file>', 'JSON configuration whose roles extend the table')
    .action((o: { format: 'text' | 'json'; config?: string }) => setExit(runRoles(o.format, out.write, o.config)));

  addServeCommand(program, setExit);

  program.exitOverride();
  for (const c of program.commands) c.exitOverride();
  return program;
}

/** Runs the CLI with process.argv-style arguments and returns the exit code. */
export async function main(argv: string[]): Promise<number> {
  const out = new BufferedOutput(process.stdout);
  let code: number = EXIT.ok;
  const program = buildProgram(out, (c) => (code = c));
  try {
    await program.parseAsync(argv);
  } catch (error) {
    await out.flush();
    if (error instanceof CommanderError) {
      // --help and --version end through here with exit code 0.
      return error.exitCode === 0 ? EXIT.ok : EXIT.usage;
    }
    if (error instanceof UsageError || error instanceof OptionsError) {
      process.stderr.write(`smki-lint: ${error.message}\n`);
      return EXIT.usage;
    }
    throw error;
  }
  await out.flush();
  return code;
}
