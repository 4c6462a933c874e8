/** Which user: an existing one by id, or by externalId (optionally created on completion). */
export type RegistrationSubject = { userId: string } | { externalId: string };
