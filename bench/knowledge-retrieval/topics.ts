/**
 * The help-centre topics the generated articles cover. Each article is one topic for one
 * product; its sections reuse the topic's facts with the product's own numbers. The questions
 * are how customers ask about the topic: other words than the article's title (synonyms,
 * other inflections, the product named in passing), so retrieval is measured on paraphrase,
 * not on copied titles.
 */
export interface Topic {
  key: string;
  title: string;
  /**
   * What the article's author files as keywords (Zendesk labels, Help Scout keywords): the
   * synonyms and phrasings an author anticipates, written from the article, not from the
   * questions. None of them repeats a held-out wording (see bench/README.md).
   */
  keywords: string[];
  sections: { heading: string; text: string }[];
  /** Tuning half: the wordings retrieval may be tuned on. */
  questions: string[];
  /** Held-out half: other customers' wordings, written before any tuning; reported, never tuned on. */
  heldOut: string[];
}

// {p} is the product, {n} a number that differs per article, {m} a menu path.
export const TOPICS: Topic[] = [
  {
    key: 'export-reports',
    title: 'Exporting reports',
    keywords: ['export', 'download a report', 'CSV', 'XLSX', 'PDF', 'spreadsheet', 'recurring export', 'export link by email', 'How do I export my data?'],
    sections: [
      { heading: 'Formats', text: 'Reports in {p} can be exported as CSV, XLSX or PDF from the report toolbar. Exports include every filter that is active when you start them.' },
      { heading: 'Large exports', text: 'An export of more than {n} rows runs in the background; {p} emails a download link when the file is ready. Links stay valid for seven days.' },
      { heading: 'Scheduled exports', text: 'Under {m} you can schedule a recurring export to be delivered every day, week or month.' },
    ],
    questions: ['How do I download my {p} report as a spreadsheet?', 'Can {p} send me the report data automatically every week?', 'I exported a big report in {p} but never got the file'],
    heldOut: ['Is there a way to get the {p} figures out into a CSV file?', 'the {p} download of our monthly numbers is taking forever', 'how do I pull all my {p} data into Excel'],
  },
  {
    key: 'two-factor',
    title: 'Two-factor authentication',
    keywords: ['2-step verification', 'MFA', 'multi-factor authentication', 'authenticator app', 'one-time code', 'backup codes', 'recovery codes', 'lost phone', 'How do I turn on two-step login?'],
    sections: [
      { heading: 'Turning it on', text: 'Enable two-factor authentication for {p} under {m}. Scan the QR code with an authenticator app and enter the six-digit code it shows.' },
      { heading: 'Backup codes', text: '{p} gives you {n} single-use backup codes when you enable it. Keep them somewhere safe: each one signs you in once if you lose your phone.' },
      { heading: 'Lost device', text: 'Without your phone or a backup code, an administrator of your {p} workspace can reset the second factor after verifying your identity.' },
    ],
    questions: ['My phone was stolen and I cannot log into {p} anymore', 'How to set up an authenticator app for {p}?', 'where are the recovery codes for {p} login'],
    heldOut: ['How do I add an extra security step when signing into {p}?', 'got a new phone and {p} keeps asking for a 6 digit code I do not have', 'is 2FA available in {p}'],
  },
  {
    key: 'invite-users',
    title: 'Inviting team members',
    keywords: ['add users', 'add a teammate', 'invite colleagues', 'invitation email', 'user roles', 'admin rights', 'seats', 'invitation expired', 'How do I add people to my workspace?'],
    sections: [
      { heading: 'Sending invitations', text: 'Workspace owners invite colleagues to {p} under {m} by entering their email addresses. Each invitation expires after {n} days.' },
      { heading: 'Roles', text: 'Invited people join {p} as members; owners can promote a member to admin, who may then manage billing and integrations.' },
      { heading: 'Seat limits', text: 'Every accepted invitation uses a seat of your {p} plan. Pending invitations do not count until they are accepted.' },
    ],
    questions: ['How can I add a coworker to our {p} account?', 'My colleague says the {p} invite link no longer works', 'do pending invites use up seats in {p}'],
    heldOut: ['How do I give my assistant access to our {p} workspace?', 'what is the difference between admin and member in {p}', 'a new hire needs a {p} login'],
  },
  {
    key: 'cancel-subscription',
    title: 'Cancelling a subscription',
    keywords: ['cancel plan', 'end subscription', 'stop billing', 'downgrade', 'reactivate', 'refund after cancelling', 'What happens when I cancel?'],
    sections: [
      { heading: 'How to cancel', text: 'Cancel your {p} subscription any time under {m}. The plan stays active until the end of the period you already paid for.' },
      { heading: 'Your data', text: 'After cancellation {p} keeps your data for {n} days, so you can export it or reactivate the account without losing anything.' },
      { heading: 'Refunds', text: 'Cancelling {p} does not refund the current period; refund requests are reviewed by the billing team.' },
    ],
    questions: ['I want to stop paying for {p}, how do I end my plan?', 'What happens to my files if I terminate my {p} subscription?', 'will I get money back when I cancel {p}'],
    heldOut: ['please cancel our {p} account at the end of the month', 'if I quit {p} do I lose my stuff', 'I no longer need {p}, can I get a refund for this month'],
  },
  {
    key: 'api-keys',
    title: 'API keys',
    keywords: ['API token', 'access token', 'developer key', 'rate limit', 'HTTP 429', 'revoke key', 'leaked key', 'HTTP 401'],
    sections: [
      { heading: 'Creating a key', text: 'Create an API key for {p} under {m}. The key is shown once; copy it into your application’s secret store straight away.' },
      { heading: 'Rate limits', text: 'The {p} API accepts {n} requests per minute per key. Requests above the limit get HTTP 429 with a Retry-After header.' },
      { heading: 'Revoking keys', text: 'Revoke a leaked {p} key immediately from the same page; requests with a revoked key fail with HTTP 401.' },
    ],
    questions: ['Where do I generate a token for the {p} REST API?', 'I keep getting error 429 from the {p} API', 'our {p} access key leaked, how do I disable it'],
    heldOut: ['how do I authenticate against the {p} API', 'too many requests error when calling {p}', 'rotate our {p} credentials after an employee left'],
  },
  {
    key: 'change-email',
    title: 'Changing your sign-in email',
    keywords: ['update email address', 'change login email', 'new email address', 'email change confirmation', 'undo email change', 'account email'],
    sections: [
      { heading: 'Updating the address', text: 'Change the email address you sign in to {p} with under {m}. {p} sends a confirmation link to the new address; the change applies once you click it.' },
      { heading: 'Old address', text: 'The previous address receives a notice of the change and can undo it within {n} hours, which protects you if someone else made it.' },
    ],
    questions: ['How do I update the login e-mail on my {p} account?', 'Someone changed the email of my {p} account without me knowing', 'I got a new work address, can I move my {p} login to it'],
    heldOut: ['we rebranded and need to switch the address I use to sign in to {p}', 'I never received the confirmation for my new {p} email address', 'how can I change the e-mail on my {p} profile'],
  },
  {
    key: 'data-import',
    title: 'Importing data',
    keywords: ['upload a file', 'import a spreadsheet', 'column mapping', 'rejected rows', 'import errors', 'file size limit for imports'],
    sections: [
      { heading: 'Supported files', text: '{p} imports CSV and XLSX files of up to {n} MB. The first row must hold the column names.' },
      { heading: 'Mapping columns', text: 'During an import {p} asks which of your columns match its fields; unmatched columns are skipped, not lost.' },
      { heading: 'Failed rows', text: 'Rows {p} cannot read are listed at the end of the import with the reason, and you can download them to fix and upload again.' },
    ],
    questions: ['Can I upload my customer list from Excel into {p}?', 'Some lines of my spreadsheet were rejected by {p}, why?', 'what file size can {p} take when importing'],
    heldOut: ['bulk upload contacts to {p} from a csv', 'the {p} importer skipped some of my columns', 'migrate our records into {p} from another tool'],
  },
  {
    key: 'notifications',
    title: 'Email notifications',
    keywords: ['email alerts', 'notification settings', 'mute notifications', 'turn off emails', 'daily summary', 'digest'],
    sections: [
      { heading: 'Choosing notifications', text: 'Choose which events {p} emails you about under {m}. Each notification type can be switched off on its own.' },
      { heading: 'Digest', text: 'Instead of single emails, {p} can send one daily digest at a time you choose; it lists up to {n} events.' },
    ],
    questions: ['{p} sends me way too many emails, how do I stop them?', 'Can I get one summary mail a day from {p}?', 'turn off alerts in {p}'],
    heldOut: ['stop {p} from emailing me every time someone comments', 'how do I unsubscribe from {p} updates', 'can {p} batch its messages into one email per day'],
  },
  {
    key: 'invoices',
    title: 'Invoices and receipts',
    keywords: ['receipt', 'billing history', 'download invoice', 'VAT number', 'tax ID', 'billing address', 'company details on invoices', 'billing email'],
    sections: [
      { heading: 'Finding invoices', text: 'Every {p} invoice is available as a PDF under {m} from the day of payment.' },
      { heading: 'Company details', text: 'Add your company name, address and VAT number to the {p} billing profile; they appear on all invoices issued afterwards.' },
      { heading: 'Billing contact', text: '{p} emails each invoice to the billing contact, and to up to {n} further addresses you list.' },
    ],
    questions: ['Where can I get a receipt for my {p} payment?', 'I need our VAT ID on the {p} bill', 'send {p} invoices to our accounting department too'],
    heldOut: ["I need a copy of last month's {p} bill for our accountant", 'can the {p} invoice show our company address', 'where do I download {p} billing documents'],
  },
  {
    key: 'password-reset',
    title: 'Resetting your password',
    keywords: ['forgot password', 'password reset email', 'locked out', "can't log in", 'reset link validity'],
    sections: [
      { heading: 'Reset link', text: 'Use "Forgot password?" on the {p} sign-in page. The reset link is valid for {n} minutes and works once.' },
      { heading: 'Email not arriving', text: 'If the {p} reset email does not arrive, check the spam folder and make sure you used the address your account was registered with.' },
    ],
    questions: ['I forgot my {p} password', 'The reset mail from {p} never shows up in my inbox', 'how long does the {p} password link last'],
    heldOut: ['cannot remember how to sign in to {p}, I need a new password', 'the {p} reset link says it has expired', 'change my {p} password please'],
  },
  {
    key: 'integrations-slack',
    title: 'Connecting Slack',
    keywords: ['Slack app', 'Slack bot', 'Slack workspace', 'post to a channel'],
    sections: [
      { heading: 'Installing', text: 'Connect {p} to Slack under {m}. Pick the channel that should receive updates; you need to be a Slack workspace admin.' },
      { heading: 'Messages', text: '{p} posts at most {n} messages per hour to a channel and groups the rest into one summary message.' },
    ],
    questions: ['Can {p} post updates to our Slack channel?', 'the {p} bot stopped posting in slack', 'how to link slack with {p}'],
    heldOut: ['Does {p} integrate with Slack?', 'get {p} alerts in a slack channel', '{p} floods our slack channel with messages'],
  },
  {
    key: 'delete-account',
    title: 'Deleting your account',
    keywords: ['close account', 'remove account', 'erase personal data', 'right to be forgotten', 'restore a deleted account', 'account deletion'],
    sections: [
      { heading: 'Permanent deletion', text: 'Delete your {p} account under {m}. Deletion is permanent after a grace period of {n} days, during which you can still restore it.' },
      { heading: 'Personal data', text: 'When the grace period ends {p} erases your personal data from all systems; backups are overwritten within 35 days.' },
    ],
    questions: ['Please remove my {p} profile and all my personal information', 'how do I close my {p} account for good', 'can I undo deleting my {p} account'],
    heldOut: ['I want {p} to erase everything you have about me (GDPR)', 'is it possible to permanently remove our {p} workspace', 'I accidentally deleted my {p} account, can I get it back'],
  },
  {
    key: 'mobile-app',
    title: 'The mobile app',
    keywords: ['iPhone', 'iPad', 'Android', 'iOS app', 'phone app', 'offline mode', 'sync'],
    sections: [
      { heading: 'Devices', text: 'The {p} app runs on iOS {n} and Android 10 or later. Sign in with the same account as on the web.' },
      { heading: 'Offline use', text: 'The {p} app keeps the last 30 days of your data on the phone and syncs changes when you are back online.' },
    ],
    questions: ['Is there an iPhone version of {p}?', 'Does {p} work on my phone without internet?', '{p} android app requirements'],
    heldOut: ['can I use {p} on my tablet', 'which Android version does the {p} app need', 'does the {p} app sync when I am on a plane'],
  },
  {
    key: 'sso',
    title: 'Single sign-on (SAML)',
    keywords: ['SAML', 'SSO', 'identity provider', 'IdP', 'Okta', 'OneLogin', 'enforce SSO'],
    sections: [
      { heading: 'Setting up SAML', text: 'Enterprise workspaces configure SAML single sign-on for {p} under {m} with the metadata URL of their identity provider.' },
      { heading: 'Enforcing SSO', text: 'Once SSO is enforced, {p} signs in every member through the identity provider; owners keep a password login as a fallback.' },
    ],
    questions: ['Can we log into {p} with Okta?', 'how do I force everybody in {p} to use our identity provider', 'saml metadata for {p}'],
    heldOut: ['we want our staff to log into {p} through Azure AD', 'configure single sign on for {p}', 'can I still use my password in {p} after SSO is turned on'],
  },
  {
    key: 'storage-limits',
    title: 'Storage limits',
    keywords: ['storage quota', 'storage full', 'upload limit', 'storage usage', 'file storage', 'more storage'],
    sections: [
      { heading: 'Quota', text: 'Each {p} plan includes storage; the Team plan has {n} GB. Usage is shown under {m}.' },
      { heading: 'When full', text: 'When {p} storage is full, uploads stop but nothing is deleted. Delete old files or move to a larger plan to continue.' },
    ],
    questions: ['{p} says I am out of space', 'How much disk space do I get with {p}?', 'uploads to {p} fail because the quota is reached'],
    heldOut: ['my {p} uploads keep failing, it says the space is used up', 'how many gigabytes does the {p} Team plan include', 'where can I see how much room {p} is using'],
  },
  {
    key: 'audit-log',
    title: 'The audit log',
    keywords: ['activity log', 'sign-in history', 'access log', 'account history'],
    sections: [
      { heading: 'What it records', text: 'The {p} audit log records sign-ins, permission changes and deletions with the person, time and IP address.' },
      { heading: 'Retention', text: 'Audit entries are kept for {n} days and can be exported under {m} for your own archive.' },
    ],
    questions: ['Who deleted the project in {p} yesterday?', 'can I see login history for my {p} workspace', 'how long does {p} keep the activity trail'],
    heldOut: ['is there a record of who changed permissions in {p}', 'I need to know which IP address logged into our {p} account', 'export the {p} security events for our compliance review'],
  },
  {
    key: 'payment-methods',
    title: 'Payment methods',
    keywords: ['credit card', 'update card', 'expired card', 'direct debit', 'SEPA', 'bank transfer', 'failed payment', 'change payment method'],
    sections: [
      { heading: 'Accepted methods', text: '{p} accepts credit cards, SEPA direct debit and, for yearly plans above {n} seats, bank transfer against invoice.' },
      { heading: 'Updating a card', text: 'Replace the card on file under {m}; the next charge uses the new card. A failed charge is retried three times.' },
    ],
    questions: ['My card expired, how do I put a new one on {p}?', 'Can I pay {p} by bank transfer?', 'does {p} take direct debit'],
    heldOut: ['can I pay for {p} with a different credit card', 'my {p} payment was declined', 'does {p} accept wire transfers for annual plans'],
  },
  {
    key: 'webhooks',
    title: 'Webhooks',
    keywords: ['webhook signature', 'signed payload', 'delivery retries', 'real-time events'],
    sections: [
      { heading: 'Subscribing', text: 'Add a webhook endpoint to {p} under {m} and choose the events it receives. {p} signs each delivery with HMAC-SHA256.' },
      { heading: 'Retries', text: 'A delivery that does not get a 2xx answer is retried up to {n} times with growing delays, then marked as failed.' },
    ],
    questions: ['How do I get {p} to call my server when something changes?', 'verify the signature of {p} callbacks', '{p} stopped delivering events to my endpoint'],
    heldOut: ['set up an HTTP callback in {p} for new events', 'how does {p} retry failed notifications to our URL', 'what is the HMAC secret for {p} event notifications'],
  },
  {
    key: 'dark-mode',
    title: 'Themes and dark mode',
    keywords: ['dark theme', 'night mode', 'light mode', 'colour scheme', 'accessibility'],
    sections: [
      { heading: 'Choosing a theme', text: 'Switch {p} between light, dark and system theme under {m}. The choice is saved per device.' },
      { heading: 'Contrast', text: 'A high-contrast variant of each {p} theme is available for accessibility; it raises text contrast to at least {n}:1.' },
    ],
    questions: ['Does {p} have a night theme?', 'the {p} screen is too bright at night', 'high contrast option in {p} for low vision'],
    heldOut: ['how do I switch {p} to dark mode', 'can {p} follow my operating system appearance', 'the {p} text is hard to read, is there a stronger contrast setting'],
  },
  {
    key: 'shipping',
    title: 'Shipping and delivery',
    keywords: ['delivery time', 'tracking number', 'order status', 'damaged device', 'broken on arrival', 'replacement'],
    sections: [
      { heading: 'Delivery times', text: 'Hardware for {p} ships within {n} business days; tracking details are emailed when the parcel leaves the warehouse.' },
      { heading: 'Damaged parcels', text: 'If a {p} device arrives damaged, send photos within 14 days and we replace it at no cost.' },
    ],
    questions: ['When will my {p} device be delivered?', 'The {p} scanner arrived broken', 'tracking number for my {p} order'],
    heldOut: ['how long does shipping take for the {p} hardware', 'my {p} package came damaged', 'has my {p} parcel been sent yet'],
  },
];

/** Menu paths: each product names its settings differently. */
export const MENUS = ['Settings > Account', 'Settings > Security', 'Admin > Workspace', 'Profile > Preferences', 'Billing > Overview', 'Settings > Integrations'];
