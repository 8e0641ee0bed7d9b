import { runCli } from './main';

runCli();
