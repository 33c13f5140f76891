/**
 * Reading an export back as a person would see it: a PDF's text through Poppler's pdftotext, a Word
 * file's through mammoth, Markdown without its backslash escapes, HTML as it is.
 */
import { execFileSync } from 'node:child_process';
import { readFile } from 'node:fs/promises';
import mammoth from 'mammoth';
import type { ExportFormat } from '../../common/export/types';

/** A PDF's text, laid out roughly as on the page. */
export function pdfText(file: string): string {
  return execFileSync('pdftotext', ['-layout', file, '-'], { encoding: 'utf8' });
}

export async function exportText(file: string, format: ExportFormat): Promise<string> {
  switch (format) {
    case 'pdf':
      return pdfText(file);
    case 'docx':
      return (await mammoth.extractRawText({ path: file })).value;
    case 'markdown':
      return (await readFile(file, 'utf8')).replace(/\\(.)/g, '$1');
    case 'html':
      return readFile(file, 'utf8');
  }
}
