export const userStatuses = [
  'PENDING_ACTIVE',
  'ACTIVE',
  'LOCKED',
  'TEMP_LOCKED',
  'DISABLED',
] as const;
export type UserStatus = (typeof userStatuses)[number];

export interface UserLocale {
  country?: string;
  language?: string;
  variant?: string;
}

/** A user of an identity store (TrustX) — an identity (Beyond Identity). */
export interface UserRecord {
  id: string;
  tenantId: string;
  storeName: string;
  userKey: string;
  externalId: string;
  email: string | null;
  firstName: string | null;
  lastName: string | null;
  dateOfBirth: string | null;
  locale: UserLocale | null;
  nationalities: string[] | null;
  status: UserStatus;
  timezone: string | null;
  type: string | null;
  attributes: Record<string, string> | null;
  createdAt: string;
  updatedAt: string;
}

export type UserScope = { tenantId: string; storeName: string };
