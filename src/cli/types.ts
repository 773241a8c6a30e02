/** What a CLI command returns: the process state is set once, in main.ts, so tests can call commands directly. */
export interface CommandResult {
  code: number;
  stdout: string;
  stderr: string;
}
