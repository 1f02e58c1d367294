import type { Metadata } from 'next';
import { requireUser } from '@/lib/web/auth';
import { listApiTokens } from '@/lib/features/api-tokens/list-api-tokens';
import { listUsers } from '@/lib/features/users/list-users';
import { CreateTokenForm } from './create-token-form';
import { RevokeTokenButton } from './revoke-token-button';

export const metadata: Metadata = { title: 'API tokens' };

const formatDate = (date: Date | null) => (date ? date.toISOString().replace('T', ' ').slice(0, 16) + ' UTC' : '—');

export default async function TokensPage() {
  const admin = await requireUser('admin');
  const [tokens, users] = await Promise.all([listApiTokens(), listUsers()]);
  const activeUsers = users.filter((user) => !user.disabledAt).map((user) => ({ id: user.id, label: `${user.email} (${user.role})` }));
  return (
    <div className="space-y-8">
      <div>
        <h1 className="text-xl font-semibold">API tokens</h1>
        <p className="mt-1 text-sm text-slate-600">
          Send as <code className="font-mono">Authorization: Bearer cs_…</code>. A token can do what its user’s role allows.
        </p>
      </div>
      <section className="rounded-lg border border-slate-200 bg-white p-4">
        <CreateTokenForm users={activeUsers} defaultUserId={admin.id} />
      </section>
      <table className="w-full rounded-lg border border-slate-200 bg-white text-sm">
        <thead className="bg-slate-50 text-left text-slate-600">
          <tr>
            <th className="px-3 py-2 font-medium">Name</th>
            <th className="px-3 py-2 font-medium">Token</th>
            <th className="px-3 py-2 font-medium">Acts as</th>
            <th className="px-3 py-2 font-medium">Created</th>
            <th className="px-3 py-2 font-medium">Last used</th>
            <th className="px-3 py-2" />
          </tr>
        </thead>
        <tbody>
          {tokens.map((token) => (
            <tr key={token.id} className="border-t border-slate-100">
              <td className="px-3 py-2">{token.name}</td>
              <td className="px-3 py-2 font-mono text-xs">{token.prefix}…</td>
              <td className="px-3 py-2 text-slate-600">{token.userEmail}</td>
              <td className="px-3 py-2 text-slate-600">{formatDate(token.createdAt)}</td>
              <td className="px-3 py-2 text-slate-600">{formatDate(token.lastUsedAt)}</td>
              <td className="px-3 py-2 text-right">
                {token.revokedAt ? <span className="text-xs text-slate-500">Revoked {formatDate(token.revokedAt)}</span> : <RevokeTokenButton id={token.id} />}
              </td>
            </tr>
          ))}
          {tokens.length === 0 && (
            <tr>
              <td colSpan={6} className="px-3 py-6 text-center text-slate-500">
                No tokens yet.
              </td>
            </tr>
          )}
        </tbody>
      </table>
    </div>
  );
}
