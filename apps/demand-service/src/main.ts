import 'reflect-metadata';
import { runService } from '@jiebang/platform';
import { demandService } from './demand.service';

void runService(demandService);
