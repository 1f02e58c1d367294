// libmime (the MIME word codec mailparser itself uses) ships no types; only what we call.
declare module 'libmime' {
  const libmime: {
    /** Decodes RFC 2047 encoded-words (`=?charset?Q|B?...?=`) in a header value. */
    decodeWords(value: string): string;
  };
  export default libmime;
}
