import process from 'node:process';
import { Command, CommanderError, InvalidArgumentError, Option } from 'commander';
import { OptionsError, parseIsoInstant } from '../check/options.js';
import { UsageError } from '../input/node.js';
import { CERTIFICATE_KINDS } from '../smki/index.js';
import type { CertificateKind } from '../smki/index.js';
import { runRoles, runRules } from './catalogue-commands.js';
import { availableJobs, runCheck } from './check-command.js';
import type { FailOn, LintCommandOptions } from './check-command.js';
import type { FormatName } from '../report/formats.js';
import { DECODE_FORMAT_NAMES } from '../report/decode-formats.js';
import type { DecodeFormatName } from '../report/decode-formats.js';
import { terminalSafe } from '../report/terminal-safe.js';
import { runCompare } from './compare-command.js';
import { DEBUG } from './debug.js';
import { runDecode } from './decode-command.js';
import { runInit } from './init-command.js';
import { AtomicOutputFile, OutputFailure } from './output-file.js';
import { addServeCommand } from './serve-command.js';
import { maxItemSizeOption } from './sizes.js';
import { BufferedOutput, useColour } from './output.js';
import { showsProgress } from './progress.js';
import { TOOL } from './version.js';

/**
 * Exit codes: 0 ok, 1 findings reached --fail-on (or decode found a problem), 2 usage error
 * (known before any output), 3 internal error or the output could not be written.
 */
export const EXIT = { ok: 0, findings: 1, usage: 2, internal: 3 } as const;

const EXIT_CODES_HELP = `
Exit codes:
  0  nothing reached --fail-on (decode: every item decoded cleanly)
  1  a finding reached --fail-on (decode: an item is not a certificate or request, or breaks DER)
  2  usage error: an unknown option or value, an input that cannot be found, a bad --config
  3  internal error, or the output could not be written (one line on stderr)

Environment: colour is used only on a terminal that is not TERM=dumb; NO_COLOR, FORCE_COLOR=0 or
--no-color turn it off, any other FORCE_COLOR turns it on. SMKI_LINT_DEBUG=1 prints the stack trace
of an internal error.`;

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
  maxItemSize: number;
  color: boolean;
  output?: string;
  quiet?: boolean;
}

/** Whether the output goes to a terminal: stdout without --output, and stdout is one. */
const outputIsTTY = (output: string | undefined) => output === undefined && process.stdout.isTTY === true;

/** Colour for an output: a file named by --output is never a terminal (FORCE_COLOR still forces it). */
const colourFor = (output: string | undefined, flag: boolean) => useColour(output === undefined ? process.stdout : {}, flag);

/**
 * Runs a command whose output goes to stdout, or with --output to a file written atomically: the
 * file appears only when the run ends without failing (exit 0 or 1); otherwise nothing is left.
 */
async function withOutput(path: string | undefined, stdout: BufferedOutput, run: (out: BufferedOutput) => Promise<number>): Promise<number> {
  if (path === undefined) return run(stdout);
  const file = new AtomicOutputFile(path);
  try {
    const code = await run(file.out);
    await file.commit();
    return code;
  } catch (error) {
    file.abort();
    throw error;
  }
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
    colour: colourFor(o.output, o.color),
    issuers: o.issuer ?? [],
    requireIssuer: o.requireIssuer === true,
    maxItemSize: o.maxItemSize,
    quiet: o.quiet === true,
  };
}

export function buildProgram(out: BufferedOutput, setExit: (code: number) => void): Command {
  const program = new Command()
    .name('smki-lint')
    .description('Decode and lint GB smart metering SMKI certificates and certificate requests (CSRs): Remote Party Role Codes, EUI-64s and every field of the SMKI profiles.')
    .version(TOOL.version, '-V, --version')
    .showHelpAfterError('(run smki-lint --help for usage)')
    .configureOutput({ writeOut: (s) => out.write(s), writeErr: (s) => process.stderr.write(s) })
    .addHelpText('after', EXIT_CODES_HELP);

  const outputOption = () => new Option('-o, --output <file>', 'write the output to this file, atomically: it appears only when the run ends without failing');
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
      .option('--config <file>', 'JSON configuration (comments allowed): environments and their policy OIDs, extra roles, CN roles, severity overrides, waivers (see smki-lint init)')
      .addOption(maxItemSizeOption())
      .addOption(outputOption())
      .option('-q, --quiet', 'write only the items with a finding that reaches --fail-on (with --fail-on never: any finding); the summary still counts every item');

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
    .option('-j, --jobs <n>', `the most threads checking at once, at most the ${availableJobs()} available cores (default: all of them); threads are used once a run is large enough for them to pay off`, positiveInteger)
    .option('--write-baseline <file>', 'write a configuration with a waiver for every finding that reaches --fail-on, reason and expires left for you to fill')
    .option('--no-color', 'never colour the output')
    .addHelpText('after', '\nA DUIS service request (XML, sr:Request) is recognised by its content: each certificate in it is an item of its own,\nfound at its element and line, then the request\'s rules check what it will place on Devices (duis.*).\n\nA run of more than about a second shows a progress line on stderr when stderr is a terminal and the output goes elsewhere (--output, a pipe, a file).\n\nExamples:\n  smki-lint check request.xml --signer xml-signer.pem\n  smki-lint check outgoing/ --issuer issuing-oca.pem --format sarif -o results.sarif\n' + EXIT_CODES_HELP)
    .action(async (inputs: string[], o: ParsedLintOptions & { kind?: CertificateKind; jobs?: number; signer?: string; writeBaseline?: string }) => {
      const progress = showsProgress(process.stderr.isTTY === true, outputIsTTY(o.output));
      const warn = (line: string) => process.stderr.write(`smki-lint: ${terminalSafe(line)}\n`);
      setExit(await withOutput(o.output, out, (to) => runCheck(inputs, { ...lintCommandOptions(o), kind: o.kind, jobs: o.jobs, signer: o.signer, writeBaseline: o.writeBaseline, progress }, to, warn)));
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
    .addHelpText('after', EXIT_CODES_HELP)
    .action(async (request: string | undefined, certificate: string | undefined, o: ParsedLintOptions & { requests?: string[]; certificates?: string[] }) => {
      const requests = [...(request ? [request] : []), ...(o.requests ?? [])];
      const certificates = [...(certificate ? [certificate] : []), ...(o.certificates ?? [])];
      if (requests.length === 0 || certificates.length === 0) throw new UsageError('compare needs requests and certificates: name a request and a certificate, or use --requests and --certificates');
      setExit(await withOutput(o.output, out, (to) => runCompare({ ...lintCommandOptions(o), requests, certificates }, to)));
    });

  program
    .command('decode')
    .description('show certificates and requests the way an SMKI engineer reads them: kind, role, EUI-64, key usage, policy, validity (a request: what it asks for), then every field')
    .argument('<inputs...>', 'files, directories or - for standard input')
    .addOption(new Option('-f, --format <format>', 'output format (json: one array of the full decoded model of each item; jsonl: one per line)').choices(DECODE_FORMAT_NAMES as string[]).default('text'))
    .addOption(kindOption())
    .option('--config <file>', 'JSON configuration (its roles are used to name role codes)')
    .addOption(maxItemSizeOption())
    .addOption(outputOption())
    .option('--no-color', 'never colour the output')
    .addHelpText('after', EXIT_CODES_HELP)
    .action(async (inputs: string[], o: { format: DecodeFormatName; kind?: CertificateKind; config?: string; maxItemSize: number; color: boolean; output?: string }) => {
      setExit(await withOutput(o.output, out, (to) => runDecode(inputs, { format: o.format, kind: o.kind, config: o.config, maxItemSize: o.maxItemSize, colour: colourFor(o.output, o.color) }, to)));
    });

  program
    .command('init')
    .description('write a starting configuration, every setting explained in comments: environments, roles, severity overrides, waivers')
    .argument('[file]', 'where to write it', 'smki-lint.jsonc')
    .option('--force', 'replace the file if it exists')
    .action((file: string, o: { force?: boolean }) => setExit(runInit(file, o.force === true, out.write)));

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

/**
 * Runs the CLI with process.argv-style arguments and returns the exit code; never throws. A usage
 * error or an internal failure is one line on stderr (with SMKI_LINT_DEBUG=1, an internal failure
 * also prints its stack trace).
 */
export async function main(argv: string[]): Promise<number> {
  const out = new BufferedOutput(process.stdout);
  let code: number = EXIT.ok;
  const fail = (error: unknown): number => {
    const message = error instanceof Error ? error.message : String(error);
    process.stderr.write(`smki-lint: internal error: ${terminalSafe(message)}${DEBUG ? '' : ' (run with SMKI_LINT_DEBUG=1 for details; please report it)'}\n`);
    if (DEBUG && error instanceof Error && error.stack) process.stderr.write(`${error.stack}\n`);
    return EXIT.internal;
  };
  // A failure outside the run's own code (an event handler, a stream) still ends with exit 3.
  const uncaught = (error: unknown) => {
    process.exitCode = fail(error);
    process.exit();
  };
  process.on('uncaughtException', uncaught);
  const program = buildProgram(out, (c) => (code = c));
  try {
    await program.parseAsync(argv);
    await out.flush();
  } catch (error) {
    await out.flush();
    if (error instanceof CommanderError) {
      // --help and --version end through here with exit code 0.
      return error.exitCode === 0 ? EXIT.ok : EXIT.usage;
    }
    if (error instanceof UsageError || error instanceof OptionsError) {
      process.stderr.write(`smki-lint: ${terminalSafe(error.message)}\n`);
      return EXIT.usage;
    }
    if (error instanceof OutputFailure) return outputFailure(error.message);
    return out.failure ? outputFailure(out.failure) : fail(error);
  } finally {
    process.off('uncaughtException', uncaught);
  }
  return out.failure ? outputFailure(out.failure) : code;
}

function outputFailure(message: string): number {
  process.stderr.write(`smki-lint: ${message}\n`);
  return EXIT.internal;
}
