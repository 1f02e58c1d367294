/**
 * What Countersign does with attached files, decided from their name, declared type and
 * first bytes. Pure, so intake, the upload route and the tests share one rule.
 */

/** Programs and scripts: one click runs them. Kept in the raw message, never served. */
const REFUSED_EXTENSIONS = new Set([
  'exe', 'com', 'bat', 'cmd', 'scr', 'pif', 'msi', 'msp', 'mst', 'cpl', 'dll', 'sys', 'drv', 'ocx',
  'js', 'jse', 'vbs', 'vbe', 'wsf', 'wsh', 'wsc', 'ps1', 'psm1', 'psd1', 'hta', 'jar', 'lnk', 'reg', 'inf',
  'scf', 'url', 'appref-ms', 'application', 'gadget', 'msc', 'sct', 'shb', 'vb', 'apk', 'app', 'dmg', 'pkg',
  'deb', 'rpm', 'sh', 'bash', 'command', 'iso', 'img', 'vhd', 'vhdx', 'xll', 'xlam', 'docm', 'xlsm', 'pptm',
]);
const REFUSED_TYPES = [
  /^application\/(x-)?(ms-?dos-?program|msdownload|dosexec|executable|x-msdos-program|java-archive|hta|x-sh|x-csh)$/i,
  /^application\/(x-)?(javascript|ecmascript|vbscript)$/i,
  /^text\/(javascript|vbscript|x-sh)$/i,
];

export const MAX_ATTACHMENTS_PER_REPLY = 10;
export const MAX_FILENAME_CHARS = 200;

/** A name safe to show and to put in Content-Disposition: no path, no control characters. */
export function safeFilename(name: string | undefined | null): string {
  // eslint-disable-next-line no-control-regex
  const base = (name ?? '').split(/[\\/]/).pop()?.replace(/[\u0000-\u001f\u007f"]+/g, '').trim() ?? '';
  const clipped = base.slice(0, MAX_FILENAME_CHARS);
  return clipped === '' || clipped === '.' || clipped === '..' ? 'attachment' : clipped;
}

export function extensionOf(filename: string): string {
  const dot = filename.lastIndexOf('.');
  return dot >= 0 ? filename.slice(dot + 1).toLowerCase() : '';
}

/** Why this file may not be downloaded or sent, or undefined when it may. */
export function refusedReason(filename: string, contentType: string): string | undefined {
  const extension = extensionOf(filename);
  if (REFUSED_EXTENSIONS.has(extension)) return `.${extension} files can run programs; Countersign never serves or sends them`;
  if (REFUSED_TYPES.some((pattern) => pattern.test(contentType.trim()))) return `${contentType} is a program or script type; Countersign never serves or sends it`;
  return undefined;
}

export type PreviewImageType = 'image/png' | 'image/jpeg' | 'image/gif' | 'image/webp';

/**
 * The raster image type the bytes really are, or undefined. Only these are ever shown inline;
 * SVG (which can carry script) and anything whose bytes disagree with its name are not.
 */
export function sniffPreviewImage(bytes: Uint8Array): PreviewImageType | undefined {
  const starts = (...signature: number[]) => signature.every((value, index) => bytes[index] === value);
  if (starts(0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a)) return 'image/png';
  if (starts(0xff, 0xd8, 0xff)) return 'image/jpeg';
  if (starts(0x47, 0x49, 0x46, 0x38)) return 'image/gif';
  if (starts(0x52, 0x49, 0x46, 0x46) && bytes[8] === 0x57 && bytes[9] === 0x45 && bytes[10] === 0x42 && bytes[11] === 0x50) return 'image/webp';
  return undefined;
}

/** A short human size: 512 B, 14 KB, 2.3 MB. */
export function formatBytes(bytes: number): string {
  if (bytes < 1024) return `${bytes} B`;
  if (bytes < 1024 * 1024) return `${Math.round(bytes / 1024)} KB`;
  return `${(bytes / (1024 * 1024)).toFixed(1)} MB`;
}
