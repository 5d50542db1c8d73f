import 'reflect-metadata';
import { runService } from '@jiebang/platform';
import { demandService } from './demand.definition';

void runService(demandService);
