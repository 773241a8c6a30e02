/**
 * Where a command writes and how it asks: the commands that change things in AWS (register, deploy) write as
 * they go (a rollout is watched for minutes) and ask for confirmation. The process gets the terminal; tests get
 * buffers and scripted answers, so every command runs without touching process state.
 */
import { createInterface } from 'node:readline';

/** Output, questions and interruption for one command run. */
export interface CommandIO {
  out(text: string): void;
  err(text: string): void;
  /** A person can answer a question: standard input is a terminal. */
  readonly interactive: boolean;
  /** Asks a yes/no question (default no). Only asked when `interactive`. */
  confirm(question: string): Promise<boolean>;
  /** Aborted on Ctrl-C: AWS calls are cancelled and watching a rollout stops (the deployment goes on). */
  readonly signal?: AbortSignal;
}

/** A CommandIO that keeps what was written and asked (tests, and `run()` without an IO). */
export interface BufferedIO extends CommandIO {
  stdout: string;
  stderr: string;
  /** The questions asked, in order. */
  questions: string[];
}

/** An IO that collects output; `answers` are given to the questions in order (no when they run out). */
export function bufferedIO(o: { interactive?: boolean; answers?: boolean[]; signal?: AbortSignal } = {}): BufferedIO {
  const answers = [...(o.answers ?? [])];
  const io: BufferedIO = {
    stdout: '',
    stderr: '',
    questions: [],
    interactive: o.interactive ?? false,
    ...(o.signal ? { signal: o.signal } : {}),
    out: (text) => void (io.stdout += text),
    err: (text) => void (io.stderr += text),
    confirm: (question) => {
      io.questions.push(question);
      io.stderr += `${question} [y/N] ${answers[0] ? 'y' : 'n'}\n`;
      return Promise.resolve(answers.shift() ?? false);
    },
  };
  return io;
}

/** Asks on the terminal (the question on stderr, so stdout stays clean for pipes); Ctrl-C answers no. */
function askTerminal(question: string): Promise<boolean> {
  return new Promise((resolve) => {
    const rl = createInterface({ input: process.stdin, output: process.stderr, terminal: true });
    let done = false;
    const finish = (answer: boolean): void => {
      if (done) return;
      done = true;
      rl.close();
      resolve(answer);
    };
    rl.on('SIGINT', () => {
      process.stderr.write('\n');
      finish(false);
    });
    rl.on('close', () => finish(false));
    rl.question(`${question} [y/N] `, (answer) => finish(/^y(es)?$/i.test(answer.trim())));
  });
}

/** The process's terminal: output as it comes, questions when standard input is a TTY. */
export function processIO(signal?: AbortSignal): CommandIO {
  return {
    out: (text) => void process.stdout.write(text),
    err: (text) => void process.stderr.write(text),
    interactive: process.stdin.isTTY === true,
    confirm: askTerminal,
    ...(signal ? { signal } : {}),
  };
}
