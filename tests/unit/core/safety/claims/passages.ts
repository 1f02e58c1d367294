/** A small knowledge base for the claims tests: English passages, as the real ones are. */
export const PASSAGES = [
  {
    id: 'refunds',
    text: 'Refunds are issued within 5 days of approval. Annual plans can be refunded in full within 14 days of purchase. Monthly payments are not refunded.',
  },
  { id: 'plans', text: 'You can change your plan at any time under Settings → Billing. The Team plan costs €15 per seat; the WELCOME10 code gives 10% off the first month.' },
  { id: 'contact', text: 'Billing questions go to billing@countersign.example. Incidents are posted on https://status.countersign.example/incidents. Phone support: +49 30 1234 5678.' },
  { id: 'shipping', text: 'Orders ship within two business days; delivery takes 3-5 business days in the EU. A reset link is valid for 60 minutes.' },
];

export const CUSTOMER = { address: 'kunde@example.org', name: 'Maria Keller', identifiers: ['A-48213'] };
