import { Command, CommanderError } from 'commander';
import { registerDedupCommand } from './commands/dedup.js';
import { registerEvalCommand } from './commands/eval.js';
import { registerFilterCommand } from './commands/filter/index.js';
import { registerInspectCommand } from './commands/inspect.js';
import { registerLangIdCommand } from './commands/langid/index.js';
import { registerRunCommand } from './commands/run.js';
import { registerStepsCommand } from './commands/steps.js';
import { registerSynthCrawlCommand } from './commands/synth-crawl.js';
import { CliError, EXIT } from './exit-codes.js';
import { NTL_VERSION } from './versions.js';

let exitCode: number = EXIT.ok;
const setExitCode = (code: number) => {
  exitCode = code;
};

const program = new Command('ntl')
  .description('ntl — next thousand languages: crawl to per-language corpora, language ID, MT, metrics and review.')
  .version(NTL_VERSION)
  .showHelpAfterError('(run with --help for usage)')
  .exitOverride();

registerRunCommand(program, setExitCode);
registerDedupCommand(program);
registerInspectCommand(program, setExitCode);
registerStepsCommand(program);
registerEvalCommand(program);
registerLangIdCommand(program);
registerFilterCommand(program);
registerSynthCrawlCommand(program);

try {
  await program.parseAsync(process.argv);
  process.exitCode = exitCode;
} catch (error) {
  if (error instanceof CommanderError) {
    process.exitCode = error.exitCode === 0 ? EXIT.ok : EXIT.usage;
  } else if (error instanceof CliError) {
    process.stderr.write(`ntl: ${error.message}\n`);
    process.exitCode = error.exitCode;
  } else {
    process.stderr.write(`ntl: unexpected failure: ${(error as Error).stack ?? String(error)}\n`);
    process.exitCode = EXIT.failed;
  }
}
