/**
 * A file that came with a message, decoded from its MIME part (or the provider's upload). Here,
 * below both the intake (which parses it) and the attachment store (which keeps it), so neither
 * imports the other.
 */
export interface InboundAttachment {
  filename: string;
  contentType: string;
  content: Uint8Array;
  /** Content-ID without the angle brackets, for cid: references in the HTML. */
  contentId?: string;
  inline: boolean;
}
