/** The numbers test/fixtures/pages/contact.html shows, as written there: all must be marked. */
export const CONTACT = [
  '(973) 555-0142',
  '(973) 555-0143',
  '1-800-555-0199',
  '(973) 555-1212',
  '973-555-0150 ext. 204',
  '+1 973 555 0160 x12',
  '973.555.0170',
  '+44 20 7946 0958',
  '+49 30 901820',
  '+33 1 42 68 53 00',
  '+61 2 9374 4000',
  '+1 (416) 555-0199',
  '+52 55 1234 5678',
  '+81 3-3224-5000',
  '1 (888) 555-0111',
];

/** tel-links.html: the link text "+1 416 555 0123" and the paragraph #visible are marked. */
export const TEL_LINKS = ['+1 416 555 0123', '973-555-0170'];
