import { Command } from 'commander';
import { registerServe } from './commands/serve.command.ts';
import { registerMigrate } from './commands/migrate.command.ts';
import { registerSeed } from './commands/seed.command.ts';
import { registerUser } from './commands/user.command.ts';
import { registerPlan } from './commands/plan.command.ts';
import { registerEsco } from './commands/esco.command.ts';
import { registerIndicators } from './commands/indicators.command.ts';
import { registerCatalog } from './commands/catalog.command.ts';
import { registerIncentives } from './commands/incentives.command.ts';

const program = new Command('koers')
  .description('Koers: the lifelong-learning action-plan platform')
  .showHelpAfterError()
  .configureHelp({ showGlobalOptions: true });

registerServe(program);
registerMigrate(program);
registerSeed(program);
registerUser(program);
registerPlan(program);
registerEsco(program);
registerIndicators(program);
registerCatalog(program);
registerIncentives(program);

program.parseAsync(process.argv).catch((err: Error) => {
  process.stderr.write(`koers: ${err.message}\n`);
  process.exit(1);
});
