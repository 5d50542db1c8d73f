import 'reflect-metadata';
import { runService } from '@jiebang/platform';
import { marketplace } from './marketplace.service';

void runService(marketplace);
