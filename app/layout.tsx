import type { Metadata } from 'next';
import Link from 'next/link';
import type { ReactNode } from 'react';
import { SimulatorBanner } from '@/components/simulator-banner';
import './globals.css';

export const metadata: Metadata = {
  title: { default: 'Countersign', template: '%s · Countersign' },
  description: 'Human-in-the-loop AI support inbox: Claude drafts, people countersign.',
};

const NAV = [
  { href: '/', label: 'Inbox' },
  { href: '/overview', label: 'Overview' },
  { href: '/outbox', label: 'Outbox' },
] as const;

export default function RootLayout({ children }: { children: ReactNode }) {
  return (
    <html lang="en">
      <body className="min-h-screen">
        <SimulatorBanner />
        <header className="border-b border-slate-200 bg-white">
          <nav aria-label="Main" className="mx-auto flex max-w-7xl items-center gap-6 px-4 py-3">
            <Link href="/" className="font-semibold tracking-tight text-brand-700">
              Countersign
            </Link>
            <ul className="flex gap-4 text-sm">
              {NAV.map((item) => (
                <li key={item.href}>
                  <Link href={item.href} className="text-slate-600 hover:text-slate-900">
                    {item.label}
                  </Link>
                </li>
              ))}
            </ul>
          </nav>
        </header>
        <main className="mx-auto max-w-7xl px-4 py-6">{children}</main>
      </body>
    </html>
  );
}
