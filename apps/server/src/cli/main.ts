import { runMaskCommand } from './mask-command';

const USAGE = `Usage: switchboard <command> [options]

Commands:
  serve    start the server (same as npm start without the build)
  mask     mask sensitive data in standard input (switchboard mask --help)
`;

interface CliIo {
  args: string[];
  stdin: NodeJS.ReadableStream;
  stdout: NodeJS.WritableStream;
  stderr: NodeJS.WritableStream;
}

/** Dispatches a subcommand; returns the exit code (2 for wrong usage). */
export const runCli = async ({ args, stdin, stdout, stderr }: CliIo): Promise<number> => {
  const [command, ...rest] = args;
  switch (command) {
    case 'mask':
      return runMaskCommand({ args: rest, stdin, stdout, stderr });
    case 'serve':
      await import('../main');
      // The server keeps the process alive; it exits on SIGTERM.
      return 0;
    case undefined:
    case '-h':
    case '--help':
      stdout.write(USAGE);
      return command === undefined ? 2 : 0;
    default:
      stderr.write(`switchboard: unknown command "${command}"\n\n${USAGE}`);
      return 2;
  }
};
