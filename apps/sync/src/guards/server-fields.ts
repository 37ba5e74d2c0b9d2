/**
 * What only the server writes into a client-written document: the registry of the Yjs client ids
 * it wrote with (a root map, keyed by id) and the clarifying row's "answered from hint" mark
 * (`answeredFromHint`, session-model's clarify-rows.ts). A client update touching them is refused
 * (validate-update.ts).
 */
export const SERVER_CLIENTS = 'server:clients'
export const SERVER_KEYS: ReadonlySet<string> = new Set(['answeredFromHint'])

/** The owner the server's own client ids are bound to in ClientOwners (no participant id is this). */
export const SERVER_WRITER = '(server)'
