export interface ServerState {
  backend: string
  server: string
  status: string
  sessions: number
  total: number
  addr: string
}
export function haproxyCommand(socket: string, command: string): Promise<string>
export function serverStates(socket: string): Promise<ServerState[]>
export function addServer(
  socket: string,
  backend: string,
  server: string,
  address: string,
): Promise<void>
