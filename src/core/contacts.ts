import { rfc3339, type Clock } from '../clock.js';
import type { IdSource } from '../ids.js';
import type { Store } from '../store/store.js';
import type { Contact } from '../types/generated.js';
import type { PersonName } from './contact-names.js';

const CONTACT_ID = /^[0-9a-f]{32}$/;

/** `31612345678` and `+31612345678` are the same person; other recipients are kept as given. */
const normalizeMsisdn = (recipient: string) => (/^\+?\d{6,15}$/.test(recipient) ? `+${recipient.replace(/^\+/, '')}` : recipient);

export interface ContactsDeps {
  store: Store;
  ids: IdSource;
  clock: Clock;
  names: (msisdn: string) => PersonName;
}

/** The contact a recipient (number or contact id) stands for, created with a stable name on first sight. */
export function createContacts({ store, ids, clock, names }: ContactsDeps): (recipient: string) => Contact {
  return (recipient) => {
    // `to` may be a contact id instead of a number; only then is the (rare) scan worth it.
    if (CONTACT_ID.test(recipient)) {
      const byId = [...store.contactsByMsisdn.values()].find((c) => c.id === recipient);
      if (byId) return byId;
    }
    const msisdn = normalizeMsisdn(recipient);
    const existing = store.contactsByMsisdn.get(msisdn);
    if (existing) return existing;
    const { firstName, lastName } = names(msisdn);
    const id = ids.next();
    const contact: Contact = {
      id,
      href: `https://contacts.messagebird.com/v2/contacts/${id}`,
      msisdn: msisdn.replace(/^\+/, ''),
      firstName,
      lastName,
      displayName: `${firstName} ${lastName}`,
      customDetails: {},
      createdDatetime: rfc3339(clock.now()),
      updatedDatetime: null,
    };
    store.contactsByMsisdn.set(msisdn, contact);
    return contact;
  };
}
