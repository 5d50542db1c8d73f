import 'reflect-metadata';
import { runService } from '@jiebang/platform';
import { matchingService } from './matching.definition';

void runService(matchingService);
