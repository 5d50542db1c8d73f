import yauzl from 'yauzl';

export interface SheetLimits {
  /** The most an upload may inflate to, all entries together. */
  maxInflatedBytes: number;
  /** The most rows a worksheet may have, header included. */
  maxRows: number;
}

export type LimitBreach = { limit: 'inflatedBytes'; max: number } | { limit: 'rows'; max: number };

const WORKSHEET = /^xl\/worksheets\/[^/]+\.xml$/;
const ROW_TAG = /<row[\s>]/g;

/**
 * Checks an XLSX (a zip) against the limits without parsing it, so a 300 KB file that inflates to
 * 300 MB is refused before anything holds it. The declared sizes are summed first; then every
 * entry is inflated as a stream that yauzl checks against its declared size (a lying entry is an
 * error) while rows are counted. zlib runs on libuv's threads: the event loop stays free.
 * Throws when the file is not a readable zip.
 */
export async function xlsxLimitBreach(buffer: Buffer, limits: SheetLimits): Promise<LimitBreach | null> {
  const zip = await yauzl.fromBufferPromise(buffer, { lazyEntries: true, validateEntrySizes: true });
  try {
    const entries = [];
    let declared = 0;
    for await (const entry of zip.eachEntry()) {
      declared += entry.uncompressedSize;
      if (declared > limits.maxInflatedBytes) return { limit: 'inflatedBytes', max: limits.maxInflatedBytes };
      entries.push(entry);
    }
    for (const entry of entries) {
      const stream = await zip.openReadStreamPromise(entry);
      const countRows = WORKSHEET.test(entry.fileName);
      let rows = 0;
      let carry = '';
      try {
        for await (const chunk of stream as AsyncIterable<Buffer>) {
          if (!countRows) continue;
          // latin1 maps bytes 1:1, so a tag split across chunks is found in carry + chunk.
          const text = carry + chunk.toString('latin1');
          rows += text.match(ROW_TAG)?.length ?? 0;
          carry = text.slice(-4);
          if (rows > limits.maxRows) return { limit: 'rows', max: limits.maxRows };
        }
      } finally {
        stream.destroy();
      }
    }
    return null;
  } finally {
    zip.close();
  }
}
