import { inspectFile, type FileSummary } from '@ntl/crawl';
import type { Command } from 'commander';
import { EXIT } from '../exit-codes.js';
import { parsePositiveInteger } from './arguments.js';

interface InspectOptions {
  json?: boolean;
  top: number;
}

function formatTable(pairs: Array<[string, number]>): string {
  return pairs.length ? pairs.map(([key, count]) => `${key} ${count}`).join(', ') : '(none)';
}

function formatSummary(summary: FileSummary): string {
  const sizes = summary.recordSizes;
  const lines = [
    `${summary.path}`,
    `  format        ${summary.format}${summary.compression ? ` (${summary.compression})` : ''}, ${summary.size < 0 ? '-' : summary.size} bytes`,
    `  records       ${formatTable(Object.entries(summary.records))}`,
    `  content types ${formatTable(summary.contentTypes)}`,
    `  languages     ${formatTable(summary.languages)} (claimed by headers and markup, not detected)`,
    `  record sizes  ${sizes.count ? `min ${sizes.min}, median ${sizes.median}, max ${sizes.max}, total ${sizes.total}` : '(none)'}`,
    `  damaged       ${summary.damaged.length}`,
    ...summary.damaged.map((damage) => `    @${damage.offset ?? '-'} ${damage.kind}: ${damage.message}`),
  ];
  return `${lines.join('\n')}\n`;
}

/** `ntl inspect`: what is in a crawl file before a run — and what in it is broken. */
export function registerInspectCommand(program: Command, setExitCode: (code: number) => void): void {
  program
    .command('inspect')
    .description('Summarise crawl files: records by type, content types, claimed languages, sizes, damaged records.')
    .argument('<files...>', 'WARC/ARC/WET (plain or gzip), JSONL, JSON or text files')
    .option('--json', 'print one JSON object per file')
    .option('--top <n>', 'how many content types and languages to list', parsePositiveInteger, 10)
    .addHelpText('after', `\nExit codes: ${EXIT.ok} all readable and undamaged, ${EXIT.damaged} damaged records found, ${EXIT.failed} a file is missing or unreadable.`)
    .action(async (files: string[], options: InspectOptions) => {
      let code: number = EXIT.ok;
      for (const file of files) {
        const summary = await inspectFile(file, { top: options.top });
        process.stdout.write(options.json ? `${JSON.stringify(summary)}\n` : formatSummary(summary));
        if (summary.format === 'missing' || summary.format === 'unreadable') code = EXIT.failed;
        else if (summary.damaged.length && code === EXIT.ok) code = EXIT.damaged;
      }
      setExitCode(code);
    });
}
