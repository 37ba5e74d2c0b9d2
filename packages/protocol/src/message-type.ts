// Message types of the y-websocket protocol (y-protocols PROTOCOL.md) plus our two: a control
// request from a browser (100) and the server's answer to it (101).
export const MessageType = {
  sync: 0,
  awareness: 1,
  queryAwareness: 3,
  controlRequest: 100,
  controlResult: 101,
} as const
