/** A scanner's verdict on an upload; `signature` names what it found. */
export type ScanVerdict = { clean: true } | { clean: false; signature: string };

/**
 * The hook every upload passes before it is stored. The default accepts everything; an
 * installation plugs a real scanner (e.g. ClamAV's clamd over its INSTREAM protocol) by providing
 * its own implementation under VIRUS_SCANNER (see README "Attachments").
 */
export interface VirusScanner {
  scan(bytes: Buffer, filename: string): Promise<ScanVerdict>;
}

export const VIRUS_SCANNER = Symbol('VIRUS_SCANNER');

export class AcceptingScanner implements VirusScanner {
  scan(): Promise<ScanVerdict> {
    return Promise.resolve({ clean: true });
  }
}
