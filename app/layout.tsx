import type { Metadata } from 'next';
import type { ReactNode } from 'react';
import { SimulatorBanner } from '@/app/_components/simulator-banner';
import { MainNav } from './_components/main-nav';
import './globals.css';

export const metadata: Metadata = {
  title: { default: 'Countersign', template: '%s · Countersign' },
  description: 'Human-in-the-loop AI support inbox: Claude drafts, people countersign.',
};

export default function RootLayout({ children }: { children: ReactNode }) {
  return (
    <html lang="en">
      <body className="min-h-screen">
        <SimulatorBanner />
        <header className="border-b border-slate-200 bg-white">
          <MainNav />
        </header>
        <main className="mx-auto max-w-7xl px-4 py-6">{children}</main>
      </body>
    </html>
  );
}
