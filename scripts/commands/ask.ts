// `npm run cli -- ask --as <staff_id> "<text>" [--json]`: one conversation turn, for scripts
// and checks. The turn runs through the same engine as the chat.
import { parseArgs } from 'node:util';
import type { CliCommand } from '../cli.ts';
import { openApp } from '../../src/app.ts';
import { parseShellLine } from '../../src/adapters/shell/parse.ts';
import { renderShellReply } from '../../src/adapters/shell/render.ts';

export const run: CliCommand = async (args, { config, stdout, stderr }) => {
  const { values, positionals } = parseArgs({
    args,
    options: { as: { type: 'string' }, json: { type: 'boolean', default: false } },
    allowPositionals: true,
  });
  const text = positionals.join(' ').trim();
  if (!values.as || !text) {
    stderr.write('usage: npm run cli -- ask --as <staff_id> "<text>" [--json]\n');
    return 2;
  }
  const app = await openApp(config);
  try {
    const reply = await app.engine.handleTurn(parseShellLine(text, values.as, 1, config.now()));
    stdout.write(values.json ? `${JSON.stringify(reply, null, 2)}\n` : renderShellReply(reply));
    return 0;
  } finally {
    await app.close();
  }
};
