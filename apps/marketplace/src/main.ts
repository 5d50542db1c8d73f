import 'reflect-metadata';
import { runService } from '@jiebang/platform';
import { marketplace } from './marketplace.definition';

void runService(marketplace);
