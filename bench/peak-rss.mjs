// Loaded with --import into a benchmarked smki-lint process: at exit, writes the process's peak
// resident set size (all its threads), in kilobytes, to the file SMKI_BENCH_RSS_FILE names.
import { writeFileSync } from 'node:fs';
import process from 'node:process';

process.on('exit', () => writeFileSync(process.env.SMKI_BENCH_RSS_FILE, String(process.resourceUsage().maxRSS)));
