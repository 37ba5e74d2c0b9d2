// After the interview ends the call has no purpose: the interviewer asks the web API to close
// the LiveKit room. Fire and forget: a failure leaves people in a call they can simply leave.
export function endCall(sessionToken: string): void {
  void fetch('/api/livekit/end', {
    method: 'POST',
    headers: { authorization: `Bearer ${sessionToken}` },
    keepalive: true,
  }).catch(() => {
    // nothing to tell anyone: the call panel shows whatever LiveKit does next
  })
}
