import { CloseCode, CloseError } from '@mockroom/protocol'

/**
 * Which participant writes as which Yjs client id in one document, bound when a participant's
 * update first advances that id's clock (for as long as the document is loaded). Someone else's
 * id cannot be advanced: a single struct claiming a victim's next clocks would make every peer
 * ignore what the victim types afterwards.
 */
export class ClientOwners {
  private readonly owners = new Map<number, string>()

  /** Throws CloseError(4422) when any of `clients` belongs to another participant. */
  claim(participantId: string, clients: readonly number[]) {
    for (const c of clients) {
      const owner = this.owners.get(c)
      if (owner !== undefined && owner !== participantId)
        throw new CloseError(
          CloseCode.refused,
          "update refused: writes as another participant's client",
        )
    }
    for (const c of clients) this.owners.set(c, participantId)
  }

  /** Binds `client` to `owner` whoever had it (the server's own ids, server-fields.ts). */
  bind(owner: string, client: number) {
    this.owners.set(client, owner)
  }
}
