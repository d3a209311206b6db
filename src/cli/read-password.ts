import readline from 'node:readline';

/**
 * Reads a password without it ever being an argument (argv shows up in `ps` and shell history):
 * a hidden prompt, asked twice, on a terminal; the first line of stdin otherwise.
 */
export async function readPassword(): Promise<string> {
  if (!process.stdin.isTTY) return readFirstLine();
  const first = await hiddenPrompt('Password: ');
  const second = await hiddenPrompt('Repeat password: ');
  if (first !== second) throw new Error('the two passwords differ');
  return first;
}

async function readFirstLine(): Promise<string> {
  let data = '';
  for await (const chunk of process.stdin) {
    data += chunk;
    if (data.includes('\n')) break;
  }
  return data.split(/\r?\n/)[0] ?? '';
}

function hiddenPrompt(question: string): Promise<string> {
  return new Promise((resolve) => {
    const rl = readline.createInterface({ input: process.stdin, output: process.stderr, terminal: true });
    const write = (rl as unknown as { _writeToOutput: (s: string) => void })._writeToOutput;
    (rl as unknown as { _writeToOutput: (s: string) => void })._writeToOutput = (s: string) => {
      // echo the prompt and the line break, never the typed characters
      if (s.startsWith(question) || s === '\r\n' || s === '\n') write.call(rl, s);
    };
    rl.question(question, (answer) => {
      rl.close();
      process.stderr.write('\n');
      resolve(answer);
    });
  });
}
