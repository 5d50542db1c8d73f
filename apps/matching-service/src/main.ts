import 'reflect-metadata';
import { runService } from '@jiebang/platform';
import { matchingService } from './matching.service';

void runService(matchingService);
