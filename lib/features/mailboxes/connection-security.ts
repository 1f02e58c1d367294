/** How a mailbox's IMAP or SMTP connection is secured: the one list the form, the schema and the providers share. */
export const CONNECTION_SECURITY = ['tls', 'starttls', 'none'] as const;
export type ConnectionSecurity = (typeof CONNECTION_SECURITY)[number];
