import 'reflect-metadata';
import { runService } from '@jiebang/platform';
import { searchService } from './search.definition';

void runService(searchService);
