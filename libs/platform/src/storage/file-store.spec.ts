import { describe, expect, it } from '@jest/globals';
import { safeFilename } from './file-store';
import { contentDisposition } from './file-storage';

describe('the names files download with', () => {
  it('keeps a name that says what the bytes are and names the rest for them', () => {
    expect(safeFilename('技术方案.pdf', 'pdf')).toBe('技术方案.pdf');
    expect(safeFilename('photo.JPEG', 'jpg')).toBe('photo.JPEG');
    expect(safeFilename('setup.exe.pdf', 'png')).toBe('setup.exe.pdf.png');
    expect(safeFilename('../../etc/passwd', 'zip')).toBe('passwd.zip');
    expect(safeFilename('C:\\docs\\a"b<c>.docx', 'docx')).toBe('a_b_c_.docx');
    expect(safeFilename('', 'pdf')).toBe('file.pdf');
  });

  it('sends non-ASCII names in RFC 5987 form beside an ASCII fallback', () => {
    expect(contentDisposition('验收报告 (终稿).pdf')).toBe(
      `attachment; filename="____ (__).pdf"; filename*=UTF-8''%E9%AA%8C%E6%94%B6%E6%8A%A5%E5%91%8A%20%28%E7%BB%88%E7%A8%BF%29.pdf`,
    );
  });
});
