import path from 'node:path';
import type { Provider } from '@nestjs/common';
import { APP_CONFIG, type AppConfig } from '../config/app-config';
import { FILE_STORAGE, type FileStorage } from './file-storage';
import { FilesystemStorage } from './filesystem-storage';
import { S3Storage } from './s3-storage';
import { AcceptingScanner, VIRUS_SCANNER } from './virus-scanner';

/** The driver the configuration selects: S3 when S3_URL is set, else files under DATA_DIR/files. */
export const fileStorageProvider: Provider = {
  provide: FILE_STORAGE,
  inject: [APP_CONFIG],
  useFactory: (config: AppConfig): FileStorage =>
    config.storage.s3 ? new S3Storage(config.storage.s3) : new FilesystemStorage(path.join(config.dataDir, 'files')),
};

/** Replace with a provider of your own scanner (README "Attachments"). */
export const virusScannerProvider: Provider = { provide: VIRUS_SCANNER, useClass: AcceptingScanner };
