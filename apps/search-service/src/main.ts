import 'reflect-metadata';
import { runService } from '@jiebang/platform';
import { searchService } from './search.service';

void runService(searchService);
