// A file of its own, without imports: `npm start`'s supervisor reads this line from its children
// and would otherwise load the first run's database client and auth library to stay resident.

/** The line an entry prints when it made the first admin; `npm start` reads it from its children. */
export const createdAdminLine = (email: string): string => `created the first admin ${email} (ADMIN_EMAIL / ADMIN_PASSWORD)`;
export const CREATED_ADMIN_LINE = /created the first admin (\S+) \(ADMIN_EMAIL/;
